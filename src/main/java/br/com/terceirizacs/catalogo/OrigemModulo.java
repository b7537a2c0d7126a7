package br.com.terceirizacs.catalogo;

/** Where a module of a product's catalogue came from. */
public enum OrigemModulo {
    /** Loaded by an operator through the admin API: wins over a synchronised order. */
    MANUAL,
    /** Read from Hotmart's Club API (the reconciliation); never reorders MANUAL entries. */
    SINCRONIZADO,
    /** Seen in a CLUB_MODULE_COMPLETED and missing from the catalogue: appended at the end, for an operator to review. */
    EVENTO
}
