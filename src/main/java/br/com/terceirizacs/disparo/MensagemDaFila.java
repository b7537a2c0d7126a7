package br.com.terceirizacs.disparo;

import java.util.ArrayList;
import java.util.List;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.ProdutoResumo;
import br.com.terceirizacs.catalogo.TemplateResumo;
import br.com.terceirizacs.comum.Json;
import br.com.terceirizacs.matricula.Destinatario;
import br.com.terceirizacs.whatsapp.FormatacaoWhatsApp;
import org.springframework.stereotype.Component;

/** The message of a queue row: its template, its parameter values (stored as a JSON array) and the preview CS reads. */
@Component
class MensagemDaFila {

    private final CatalogoService catalogo;
    private final Json json;

    MensagemDaFila(CatalogoService catalogo, Json json) {
        this.catalogo = catalogo;
        this.json = json;
    }

    TemplateResumo template(FilaDisparo fila) {
        return catalogo.template(fila.getTemplateSugerido(), fila.getTemplateIdioma()).orElseThrow(() ->
                new IllegalStateException("Template '" + fila.getTemplateSugerido() + "' da fila " + fila.getId()
                        + " não está mais cadastrado: nada foi enviado. Cadastre de novo o template com este nome e "
                        + "idioma (" + fila.getTemplateIdioma() + ") e tente o incidente de novo no Cockpit, ou "
                        + "cancele este disparo."));
    }

    List<String> valores(FilaDisparo fila) {
        return json.lerTextos(fila.getParametros());
    }

    String parametros(List<String> valores) {
        return json.escrever(valores);
    }

    /** The position of the free text CS may edit, or -1 when the template has none. */
    static int posicaoTextoLivre(TemplateResumo t) {
        return t.parametros().indexOf(TemplateResumo.TEXTO_LIVRE);
    }

    /**
     * The template's parameters filled from the student, the product and the rule's default free text.
     *
     * @param modulo the module the message names (a congratulation), or null for the enrolment's current module
     */
    static List<String> valoresIniciais(TemplateResumo t, Destinatario d, ProdutoResumo produto, String textoLivre,
                                        String modulo) {
        List<String> valores = new ArrayList<>();
        for (String p : t.parametros()) {
            valores.add(switch (p) {
                case "primeiro_nome" -> d.primeiroNome();
                case "produto" -> produto.nome();
                case "modulo" -> modulo != null ? modulo
                        : d.moduloAtualNome() == null ? produto.nome() : d.moduloAtualNome();
                case TemplateResumo.TEXTO_LIVRE -> textoLivre == null ? "" : textoLivre;
                default -> "";
            });
        }
        return valores;
    }

    /** The label of a template's URL button when the template names none, as the student sees it. */
    static final String ROTULO_BOTAO = "Acessar o curso";

    /** The text as the student will read it; the URL button is named by its label, not its per-student link. */
    static String previa(TemplateResumo t, List<String> valores) {
        String texto = t.renderizar(valores);
        return t.botaoUrl() == null ? texto : texto + "\n\n[Botão: " + rotulo(t) + " → link rastreado do aluno]";
    }

    /** The text and its button as WhatsApp draws them, as HTML for the approval form ({@link FormatacaoWhatsApp}). */
    static String previaWhatsApp(TemplateResumo t, List<String> valores) {
        return FormatacaoWhatsApp.emHtml(t.renderizar(valores), t.botaoUrl() == null ? null : rotulo(t));
    }

    private static String rotulo(TemplateResumo t) {
        return t.botaoRotulo() == null ? ROTULO_BOTAO : t.botaoRotulo();
    }
}
