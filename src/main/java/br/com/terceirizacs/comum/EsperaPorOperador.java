package br.com.terceirizacs.comum;

/**
 * Marks a job that must wait for an operator's fix without becoming an incident of its own and without spending its
 * retries: a send held behind a template that is already an incident elsewhere. The job is put back with a later due
 * date (it looks again from time to time); whoever lifts the cause makes it due at once.
 */
public interface EsperaPorOperador {
}
