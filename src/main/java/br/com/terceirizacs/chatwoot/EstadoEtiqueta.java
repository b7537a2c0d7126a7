package br.com.terceirizacs.chatwoot;

/** What became of a label asked for an enrolment ({@code chatwoot_etiquetas.estado}). */
public enum EstadoEtiqueta {
    /** Asked for; Chatwoot was unavailable so far: the process step retries it with back-off. */
    PENDENTE,
    /** In the student's label list in Chatwoot (confirmed by reading it back). */
    APLICADA,
    /** The producer has no Chatwoot connected: nothing was called, no incident. */
    SEM_CHATWOOT,
    /** The student has no usable phone: there is nothing to find the contact by. */
    SEM_TELEFONE,
    /** Chatwoot refused the account or the data: an incident tells the operator what to do. */
    FALHOU
}
