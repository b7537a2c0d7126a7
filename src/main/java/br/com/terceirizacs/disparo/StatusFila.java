package br.com.terceirizacs.disparo;

/** PENDENTE → APROVADO | REJEITADO | CANCELADO | EXPIRADO; APROVADO → ENVIADO | FALHOU | CANCELADO. */
public enum StatusFila {
    PENDENTE,
    APROVADO,
    REJEITADO,
    CANCELADO,
    EXPIRADO,
    ENVIADO,
    FALHOU;

    public boolean encerrado() {
        return this != PENDENTE && this != APROVADO;
    }

    /** The transitions of the line above; a closed row goes nowhere. */
    boolean podeIrPara(StatusFila novo) {
        return switch (this) {
            case PENDENTE -> novo == APROVADO || novo == REJEITADO || novo == CANCELADO || novo == EXPIRADO;
            case APROVADO -> novo == ENVIADO || novo == FALHOU || novo == CANCELADO;
            default -> false;
        };
    }
}
