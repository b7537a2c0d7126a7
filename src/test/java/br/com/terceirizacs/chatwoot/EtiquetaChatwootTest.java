package br.com.terceirizacs.chatwoot;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The label that never erases another, against a Chatwoot with state (WireMock serving the documented shapes). */
class EtiquetaChatwootTest extends ChatwootBase {

    private static final String ETIQUETAS_588 = "/api/v1/accounts/7/conversations/588/labels";

    @Autowired
    EtiquetaService etiquetas;

    private String estado(String etiqueta) {
        return jdbc.sql("select estado from chatwoot_etiquetas where matricula_id = ? and etiqueta = ?")
                .params(matriculaId, etiqueta).query(String.class).single();
    }

    @Test
    void umaConversaComProblemaDeAcessoESatisfeitoTerminaComAsTresEtiquetas() {
        conectar();
        FALSO.contato(1042, "+5511900000001");
        FALSO.conversa(588, 1042, ChatwootFalso.CAIXA, 1772465400, "problema_acesso", "satisfeito");

        assertThat(etiquetas.aplicar(matriculaId, null, "conquista")).isEqualTo(EstadoEtiqueta.APLICADA);

        assertThat(FALSO.etiquetasDaConversa(588)).containsExactlyInAnyOrder("problema_acesso", "satisfeito", "conquista");
        assertThat(FALSO.etiquetasDaConta()).contains("conquista");
        assertThat(FALSO.gravacoesDeEtiquetas()).isEqualTo(1);
        CHATWOOT.verify(postRequestedFor(urlPathEqualTo(ETIQUETAS_588))
                .withHeader("api_access_token", equalTo(ChatwootFalso.TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.labels.length()", equalTo("3"))));
        assertThat(estado("conquista")).isEqualTo("APLICADA");
        assertThat(pedidos("GET", "/api/v1/accounts/7/contacts/search")).isEqualTo(1);
        assertThat(CHATWOOT.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().contains("/contacts/search"))
                .findFirst().orElseThrow().getRequest().queryParameter("q").firstValue()).isEqualTo("00000001");

        // again (a job run twice): already there, nothing written
        etiquetas.aplicar(matriculaId, null, "conquista");
        assertThat(FALSO.gravacoesDeEtiquetas()).isEqualTo(1);
    }

    @Test
    void aConversaEscolhidaEAMaisRecenteNaCaixaDoProdutor() {
        conectar();
        FALSO.contato(1042, "+5511900000001");
        FALSO.conversa(587, 1042, ChatwootFalso.CAIXA, 1772400000);
        FALSO.conversa(588, 1042, ChatwootFalso.CAIXA, 1772465400);
        FALSO.conversa(590, 1042, 99, 1772999999);

        etiquetas.aplicar(matriculaId, null, "conquista");

        assertThat(FALSO.etiquetasDaConversa(588)).containsExactly("conquista");
        assertThat(FALSO.etiquetasDaConversa(587)).isEmpty();
        assertThat(FALSO.etiquetasDaConversa(590)).isEmpty();
    }

    @Test
    void umContatoGuardadoSemONonoDigitoEAchado() {
        conectar();
        FALSO.contato(1042, "+551100000001");
        FALSO.conversa(588, 1042, ChatwootFalso.CAIXA, 1772465400, "satisfeito");

        etiquetas.aplicar(matriculaId, null, "conquista");

        assertThat(FALSO.etiquetasDaConversa(588)).containsExactly("satisfeito", "conquista");
        assertThat(FALSO.contatos()).hasSize(1);
    }

    @Test
    void umContatoSemConversaRecebeAEtiquetaNoContato() {
        conectar();
        FALSO.contato(1042, "+5511900000001");

        etiquetas.aplicar(matriculaId, null, "conquista");

        assertThat(FALSO.etiquetasDoContato(1042)).containsExactly("conquista");
        assertThat(jdbc.sql("select alvo from chatwoot_etiquetas where matricula_id = ?").param(matriculaId)
                .query(String.class).single()).isEqualTo("CONTATO");
    }

    @Test
    void semContatoOContatoECriadoEmE164NaCaixaEEtiquetado() {
        conectar();

        etiquetas.aplicar(matriculaId, null, "conquista");

        List<JsonNode> contatos = List.copyOf(FALSO.contatos());
        assertThat(contatos).hasSize(1);
        assertThat(contatos.get(0).path("phone_number").asText()).isEqualTo("+5511900000001");
        CHATWOOT.verify(postRequestedFor(urlPathEqualTo("/api/v1/accounts/7/contacts"))
                .withRequestBody(matchingJsonPath("$.inbox_id", equalTo("3")))
                .withRequestBody(matchingJsonPath("$.name", equalTo("Mariana Souza")))
                .withRequestBody(matchingJsonPath("$.phone_number", equalTo("+5511900000001"))));
        assertThat(FALSO.etiquetasDoContato(contatos.get(0).path("id").asLong())).containsExactly("conquista");

        // a second label finds the contact it created: never a second contact
        etiquetas.aplicar(matriculaId, null, "vip");
        assertThat(FALSO.contatos()).hasSize(1);
    }

    @Test
    void um429SeguidoDe200GravaUmaVezSo() {
        conectar();
        FALSO.contato(1042, "+5511900000001");
        FALSO.conversa(588, 1042, ChatwootFalso.CAIXA, 1772465400, "problema_acesso");
        CHATWOOT.stubFor(post(urlPathEqualTo(ETIQUETAS_588)).atPriority(1).inScenario("limite")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("liberado")
                .willReturn(aResponse().withStatus(429).withBody("Retry later")));

        assertThatThrownBy(() -> etiquetas.aplicar(matriculaId, null, "conquista"))
                .isInstanceOf(ErroChatwoot.class)
                .satisfies(e -> assertThat(((ErroChatwoot) e).getClasse()).isEqualTo(ClasseErroChatwoot.TRANSITORIO))
                .hasMessageContaining("Chatwoot indisponível");
        assertThat(estado("conquista")).isEqualTo("PENDENTE");
        assertThat(FALSO.gravacoesDeEtiquetas()).isZero();

        etiquetas.aplicar(matriculaId, null, "conquista");
        etiquetas.aplicar(matriculaId, null, "conquista");

        assertThat(FALSO.gravacoesDeEtiquetas()).isEqualTo(1);
        assertThat(pedidos("POST", ETIQUETAS_588)).isEqualTo(2);
        assertThat(FALSO.etiquetasDaConversa(588)).containsExactly("problema_acesso", "conquista");
        assertThat(estado("conquista")).isEqualTo("APLICADA");
    }

    @Test
    void umaEtiquetaRemovidaPorOutroEscritorLogoDepoisDeGravadaEUnidaDeNovo() {
        conectar();
        FALSO.contato(1042, "+5511900000001");
        FALSO.conversa(588, 1042, ChatwootFalso.CAIXA, 1772465400, "satisfeito");
        // an agent's screen writes its stale list right after ours: the read-back misses the label once
        FALSO.agenteRegravaListaVelhaDepoisDaProximaGravacao();

        etiquetas.aplicar(matriculaId, null, "conquista");

        assertThat(FALSO.gravacoesDeEtiquetas()).isEqualTo(2);
        assertThat(FALSO.etiquetasDaConversa(588)).containsExactly("satisfeito", "conquista");
    }

    @Test
    void duasEtiquetasNaMesmaConversaAoMesmoTempoNaoPerdemNenhuma() throws Exception {
        conectar();
        FALSO.contato(1042, "+5511900000001");
        FALSO.conversa(588, 1042, ChatwootFalso.CAIXA, 1772465400, "problema_acesso", "satisfeito");
        etiquetas.aplicar(matriculaId, null, "vip");
        // reads answered late: the second writer (spaced by the search limit) reads before the first one writes
        FALSO.atrasoLeitura(1500);
        int antes = FALSO.gravacoesDeEtiquetas();

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier largada = new CyclicBarrier(2);
            CompletableFuture<EstadoEtiqueta> a = CompletableFuture.supplyAsync(() -> {
                aguardar(largada);
                return etiquetas.aplicar(matriculaId, null, "conquista");
            }, threads);
            CompletableFuture<EstadoEtiqueta> b = CompletableFuture.supplyAsync(() -> {
                aguardar(largada);
                return etiquetas.aplicar(matriculaId, null, "destaque");
            }, threads);
            assertThat(a.get(60, TimeUnit.SECONDS)).isEqualTo(EstadoEtiqueta.APLICADA);
            assertThat(b.get(60, TimeUnit.SECONDS)).isEqualTo(EstadoEtiqueta.APLICADA);
        } finally {
            threads.shutdownNow();
        }

        assertThat(FALSO.etiquetasDaConversa(588))
                .containsExactlyInAnyOrder("problema_acesso", "satisfeito", "vip", "conquista", "destaque");
        assertThat(FALSO.etiquetasPerdidas()).as("nenhuma gravação partiu de uma leitura velha").isZero();
        assertThat(FALSO.gravacoesDeEtiquetas() - antes).isEqualTo(2);
    }

    @Test
    void semChatwootConectadoNadaEChamadoEORegistroDizPorque() {
        assertThat(etiquetas.aplicar(matriculaId, null, "conquista")).isEqualTo(EstadoEtiqueta.SEM_CHATWOOT);

        assertThat(CHATWOOT.getAllServeEvents()).isEmpty();
        JsonNode registros = json(comoAdmin("GET", "/api/clientes/" + SLUG + "/chatwoot/etiquetas?matriculaId="
                + matriculaId, null).body());
        assertThat(registros.get(0).path("estado").asText()).isEqualTo("SEM_CHATWOOT");
        assertThat(registros.get(0).path("detalhe").asText()).contains("não tem Chatwoot conectado");
    }

    @Test
    void contaDesconhecidaOuTokenInvalidoViramFalhaSemRetentativaComOQueFazer() {
        conectar();
        FALSO.contato(1042, "+5511900000001");
        conectar(java.util.Map.of("apiToken", "token-revogado-0000"));

        assertThatThrownBy(() -> etiquetas.aplicar(matriculaId, null, "conquista"))
                .isInstanceOf(FalhaChatwoot.class)
                .hasMessageContaining("recusou o acesso à conta 7")
                .hasMessageContaining("Token de acesso")
                .hasMessageNotContaining("token-revogado");
        assertThat(estado("conquista")).isEqualTo("FALHOU");

        conectar(java.util.Map.of("apiToken", ChatwootFalso.TOKEN, "accountId", 70));
        assertThatThrownBy(() -> etiquetas.aplicar(matriculaId, null, "conquista"))
                .isInstanceOf(FalhaChatwoot.class)
                .hasMessageContaining("Confira o accountId e o inboxId");
    }

    private static void aguardar(CyclicBarrier barreira) {
        try {
            barreira.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
