package br.com.terceirizacs.matricula;

/** The state of an enrolment; the last three are terminal for the purchase that made it. */
public enum StatusMatricula {
    ATIVA,
    EM_DISPUTA,
    REEMBOLSADA,
    CHARGEBACK,
    CANCELADA;

    public boolean terminal() {
        return this == REEMBOLSADA || this == CHARGEBACK || this == CANCELADA;
    }
}
