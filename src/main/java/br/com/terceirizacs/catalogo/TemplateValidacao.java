package br.com.terceirizacs.catalogo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message template must be for Meta to accept our sends of it, checked before it is saved. Each rule is one
 * Meta applies (WhatsApp Manager when the template is created, or the Cloud API when a message is sent), so a template
 * that passes here does not fail a send for its shape. Errors are per field, in pt-BR.
 * <ul>
 *   <li>The body has at most 1024 characters, and its variables are {@code {{1}}}…{@code {{n}}} with none skipped,
 *       not at its very start or end (WhatsApp Manager refuses both).</li>
 *   <li><b>The parameters the app sends match the variables</b>: one parameter name per variable, in order. A send
 *       with more or fewer parameters than the approved template has is refused by Meta (error 132000) for every
 *       student.</li>
 *   <li>Every parameter name is one the app knows how to fill ({@link #PARAMETROS}); {@code texto_livre} at most once,
 *       with a default text that Meta accepts as a parameter (no line breaks or tabs, no more than 4 spaces in a row:
 *       error 132018 otherwise).</li>
 *   <li>A URL button has a label of at most 25 characters and a URL that ends in {@code {{1}}} (the only place Meta
 *       allows its variable), which the app fills with the student's tracked-link token.</li>
 * </ul>
 */
final class TemplateValidacao {

    static final int MAX_CORPO = 1024;
    static final int MAX_ROTULO = 25;
    static final int MAX_URL = 500;
    static final int MAX_TEXTO_LIVRE = 1000;
    static final int MAX_NOME = 200;

    /** The parameter names the app fills when it prepares a message (disparo's MensagemDaFila), with a sample each. */
    static final Map<String, String> PARAMETROS = parametros();

    private static final Pattern NOME = Pattern.compile("[a-z0-9_]+");
    private static final Pattern IDIOMA = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");
    private static final Set<String> CATEGORIAS = Set.of("UTILITY", "MARKETING");
    private static final Pattern VARIAVEL = Pattern.compile("\\{\\{(\\d+)}}");
    private static final Pattern CHAVES = Pattern.compile("\\{\\{|}}");

    /**
     * A template as a process owner writes it.
     *
     * @param parametros one name per body variable, in order ({@code {{1}}} is the first)
     * @param botaoUrl   the URL button's address ending in {@code {{1}}}, e.g. {@code /a/{{1}}}; null without a button
     */
    record Dados(String categoria, String corpo, List<String> parametros, String textoLivrePadrao, String botaoRotulo,
                 String botaoUrl) {
    }

    private TemplateValidacao() {
    }

    private static Map<String, String> parametros() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("primeiro_nome", "Mariana");
        m.put("produto", "Curso Exemplo de Marketing Digital");
        m.put("modulo", "Módulo 2: Tráfego pago");
        m.put(TemplateResumo.TEXTO_LIVRE, "(o texto livre que o CS pode editar)");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Errors of the template's key (name and language), per field; empty when valid. */
    static Map<String, String> errosDaChave(String nome, String idioma) {
        Map<String, String> erros = new LinkedHashMap<>();
        if (nome == null || !NOME.matcher(nome).matches() || nome.length() > MAX_NOME) {
            erros.put("nome", "use só letras minúsculas, números e _ (como no WhatsApp Manager), até " + MAX_NOME
                    + " caracteres");
        }
        if (idioma == null || !IDIOMA.matcher(idioma).matches()) {
            erros.put("idioma", "use o código de idioma da Meta, como pt_BR, en_US ou es");
        }
        return erros;
    }

    /** Errors of what the template says, per field; empty when valid. */
    static Map<String, String> erros(Dados d) {
        Map<String, String> erros = new LinkedHashMap<>();
        if (d.categoria() == null || !CATEGORIAS.contains(d.categoria())) {
            erros.put("categoria", "deve ser UTILITY ou MARKETING");
        }
        List<String> parametros = d.parametros() == null ? List.of() : d.parametros();
        corpo(d.corpo(), parametros, erros);
        nomesDosParametros(parametros, erros);
        textoLivre(parametros, d.textoLivrePadrao(), erros);
        botao(d.botaoRotulo(), d.botaoUrl(), erros);
        return erros;
    }

    private static void corpo(String corpo, List<String> parametros, Map<String, String> erros) {
        if (corpo == null || corpo.isBlank()) {
            erros.put("corpo", "é obrigatório");
            return;
        }
        if (corpo.length() > MAX_CORPO) {
            erros.put("corpo", "tem " + corpo.length() + " caracteres; a Meta aceita no máximo " + MAX_CORPO);
            return;
        }
        if (CHAVES.matcher(VARIAVEL.matcher(corpo).replaceAll("")).find()) {
            erros.put("corpo", "variáveis são escritas {{1}}, {{2}}…, só com o número entre as chaves");
            return;
        }
        TreeSet<Integer> numeros = new TreeSet<>();
        Matcher m = VARIAVEL.matcher(corpo);
        while (m.find()) {
            numeros.add(Integer.parseInt(m.group(1)));
        }
        int n = numeros.size();
        if (n > 0 && (numeros.first() != 1 || numeros.last() != n)) {
            erros.put("corpo", "as variáveis devem ser {{1}} a {{" + n + "}}, sem pular número (o corpo tem "
                    + numeros.stream().map(i -> "{{" + i + "}}").toList() + ")");
            return;
        }
        String aparado = corpo.strip();
        if (n > 0 && (aparado.startsWith("{{") || aparado.endsWith("}}"))) {
            erros.put("corpo", "a Meta não aceita variável no começo nem no fim do texto: escreva algo antes e depois");
            return;
        }
        if (n != parametros.size()) {
            erros.put("parametros", "o corpo tem " + n + (n == 1 ? " variável" : " variáveis") + " e a lista tem "
                    + parametros.size() + (parametros.size() == 1 ? " parâmetro" : " parâmetros")
                    + ": a Meta recusaria todo envio deste template (erro 132000). Informe um parâmetro para cada "
                    + "variável, na ordem");
        }
    }

    private static void nomesDosParametros(List<String> parametros, Map<String, String> erros) {
        for (String p : parametros) {
            if (p == null || !PARAMETROS.containsKey(p)) {
                erros.putIfAbsent("parametros", "parâmetro '" + p + "' desconhecido; use " + PARAMETROS.keySet());
                return;
            }
        }
        if (parametros.stream().filter(TemplateResumo.TEXTO_LIVRE::equals).count() > 1) {
            erros.putIfAbsent("parametros", "texto_livre só pode aparecer uma vez");
        }
    }

    private static void textoLivre(List<String> parametros, String texto, Map<String, String> erros) {
        boolean usa = parametros.contains(TemplateResumo.TEXTO_LIVRE);
        if (!usa) {
            if (texto != null && !texto.isBlank()) {
                erros.put("textoLivrePadrao", "só existe quando um dos parâmetros é texto_livre");
            }
            return;
        }
        if (texto == null || texto.isBlank()) {
            erros.put("textoLivrePadrao", "é obrigatório quando um dos parâmetros é texto_livre");
        } else if (texto.length() > MAX_TEXTO_LIVRE) {
            erros.put("textoLivrePadrao", "deve ter no máximo " + MAX_TEXTO_LIVRE + " caracteres");
        } else if (texto.contains("\n") || texto.contains("\t") || texto.contains("     ")) {
            erros.put("textoLivrePadrao", "a Meta não aceita quebra de linha, tabulação nem mais de 4 espaços seguidos "
                    + "num parâmetro (erro 132018)");
        }
    }

    private static void botao(String rotulo, String url, Map<String, String> erros) {
        boolean temRotulo = rotulo != null && !rotulo.isBlank();
        boolean temUrl = url != null && !url.isBlank();
        if (temRotulo != temUrl) {
            erros.put(temRotulo ? "botaoUrl" : "botaoRotulo", "o botão precisa de rótulo e de URL (ou de nenhum dos dois)");
            return;
        }
        if (!temUrl) {
            return;
        }
        if (rotulo.length() > MAX_ROTULO) {
            erros.put("botaoRotulo", "tem " + rotulo.length() + " caracteres; a Meta aceita no máximo " + MAX_ROTULO);
        }
        if (url.length() > MAX_URL) {
            erros.put("botaoUrl", "deve ter no máximo " + MAX_URL + " caracteres");
        } else if (!url.endsWith("{{1}}") || url.indexOf("{{") != url.length() - 5 || url.chars().anyMatch(Character::isWhitespace)) {
            erros.put("botaoUrl", "deve terminar em {{1}} (o link rastreado do aluno), sem outra variável nem espaços, "
                    + "como /a/{{1}}");
        }
    }
}
