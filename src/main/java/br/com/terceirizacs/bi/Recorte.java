package br.com.terceirizacs.bi;

import java.time.LocalDate;
import java.util.List;

/**
 * What a dashboard figure is computed over: the enrolments of these products (all of them belong to one producer),
 * optionally of one turma, bought from {@code de} to {@code ate} (local dates of the producer, inclusive; null =
 * unbounded).
 */
record Recorte(List<Long> produtoIds, Long turmaId, LocalDate de, LocalDate ate) {

    Recorte {
        produtoIds = List.copyOf(produtoIds);
    }
}
