package br.com.terceirizacs.catalogo;

/** Published (inside the creating transaction) when an operator adds a turma, so enrolments can be re-assigned. */
public record TurmaCriada(Long produtoId, Long turmaId) {
}
