package br.com.terceirizacs.celebracao;

/** What became of a completed module (one row per enrolment and module, ever). */
public enum SituacaoCelebracao {
    /** Recorded; the decision waits a short while, so the latest module of a binge is the one congratulated. */
    AGUARDANDO,
    /** Congratulated (the send itself is the {@code disparo}'s: its queue row says whether it went). */
    PARABENIZADA,
    /** Reported more than 3 days after it happened: recorded, not congratulated. */
    ATRASADA,
    /** An older module (earlier in the course than one already completed) completed late: not congratulated. */
    MODULO_ANTERIOR,
    /** Part of a binge: a later module completed right after gets the congratulation. */
    SUBSTITUIDA,
    /** The student was already congratulated today. */
    LIMITE_DIARIO,
    /** Refund, chargeback, cancellation, dispute or opt-out before the decision. */
    CANCELADA
}
