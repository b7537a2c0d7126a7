package br.com.terceirizacs.catalogo;

import java.util.List;

/**
 * A message template as other packages see it.
 *
 * @param parametros names of the positional body parameters ({{1}}, {{2}}…): primeiro_nome, produto, modulo or
 *                   texto_livre (the part CS may edit)
 * @param botaoUrl   the URL button's path with {{1}} for the dynamic suffix (our tracked-link token), or null
 * @param botaoRotulo the URL button's label as the student sees it (null when there is no button)
 */
public record TemplateResumo(String nome, String idioma, String categoria, String corpo, List<String> parametros,
                             String textoLivrePadrao, String botaoUrl, String botaoRotulo) {

    public static final String TEXTO_LIVRE = "texto_livre";

    /** The body as the student will read it. */
    public String renderizar(List<String> valores) {
        String texto = corpo;
        for (int i = 0; i < valores.size(); i++) {
            texto = texto.replace("{{" + (i + 1) + "}}", valores.get(i) == null ? "" : valores.get(i));
        }
        return texto;
    }

    public boolean temTextoLivre() {
        return parametros.contains(TEXTO_LIVRE);
    }
}
