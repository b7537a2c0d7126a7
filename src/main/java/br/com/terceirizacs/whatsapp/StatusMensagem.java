package br.com.terceirizacs.whatsapp;

/** The life of one send. The order number lets out-of-order status webhooks only move it forward. */
public enum StatusMensagem {
    /** Row written, request not started. */
    NOVA(0),
    /** Meta answered with an error that means "not accepted": nothing was sent, a retry may send. */
    NAO_ENVIADA(0),
    /** Committed right before the request leaves: if we never learn the answer, it may have been sent. */
    ENVIANDO(1),
    /** The answer never came (timeout, crash): never resent blindly; an operator or a status webhook settles it. */
    INCERTA(1),
    /** Dry-run: rendered and recorded, not sent (no token configured). */
    SIMULADA(2),
    ENVIADA(2),
    ENTREGUE(3),
    LIDA(4),
    FALHOU(5);

    private final int ordem;

    StatusMensagem(int ordem) {
        this.ordem = ordem;
    }

    int ordem() {
        return ordem;
    }

    /** Meta accepted it (or, in dry-run, we recorded it): sending again would send twice. */
    public boolean aceita() {
        return this == SIMULADA || this == ENVIADA || this == ENTREGUE || this == LIDA;
    }
}
