package br.com.terceirizacs.matricula;

/**
 * Status of a Hotmart transaction as our events say it (we route on the event, never on {@code purchase.status}).
 * Terminal states win over anything; between the others, the later event time wins, whatever the arrival order.
 */
public enum StatusTransacao {
    APROVADA(StatusMatricula.ATIVA),
    COMPLETA(StatusMatricula.ATIVA),
    EM_DISPUTA(StatusMatricula.EM_DISPUTA),
    REEMBOLSADA(StatusMatricula.REEMBOLSADA),
    CHARGEBACK(StatusMatricula.CHARGEBACK),
    CANCELADA(StatusMatricula.CANCELADA);

    private final StatusMatricula statusMatricula;

    StatusTransacao(StatusMatricula statusMatricula) {
        this.statusMatricula = statusMatricula;
    }

    public boolean terminal() {
        return statusMatricula.terminal();
    }

    public StatusMatricula statusMatricula() {
        return statusMatricula;
    }
}
