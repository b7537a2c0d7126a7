package br.com.terceirizacs.seguranca;

/** Roles of DESIGN.md §9 and the Camunda groups that grant them. */
public final class Papeis {

    public static final String ADMIN = "ADMIN";
    public static final String CS = "CS";
    public static final String CLIENTE = "CLIENTE";

    /** Camunda group of Terceiriza operations (created by the Camunda starter with every authorization). */
    public static final String GRUPO_ADMIN = "camunda-admin";
    public static final String GRUPO_CS = "cs";
    public static final String GRUPO_CLIENTE = "cliente";

    private Papeis() {
    }

    static String papelDoGrupo(String grupo) {
        return switch (grupo) {
            case GRUPO_ADMIN -> ADMIN;
            case GRUPO_CS -> CS;
            case GRUPO_CLIENTE -> CLIENTE;
            default -> null;
        };
    }
}
