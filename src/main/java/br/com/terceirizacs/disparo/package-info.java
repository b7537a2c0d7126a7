/**
 * The hybrid dispatch engine behind the {@code disparo} process: automation rules, the queue of suggested and
 * automatic messages ({@code filas_disparo}) with its state machine, the dispatch policy, preparation, decisions and
 * the send; and the daily access rescue's selection.
 * <p>
 * Read models that read other packages' tables with SQL, on purpose:
 * <ul>
 *   <li>{@link ResgateService} selects rescue candidates from {@code matriculas} and {@code alunos} (matricula) in one
 *       indexed query per product: a daily scan over a million enrolments cannot go through services. It never writes
 *       them.</li>
 * </ul>
 */
package br.com.terceirizacs.disparo;
