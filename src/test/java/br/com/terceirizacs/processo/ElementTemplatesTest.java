package br.com.terceirizacs.processo;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import br.com.terceirizacs.bi.TipoKpi;
import br.com.terceirizacs.disparo.TipoRegra;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The element templates a process owner finds in Camunda Modeler: valid for the Modeler (its JSON schema, kept in
 * src/test/resources so the test needs no network), and every name they write into a diagram exists in the code: a
 * bean the engine lets diagrams use, a process variable, a process of {@code processes/}, a rule or KPI of the enums.
 * That the resulting diagram runs is {@link DiagramaDeTemplatesProcessTest}.
 */
class ElementTemplatesTest {

    /** Local input parameters a bean reads from its own task (not process variables), with the bean that reads them. */
    private static final Map<String, String> ENTRADAS_LOCAIS = Map.of(
            RegistrarKpiDelegate.ENTRADA_KPI, "registrarKpi",
            "etiqueta", "etiquetaChatwoot");

    /** What the {@code disparo} process takes and gives back (docs/architecture.md, "Processes"). */
    private static final Set<String> ENTRADAS_DO_DISPARO = Set.of(Variaveis.MATRICULA_ID, Variaveis.TIPO_REGRA,
            Variaveis.MOTIVO, Variaveis.TEMPLATE);
    private static final Set<String> SAIDAS_DO_DISPARO = Set.of(Variaveis.RESULTADO_ENVIO, Variaveis.FILA_ID);

    private static final Pattern BEAN = Pattern.compile("^\\$\\{([A-Za-z_]\\w*)}$");

    private static Map<String, JsonNode> templates;

    @BeforeAll
    static void ler() {
        templates = TemplatesDoModeler.todos();
    }

    @Test
    void aPastaTemOsPassosQueUmDonoDeProcessoUsa() {
        assertThat(templates.keySet()).containsExactlyInAnyOrder("br.com.terceirizacs.enviar-mensagem",
                "br.com.terceirizacs.etiqueta-chatwoot", "br.com.terceirizacs.registrar-indicador",
                "br.com.terceirizacs.verificar-whatsapp", "br.com.terceirizacs.sinalizar-sem-telefone");
    }

    // (a) what the Modeler accepts

