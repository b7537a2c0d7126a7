package br.com.terceirizacs.bi;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What a dashboard figure is computed over: the enrolments of these products (all of them belong to one producer),
 * optionally of one turma, bought in [de, ate). Dates are instants; the producer's time zone cuts days.
 */
record Recorte(List<Long> produtoIds, Long turmaId, Instant de, Instant ate, ZoneId fuso) {

    Recorte {
        produtoIds = List.copyOf(produtoIds);
    }
}
