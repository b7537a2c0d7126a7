/**
 * A message's (and its student's) whole story without SQL, for operators and CS: the search and the timeline of one
 * enrolment, merged from Camunda's history (process instances, activities, user tasks, the user operation log,
 * incidents) and our tables; a page ({@code /historia}) and its JSON API ({@code /api/historia}). On top of the other
 * packages; nothing uses it. It only reads.
 * <p>
 * Read models that read other packages' tables with SQL, on purpose (one indexed query per source instead of a walk
 * through every package's services):
 * <ul>
 *   <li>{@link HistoriaTabelas} reads one enrolment's rows: {@code matriculas}, {@code alunos}, {@code transacoes},
 *       {@code acessos_log}, {@code respostas_whatsapp} (matricula), {@code produtos} and {@code clientes} (catalogo),
 *       {@code eventos_hotmart} (hotmart), {@code filas_disparo} (disparo), {@code mensagens} and
 *       {@code mensagens_status} (whatsapp).</li>
 *   <li>{@link BuscaHistoria} finds enrolments in {@code matriculas}, {@code alunos}, {@code transacoes}
 *       (matricula), {@code produtos}, {@code clientes} (catalogo), {@code mensagens} (whatsapp) and
 *       {@code filas_disparo} (disparo).</li>
 * </ul>
 */
package br.com.terceirizacs.historia;
