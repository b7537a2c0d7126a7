/**
 * Value events ({@code kpis_acesso}) and the producer's dashboard: its summary tables, queries, page, live stream and
 * CSV.
 * <p>
 * Read models that read other packages' tables with SQL, on purpose:
 * <ul>
 *   <li>{@link PainelAgregador} rebuilds the dashboard's summary tables from {@code matriculas} (matricula),
 *       {@code filas_disparo} (disparo), {@code mensagens} (whatsapp), {@code respostas_whatsapp} (matricula: the
 *       students' WhatsApp replies), {@code celebracoes} (celebracao: completed modules), {@code clientes} and {@code produtos} (catalogo): one grouped query per key
 *       instead of a walk through a million enrolments by service calls. It only reads them; every writer of those tables sets
 *       {@code atualizado_em} (a reply, {@code recebida_em}, written once), which is how it finds what changed.</li>
 * </ul>
 */
package br.com.terceirizacs.bi;
