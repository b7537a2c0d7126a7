package br.com.terceirizacs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our pt-BR translation of Tasklist, Cockpit, Admin and the welcome page covers every label of the Camunda webjar on
 * the classpath: the English file is read from the jar, so a Camunda upgrade that adds or renames labels fails here
 * until they are translated (docs/runbook.md, "Camunda in Portuguese").
 */
class CamundaEmPortuguesTest {

    private static final String RAIZ = "META-INF/resources/webjars/camunda/app/";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Angular-translate parameters, spaces inside the braces do not matter. */
    private static final Pattern PARAMETRO = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}");
    /** HTML the label carries (a link, bold, a line break); text between angle brackets such as "<null>" is not. */
    private static final Pattern TAG = Pattern.compile("<(/?)(a|strong|b|i|em|br|code|span|p|ul|li|div|small)\\b([^>]*)>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void cadaRotuloDoCamundaTemTraducaoComOsMesmosParametros(String app) throws IOException {
        JsonNode en = ler(recurso(app + "/locales/en.json", true));
        JsonNode pt = ler(recurso(app + "/locales/pt-BR.json", false));
        List<String> problemas = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = en.path("labels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String ingles = e.getValue().asText();
            JsonNode traducao = pt.path("labels").get(e.getKey());
            if (traducao == null || !traducao.isTextual()) {
                problemas.add(e.getKey() + ": sem tradução");
            } else if (!ingles.isBlank() && traducao.asText().isBlank()) {
                problemas.add(e.getKey() + ": tradução vazia");
            } else if (!marcas(ingles).equals(marcas(traducao.asText()))) {
                problemas.add(e.getKey() + ": parâmetros ou HTML diferentes de \"" + ingles + "\"");
            }
        }
        assertThat(problemas).as("rótulos de %s", app).isEmpty();
        assertThat(en.path("labels").size()).as("o arquivo em inglês do webjar foi lido").isGreaterThan(100);
        if (en.has("dateLocales")) {
            assertThat(campos(pt.path("dateLocales"))).as("datas de %s", app).containsAll(campos(en.path("dateLocales")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void oPortuguesEOIdiomaPadraoEOAvisoDeMigracaoFicaEscondido(String app) throws IOException {
        String config = texto(recurso(app + "/scripts/config.js", false));
        assertThat(config.replaceAll("\\s", "")).contains("availableLocales:['pt-BR','en']")
                .contains("fallbackLocale:'pt-BR'");
        String estilos = texto(recurso(app + "/styles/user-styles.css", false));
        assertThat(estilos.replaceAll("\\s", "")).contains(".ce-eol-banner{display:none;}");
        // the notice we hide is still the one Camunda draws (an upgrade that renames it fails here)
        assertThat(texto(recurso(app + "/camunda-" + app + "-bootstrap.js", true))).contains("class=\"ce-eol-banner\"");
    }

    /** The parameter names and HTML tags (with their links) of a label, in order-free form. */
    private static List<String> marcas(String rotulo) {
        List<String> marcas = new ArrayList<>();
        Matcher p = PARAMETRO.matcher(rotulo);
        while (p.find()) {
            marcas.add("{{" + p.group(1) + "}}");
        }
        Matcher t = TAG.matcher(rotulo);
        while (t.find()) {
            Matcher href = HREF.matcher(t.group(3));
            marcas.add("<" + t.group(1) + t.group(2).toLowerCase() + (href.find() ? " " + href.group(1) : "") + ">");
        }
        Collections.sort(marcas);
        return marcas;
    }

    private static List<String> campos(JsonNode no) {
        List<String> nomes = new ArrayList<>();
        no.fieldNames().forEachRemaining(nomes::add);
        return nomes;
    }

    /** The Camunda webjar's copy ({@code doWebjar}) or ours, which the application serves in its place. */
    private static URL recurso(String caminho, boolean doWebjar) throws IOException {
        List<URL> achados = Collections.list(CamundaEmPortuguesTest.class.getClassLoader().getResources(RAIZ + caminho));
        return achados.stream().filter(u -> doWebjar == u.toString().contains("camunda-webapp-webjar")).findFirst()
                .orElseThrow(() -> new AssertionError(caminho + (doWebjar ? " não está no webjar do Camunda"
                        : " não está nos recursos da aplicação") + ": " + achados));
    }

    private static String texto(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        }
    }

    private static JsonNode ler(URL url) throws IOException {
        return JSON.readTree(texto(url));
    }
}