    @Test
    void todoTemplateValidaNoEsquemaDoModeler() throws IOException {
        Schema esquema = esquema();
        for (Path arquivo : TemplatesDoModeler.arquivos()) {
            List<Error> erros = esquema.validate(Files.readString(arquivo), InputFormat.JSON);
            assertThat(erros).as(arquivo.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void oEsquemaRecusaTemplatesQueOModelerRecusaria() throws IOException {
        Schema esquema = esquema();
        String valido = Files.readString(TemplatesDoModeler.PASTA.resolve("registrar-indicador.json"));

        assertThat(esquema.validate(valido.replace("\"choices\"", "\"opcoes\""), InputFormat.JSON))
                .as("lista sem opções").isNotEmpty();
        assertThat(esquema.validate(valido.replace("camunda:inputParameter", "camunda:entrada"), InputFormat.JSON))
                .as("binding desconhecido").isNotEmpty();
        assertThat(esquema.validate(valido.replace("\"appliesTo\"", "\"aplicaSe\""), InputFormat.JSON))
                .as("sem appliesTo").isNotEmpty();
    }

    @Test
    void todoTemplateTemNomeEDescricaoEmPortuguesVersaoEIdDoProjeto() {
        templates.forEach((id, t) -> {
            assertThat(id).startsWith("br.com.terceirizacs.");
            assertThat(t.path("version").asInt()).as(id).isPositive();
            assertThat(t.path("description").asText()).as(id).isNotBlank();
            assertThat(t.path("entriesVisible").asBoolean(true)).as(id + ": só os campos do template").isFalse();
            propriedades(t).filter(p -> !oculto(p)).forEach(p -> assertThat(p.path("label").asText())
                    .as(id + ": campo que a pessoa vê tem rótulo").isNotBlank());
        });
    }

    @Test
    void oReadmeDaPastaExplicaCadaTemplate() throws IOException {
        String leiaMe = Files.readString(TemplatesDoModeler.PASTA.resolve("README.md"));
        templates.values().forEach(t -> assertThat(leiaMe).contains(t.path("name").asText()));
    }

    // (b) every name exists

    @Test
    void todaExpressaoNomeiaUmBeanQueOsDiagramasPodemUsar() {
        Set<String> nomeados = new TreeSet<>();
        templates.forEach((id, t) -> propriedades(t).filter(p -> "property".equals(tipo(p))
                        && p.path("binding").path("name").asText().matches("camunda:(delegateExpression|expression)"))
                .forEach(p -> {
                    Matcher m = BEAN.matcher(p.path("value").asText());
                    assertThat(m.matches()).as(id + ": só ${bean}").isTrue();
                    nomeados.add(m.group(1));
                }));

        for (String bean : nomeados) {
            assertThat(BeansDosDiagramas.NOMES).as("bean do template na lista de BeansDosDiagramas").contains(bean);
        }
    }

    @Test
    void entradasESaidasNomeiamVariaveisDoProcessoOuEntradasLocaisDocumentadas() {
        Set<String> variaveis = variaveis();
        templates.forEach((id, t) -> {
            Set<String> entradasDaTarefa = propriedades(t).filter(p -> "camunda:inputParameter".equals(tipo(p)))
                    .map(p -> p.path("binding").path("name").asText()).collect(Collectors.toSet());
            propriedades(t).forEach(p -> {
                JsonNode b = p.path("binding");
                switch (tipo(p)) {
                    case "camunda:inputParameter" -> {
                        String nome = b.path("name").asText();
                        if (!variaveis.contains(nome)) {
                            assertThat(ENTRADAS_LOCAIS).as(id + ": entrada " + nome).containsKey(nome);
                            assertThat(t.toString()).as(id + ": quem lê a entrada " + nome)
                                    .contains("${" + ENTRADAS_LOCAIS.get(nome) + "}");
                        }
                    }
                    case "camunda:in" -> {
                        assertThat(ENTRADAS_DO_DISPARO).as(id + ": entrada do disparo").contains(b.path("target").asText());
                        if (!b.path("expression").asBoolean()) {
                            assertThat(oculto(p)).as(id + ": a origem de uma variável não é digitada").isTrue();
                            assertThat(p.path("value").asText()).as(id + ": variável de origem")
                                    .isIn(union(variaveis, entradasDaTarefa));
                        }
                    }
                    case "camunda:out" -> {
                        assertThat(SAIDAS_DO_DISPARO).as(id + ": saída do disparo").contains(b.path("source").asText());
                        assertThat(p.path("value").asText()).as(id + ": variável de destino").isIn(variaveis);
                    }
                    case "property" -> assertThat(b.path("name").asText()).as(id)
                            .isIn("calledElement", "camunda:delegateExpression", "camunda:asyncBefore");
                    default -> throw new AssertionError(id + ": binding sem verificação neste teste: " + b);
                }
            });
        });
    }

    @Test
    void aMensagemPassaAoDisparoTudoOQueEleLeEDevolveOResultado() {
        JsonNode t = templates.get("br.com.terceirizacs.enviar-mensagem");
        assertThat(propriedades(t).filter(p -> "camunda:in".equals(tipo(p))).map(p -> p.path("binding").path("target").asText()))
                .containsExactlyInAnyOrderElementsOf(ENTRADAS_DO_DISPARO);
        assertThat(propriedades(t).filter(p -> "camunda:out".equals(tipo(p))).map(p -> p.path("binding").path("source").asText()))
                .containsExactlyInAnyOrderElementsOf(SAIDAS_DO_DISPARO);
    }

    /** An empty {@code camunda:in} does not deploy ("Missing parameter 'source' or 'sourceExpression'"). */
    @Test
    void umaEntradaDoDisparoQueAPessoaPreencheNaoPodeFicarVazia() {
        templates.forEach((id, t) -> propriedades(t).filter(p -> "camunda:in".equals(tipo(p)) && !oculto(p))
                .forEach(p -> assertThat(p.path("constraints").path("notEmpty").asBoolean())
                        .as(id + ": " + p.path("label").asText()).isTrue()));
    }

    @Test
    void calledElementNomeiaUmProcessoDoRepositorio() throws IOException {
        Set<String> processos = new TreeSet<>();
        try (Stream<Path> arquivos = Files.list(Path.of("processes"))) {
            for (Path bpmn : arquivos.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Bpmn.readModelFromFile(bpmn.toFile()).getModelElementsByType(Process.class)
                        .forEach(p -> processos.add(p.getId()));
            }
        }
        List<String> chamados = new ArrayList<>();
        templates.values().forEach(t -> propriedades(t)
                .filter(p -> "property".equals(tipo(p)) && "calledElement".equals(p.path("binding").path("name").asText()))
                .forEach(p -> chamados.add(p.path("value").asText())));
        assertThat(chamados).isNotEmpty();
        assertThat(processos).containsAll(chamados);
    }

    @Test
    void asListasSaoAsDosEnumsComOsMesmosRotulos() {
        assertThat(opcoes("br.com.terceirizacs.enviar-mensagem", Variaveis.TIPO_REGRA)).isEqualTo(Arrays
                .stream(TipoRegra.values()).collect(Collectors.toMap(TipoRegra::name, TipoRegra::rotulo)));
        assertThat(opcoes("br.com.terceirizacs.registrar-indicador", RegistrarKpiDelegate.ENTRADA_KPI)).isEqualTo(Arrays
                .stream(TipoKpi.values()).collect(Collectors.toMap(TipoKpi::name, TipoKpi::rotulo)));
    }

    private static Map<String, String> opcoes(String template, String chave) {
        JsonNode campo = propriedades(templates.get(template)).filter(p -> chave.equals(TemplatesDoModeler.chave(p)))
                .findFirst().orElseThrow();
        assertThat(campo.path("type").asText()).isEqualTo("Dropdown");
        return StreamSupport.stream(campo.path("choices").spliterator(), false)
                .collect(Collectors.toMap(c -> c.path("value").asText(), c -> c.path("name").asText()));
    }

    static Schema esquema() throws IOException {
        try (InputStream in = ElementTemplatesTest.class.getResourceAsStream("/element-templates/schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    private static Stream<JsonNode> propriedades(JsonNode template) {
        return StreamSupport.stream(template.path("properties").spliterator(), false);
    }

    private static String tipo(JsonNode propriedade) {
        return propriedade.path("binding").path("type").asText();
    }

    private static boolean oculto(JsonNode propriedade) {
        return "Hidden".equals(propriedade.path("type").asText());
    }

    /** The values of the constants of {@link Variaveis}: the process variables. */
    private static Set<String> variaveis() {
        Set<String> nomes = new TreeSet<>();
        for (Field f : Variaveis.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    f.setAccessible(true);
                    nomes.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return nomes;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }
}
