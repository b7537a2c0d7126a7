package br.com.terceirizacs.matricula;

/** The buyer as a purchase event describes them (raw phone fields, normalised here). */
public record Comprador(String email, String nome, String telefoneCodigo, String telefone, String paisIso) {
}
