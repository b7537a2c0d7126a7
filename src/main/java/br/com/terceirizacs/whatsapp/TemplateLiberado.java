package br.com.terceirizacs.whatsapp;

/**
 * A stopped template was released (by the API or by retrying its incident): the sends held behind it may go now.
 * Published after the block row is gone.
 */
public record TemplateLiberado(String numero, String template, String idioma, String porQuem) {

    /** How the incident and the held sends name the template in their messages (and how they are found again). */
    public String referencia() {
        return BloqueiosDeTemplate.referencia(numero, template, idioma);
    }
}
