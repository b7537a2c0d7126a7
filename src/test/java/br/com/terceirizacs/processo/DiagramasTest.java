package br.com.terceirizacs.processo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import br.com.terceirizacs.processo.RegrasDosDiagramas.Defeito;
import br.com.terceirizacs.processo.RegrasDosDiagramas.Regra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every diagram under {@code processes/} reads like a drawing made by a person in Camunda Modeler
 * ({@link RegrasDosDiagramas}; the rules are listed in docs/architecture.md, "Diagrams"). A new {@code .bpmn} there is
 * checked without touching this class. Each rule is also shown to catch its defect on a copy of a correct diagram
 * broken in exactly one way, so the check cannot pass by checking nothing.
 */
class DiagramasTest {

    private static final String CORRETO = "/diagramas-de-teste/correto.bpmn";

    static Stream<Path> diagramas() throws IOException {
        try (Stream<Path> arquivos = Files.list(Path.of("processes"))) {
            return arquivos.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("diagramas")
    void cadaDiagramaSegueAsRegrasDeDesenho(Path diagrama) throws IOException {
        List<Defeito> defeitos = RegrasDosDiagramas.verificar(Files.readString(diagrama));

        assertThat(defeitos).withFailMessage(() -> diagrama + " tem " + defeitos.size() + " defeito(s) de desenho:\n  "
                + defeitos.stream().map(Defeito::toString).collect(Collectors.joining("\n  "))).isEmpty();
    }

    @Test
    void osDiagramasDoProjetoEstaoNaVerificacao() throws IOException {
        assertThat(diagramas().map(p -> p.getFileName().toString()))
                .contains("onboarding.bpmn", "resgate-acesso.bpmn", "disparo.bpmn");
    }

    @Test
    void oDiagramaDeReferenciaNaoTemDefeito() throws IOException {
        assertThat(RegrasDosDiagramas.verificar(correto())).isEmpty();
    }

    static Stream<Arguments> defeitos() {
        return Stream.of(
                caso("id no formato tipo_uuid", Regra.ID_GERADO, "serviceTask_caac85e7-4454-4607-bced-4009eff703dc",
                        renomear("Tarefa_Publicar", "serviceTask_caac85e7-4454-4607-bced-4009eff703dc")),
                caso("id com o sufixo aleatório do Modeler", Regra.ID_GERADO, "Activity_0x1y2z3",
                        renomear("Tarefa_Publicar", "Activity_0x1y2z3")),
                caso("id de fluxo do Modeler", Regra.ID_GERADO, "Flow_1abcd2e", renomear("Fluxo_Aprovado", "Flow_1abcd2e")),
                caso("id padrão com contador", Regra.ID_GERADO, "StartEvent_1", renomear("Inicio_Pedido", "StartEvent_1")),
                caso("id de mensagem gerado", Regra.ID_GERADO, "Message_1k2j3h4",
                        renomear("Mensagem_Cancelado", "Message_1k2j3h4")),
                caso("id do desenho fora do padrão", Regra.ID_DO_DESENHO, "BPMNShape_Publicar",
                        trocar("id=\"Tarefa_Publicar_di\"", "id=\"BPMNShape_Publicar\"")),
                caso("evento de fim sem nome", Regra.SEM_NOME, "Fim_Publicado", semAtributo("Fim_Publicado", "name")),
                caso("evento de borda sem nome", Regra.SEM_NOME, "Limite_Prazo", semAtributo("Limite_Prazo", "name")),
                caso("gateway sem nome", Regra.SEM_NOME, "Gateway_Aprovado", semAtributo("Gateway_Aprovado", "name")),
                caso("saída de gateway sem nome", Regra.SEM_NOME, "Fluxo_Reprovado",
                        semAtributo("Fluxo_Reprovado", "name")),
                caso("tarefa sem documentação", Regra.SEM_DOCUMENTACAO, "Tarefa_Publicar",
                        semDocumentacao("Tarefa_Publicar")),
                caso("evento dentro de subprocesso sem documentação", Regra.SEM_DOCUMENTACAO, "Fim_Cancelado",
                        semDocumentacao("Fim_Cancelado")),
                caso("processo sem documentação", Regra.SEM_DOCUMENTACAO, "exemplo", semDocumentacao("exemplo")),
                caso("documentação com nome de tabela", Regra.DOCUMENTACAO_TECNICA, "Tarefa_Publicar",
                        documentacao("Tarefa_Publicar", "Grava a linha em textos_publicados.")),
                caso("documentação com chave de configuração", Regra.DOCUMENTACAO_TECNICA, "Tarefa_Revisar",
                        documentacao("Tarefa_Revisar", "O prazo vem de terceiriza.revisao.prazo.")),
                caso("documentação com expressão", Regra.DOCUMENTACAO_TECNICA, "Gateway_Aprovado",
                        documentacao("Gateway_Aprovado", "Segue quando ${aprovado} for verdadeiro.")),
                caso("elemento sem forma no desenho", Regra.SEM_DESENHO, "Fim_Publicado", removerForma("Fim_Publicado")),
                caso("formas sobrepostas", Regra.SOBREPOSICAO, "Fim_Publicado", moverForma("Fim_Publicado", 590, 142)),
                caso("evento de borda longe do seu hospedeiro", Regra.EVENTO_DE_BORDA_FORA_DA_BORDA, "Limite_Prazo",
                        moverForma("Limite_Prazo", 272, 230)),
                caso("evento de borda no meio do hospedeiro", Regra.EVENTO_DE_BORDA_FORA_DA_BORDA, "Limite_Prazo",
                        moverForma("Limite_Prazo", 272, 142)),
                caso("linha passando por cima de uma forma", Regra.FLUXO_ATRAVESSA_FORMA, "Fluxo_Publicado",
                        moverForma("Fim_Expirado", 610, 142)),
                caso("linhas que se cruzam", Regra.FLUXOS_SE_CRUZAM, "Fluxo_PrazoEsgotado",
                        redesenharLinha("Fluxo_Aprovado", 420, 185, 420, 320, 550, 320, 550, 200)),
                caso("linhas desenhadas uma sobre a outra", Regra.FLUXOS_SE_CRUZAM, "Fluxo_Reprovado",
                        redesenharLinha("Fluxo_Aprovado", 420, 135, 420, 80, 550, 80, 550, 120)),
                caso("retorno que entra pelo lado do destino", Regra.FLUXO_PARA_TRAS, "Fluxo_Reprovado",
                        redesenharLinha("Fluxo_Reprovado", 420, 135, 420, 130, 340, 130)),
                caso("retorno em diagonal", Regra.FLUXO_PARA_TRAS, "Fluxo_Reprovado",
                        redesenharLinha("Fluxo_Reprovado", 420, 135, 290, 120)),
                caso("fluxo para a frente que volta para a esquerda", Regra.FLUXO_PARA_TRAS, "Fluxo_Publicado",
                        redesenharLinha("Fluxo_Publicado", 600, 160, 630, 160, 630, 230, 620, 230, 620, 250, 670, 250,
                                670, 178)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defeitos")
    void cadaRegraPegaOSeuDefeito(String caso, Regra regra, String elemento, UnaryOperator<String> estrago)
            throws IOException {
        List<Defeito> defeitos = RegrasDosDiagramas.verificar(estrago.apply(correto()));

        assertThat(RegrasDosDiagramas.regras(defeitos)).as("regras violadas: %s", defeitos).containsExactly(regra);
        assertThat(defeitos).as("o defeito nomeia o elemento").anySatisfy(d -> assertThat(d.toString()).contains(elemento));
    }

    @Test
    void todaRegraTemUmCasoQueAProva() {
        Set<Regra> provadas = defeitos().map(a -> (Regra) a.get()[1]).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(Regra.class)));

        assertThat(provadas).containsExactlyInAnyOrder(Regra.values());
    }

    private static String correto() throws IOException {
        try (InputStream in = DiagramasTest.class.getResourceAsStream(CORRETO)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Arguments caso(String nome, Regra regra, String elemento, UnaryOperator<String> estrago) {
        return arguments(nome, regra, elemento, estrago);
    }

    // ---- ways to break the correct diagram; each fails if it finds nothing to change --------------------------------

    private static UnaryOperator<String> trocarRegex(String regex, String por) {
        return xml -> {
            Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(xml);
            if (!m.find()) {
                throw new IllegalStateException("o estrago não achou o que mudar: " + regex);
            }
            return m.replaceAll(por);
        };
    }

    private static UnaryOperator<String> trocar(String de, String por) {
        return trocarRegex(Pattern.quote(de), Matcher.quoteReplacement(por));
    }

    /** Every occurrence of the id, in references and in its {@code _di} too. */
    private static UnaryOperator<String> renomear(String id, String novo) {
        return trocarRegex("(?<![\\w-])" + Pattern.quote(id) + "(?![A-Za-z0-9])", novo);
    }

    private static UnaryOperator<String> semAtributo(String id, String atributo) {
        return trocarRegex("(<bpmn:\\w+ id=\"" + id + "\"[^>]*?) " + atributo + "=\"[^\"]*\"", "$1");
    }

    private static UnaryOperator<String> semDocumentacao(String id) {
        return trocarRegex("(<bpmn:\\w+ id=\"" + id + "\"[^>]*>\\s*)<bpmn:documentation>[^<]*</bpmn:documentation>", "$1");
    }

    private static UnaryOperator<String> documentacao(String id, String texto) {
        return trocarRegex("(<bpmn:\\w+ id=\"" + id + "\"[^>]*>\\s*<bpmn:documentation>)[^<]*",
                "$1" + Matcher.quoteReplacement(texto));
    }

    private static UnaryOperator<String> removerForma(String id) {
        return trocarRegex("<bpmndi:BPMNShape id=\"" + id + "_di\".*?</bpmndi:BPMNShape>", "");
    }

    private static UnaryOperator<String> moverForma(String id, int x, int y) {
        return trocarRegex("(<bpmndi:BPMNShape id=\"" + id + "_di\"[^>]*>\\s*<dc:Bounds) x=\"[^\"]*\" y=\"[^\"]*\"",
                "$1 x=\"" + x + "\" y=\"" + y + "\"");
    }

    private static UnaryOperator<String> redesenharLinha(String id, int... xy) {
        StringBuilder pontos = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            pontos.append("<di:waypoint x=\"").append(xy[i]).append("\" y=\"").append(xy[i + 1]).append("\" />");
        }
        return trocarRegex("(<bpmndi:BPMNEdge id=\"" + id + "_di\"[^>]*>).*?(</bpmndi:BPMNEdge>)", "$1" + pontos + "$2");
    }
}
