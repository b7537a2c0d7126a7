package br.com.terceirizacs.matricula;

/** Kinds of rows in acessos_log. */
public enum TipoAcesso {
    CLIQUE_LINK,
    PRIMEIRO_ACESSO,
    MODULO_CONCLUIDO
}
