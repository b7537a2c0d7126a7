package br.com.terceirizacs.catalogo;

/** How buyers land in a cohort. */
public enum TipoTurma {
    /** Buyers of the turma's offer codes. */
    OFERTA,
    /** Buyers whose purchase date falls in [dataInicio, dataFim], in the producer's time zone. */
    PERIODO,
    /** The default cohort: buyers of one calendar month, created on the first purchase of that month. */
    MENSAL
}
