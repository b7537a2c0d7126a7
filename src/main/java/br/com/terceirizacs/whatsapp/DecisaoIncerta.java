package br.com.terceirizacs.whatsapp;

/** What an operator decided about a send that got no answer from Meta (it may or may not have left). */
public enum DecisaoIncerta {
    /** It did not reach the student: send again, through the same exactly-once claim. */
    REENVIAR,
    /** Give it up: nothing more is sent, the send counts as failed. */
    DESCARTAR,
    /** It reached the student (seen in WhatsApp Manager or told by the student): record it as sent, send nothing. */
    JA_ENTREGUE
}
