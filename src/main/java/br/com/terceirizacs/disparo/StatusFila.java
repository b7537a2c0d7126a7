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
}
