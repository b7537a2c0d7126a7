package br.com.terceirizacs.seguranca;

/** The application's roles and the Camunda groups that grant them. */
public final class Papeis {

    public static final String ADMIN = "ADMIN";
    public static final String CS = "CS";
    public static final String CLIENTE = "CLIENTE";
    /** Process owners: deploy diagrams and forms from Camunda Modeler ({@code /engine-rest/deployment}). */
    public static final String DONO_PROCESSO = "DONO_PROCESSO";
    /** Operators: follow instances in Cockpit and read a student's story ({@code /historia}). */
    public static final String OPERACAO = "OPERACAO";

    /** Camunda group of Terceiriza operations (created by the Camunda starter with every authorization). */
    public static final String GRUPO_ADMIN = "camunda-admin";
    public static final String GRUPO_CS = "cs";
    public static final String GRUPO_CLIENTE = "cliente";
    /** Created at start-up ({@code AcessosCamunda}); members get deployment rights and nothing else. */
    public static final String GRUPO_DONOS_PROCESSO = "donos-processo";
    /** Created at start-up ({@code AcessosCamunda}); members decide uncertain sends in Tasklist and read students' stories. */
    public static final String GRUPO_OPERACAO = "operacao";

    private Papeis() {
    }

    static String papelDoGrupo(String grupo) {
        return switch (grupo) {
            case GRUPO_ADMIN -> ADMIN;
            case GRUPO_CS -> CS;
            case GRUPO_CLIENTE -> CLIENTE;
            case GRUPO_DONOS_PROCESSO -> DONO_PROCESSO;
            case GRUPO_OPERACAO -> OPERACAO;
            default -> null;
        };
    }
}
