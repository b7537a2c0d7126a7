/**
 * The local demo's six weeks of history, seeded only in the default profile.
 * <p>
 * {@link DemoHistorico} writes the history of every package's tables directly with SQL (students, enrolments,
 * transactions, access log, queue, messages, KPIs): a seed of thousands of rows through the services would take
 * minutes and would send nothing anyway. It runs once, on an empty demo database.
 */
package br.com.terceirizacs.demo;
