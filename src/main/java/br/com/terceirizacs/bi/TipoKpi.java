package br.com.terceirizacs.bi;

/**
 * The kinds of value event in {@code kpis_acesso}. The names are the stored {@code tipo} and the values a process owner
 * picks in the "Registrar indicador" element template (a test keeps the template's list equal to this enum).
 */
public enum TipoKpi {
    /** The welcome with the tracked link went out: "Acesso facilitado via Zap". */
    ACESSO_FACILITADO_VIA_ZAP("Acesso facilitado via Zap"),
    /** A first access credited to our WhatsApp link by the attribution rule. */
    PRIMEIRO_ACESSO_VIA_LINK("Primeiro acesso pelo link do WhatsApp"),
    /** A rescued student whose first access came within N days after the rescue message. */
    RESGATE_CONVERTIDO("Resgate convertido em acesso");

    private final String rotulo;

    TipoKpi(String rotulo) {
        this.rotulo = rotulo;
    }

    /** How the dashboard and the element template name it (pt-BR). */
    public String rotulo() {
        return rotulo;
    }
}
