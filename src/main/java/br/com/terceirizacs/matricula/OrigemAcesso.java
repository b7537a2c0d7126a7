package br.com.terceirizacs.matricula;

/** Where a first access is credited (stored by its code, which the dashboard explains). */
public enum OrigemAcesso {
    /** A click on our tracked WhatsApp link preceded the first access within the attribution window. */
    LINK_WHATSAPP_TERCEIRIZA("link_whatsapp_terceiriza"),
    /** Any other first access: the student came through Hotmart's access e-mail (or on their own). */
    EMAIL_HOTMART("email_hotmart");

    private final String codigo;

    OrigemAcesso(String codigo) {
        this.codigo = codigo;
    }

    public String codigo() {
        return codigo;
    }
}
