package br.com.terceirizacs.celebracao;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import br.com.terceirizacs.IntegracaoBase;
import br.com.terceirizacs.catalogo.CatalogoModulos;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * From CLUB_MODULE_COMPLETED to the congratulation's WhatsApp request, through the inbox, the real engine (timers
 * run by hand) and the database. The Chatwoot label step after a send belongs to another package and is not run here.
 */
class CelebracaoFimAFimTest extends IntegracaoBase {

    private static final String CAMINHO = "/v23.0/123456789012345/messages";
    private static final String MARIANA = "mariana.souza@example.com";

    @Autowired
    CatalogoModulos modulos;

    @Autowired
    CelebracaoService celebracoes;

    @Autowired
    TransactionTemplate transacao;

    @Autowired
    TaskService tarefas;

    @Autowired
    org.camunda.bpm.engine.HistoryService historico;

    @BeforeEach
    void progressoNoCurso() {
        progresso(4100001L, "Curso Exemplo de Marketing Digital");
        modulos.substituir(SLUG, 4100001L, List.of(
                new CatalogoModulos.ModuloInformado("Qk3vB7mZ2p", "Módulo 1 — Primeiros passos", 1),
                new CatalogoModulos.ModuloInformado("m2", "Módulo 2 — Estratégia", 2),
                new CatalogoModulos.ModuloInformado("m3", "Módulo 3 — Tráfego", 3),
                new CatalogoModulos.ModuloInformado("m4", "Módulo 4 — Encerramento", 4)));
        postarEProcessar(amostra("purchase-approved.json"));
        executarJobs(); // the welcome
    }

    private void progresso(Long produto, String nome) {
        catalogo.atualizarProduto(SLUG, produto, nome, true, null, null, true);
    }

    /** Hotmart's CLUB_MODULE_COMPLETED of this student and module, completed at {@code quando}. */
    private String concluir(String email, long produto, String moduloId, String nomeNoEvento, Instant quando) {
        ObjectNode e = amostra("club-module-completed.json").put("id", UUID.randomUUID().toString())
                .put("creation_date", quando.toEpochMilli());
        ((ObjectNode) e.path("data").path("user")).put("email", email);
        ((ObjectNode) e.path("data").path("product")).put("id", String.valueOf(produto));
        ((ObjectNode) e.path("data").path("module")).put("id", moduloId).put("name", nomeNoEvento);
        return postarEProcessar(e);
    }

    private String concluir(String moduloId, Instant quando) {
        return concluir(MARIANA, 4100001L, moduloId, "Modulo " + moduloId, quando);
    }

    /** The grouping wait of every celebration ends (timers run by hand), then the jobs that follow. */
    private void esperasTerminam() {
        management.createJobQuery().processDefinitionKey("celebracao").timers().list()
                .forEach(j -> management.executeJob(j.getId()));
        executarJobs();
    }

    private String situacao(String moduloId) {
        return jdbc.sql("select situacao from celebracoes where modulo_id = ?").param(moduloId).query(String.class)
                .single();
    }

    private long parabensEnviados(String template) {
        return META.findAll(postRequestedFor(urlPathEqualTo(CAMINHO))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo(template)))).size();
    }

    @Test
    void umModuloConcluidoRecebeParabensCitandoOModuloDoCatalogo() {
        assertThat(concluir("m2", Instant.now())).isEqualTo("PROCESSADO");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("celebracao")
                .processInstanceBusinessKey(matricula(MARIANA, 4100001).get("id") + ":m2").count()).isEqualTo(1);
        assertThat(parabensEnviados("parabens_modulo")).as("nada antes do fim da espera").isZero();

        esperasTerminam();

        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("parabens_modulo")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[0].text", equalTo("Mariana")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[1].text",
                        equalTo("Módulo 2 — Estratégia"))));
        assertThat(situacao("m2")).isEqualTo("PARABENIZADA");
        assertThat(jdbc.sql("select status from filas_disparo where tipo_regra = 'CELEBRACAO'").query(String.class)
                .single()).isEqualTo("ENVIADO");
    }

    @Test
    void aMesmaConclusaoReenviadaPelaHotmartNaoGeraSegundosParabens() {
        Instant quando = Instant.now();
        concluir("m2", quando);
        concluir("m2", quando);
        ObjectNode outraEntrega = amostra("club-module-completed.json").put("id", UUID.randomUUID().toString())
                .put("creation_date", quando.plusSeconds(40).toEpochMilli());
        ((ObjectNode) outraEntrega.path("data").path("module")).put("id", "m2");
        postarEProcessar(outraEntrega);
        esperasTerminam();

        assertThat(contar("select count(*) from celebracoes")).isEqualTo(1);
        assertThat(historico.createHistoricProcessInstanceQuery().processDefinitionKey("celebracao")
                .processInstanceBusinessKey(matricula(MARIANA, 4100001).get("id") + ":m2").count())
                .as("uma só celebração iniciada").isEqualTo(1);
        assertThat(parabensEnviados("parabens_modulo")).isEqualTo(1);
    }

    @Test
    void umaMaratonaRecebeUmParabensCitandoOUltimoModulo() {
        Instant agora = Instant.now();
        concluir("Qk3vB7mZ2p", agora.minusSeconds(600));
        concluir("m2", agora.minusSeconds(300));
        concluir("m3", agora);

        esperasTerminam();

        assertThat(situacao("Qk3vB7mZ2p")).isEqualTo("SUBSTITUIDA");
        assertThat(situacao("m2")).isEqualTo("SUBSTITUIDA");
        assertThat(situacao("m3")).isEqualTo("PARABENIZADA");
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("parabens_modulo")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[1].text",
                        equalTo("Módulo 3 — Tráfego"))));
        assertThat(parabensEnviados("parabens_modulo")).isEqualTo(1);
    }

    @Test
    void oUltimoModuloDoCatalogoRecebeCursoConcluido() {
        concluir("m4", Instant.now());
        esperasTerminam();

        assertThat(parabensEnviados("curso_concluido")).isEqualTo(1);
        assertThat(parabensEnviados("parabens_modulo")).isZero();
        META.verify(postRequestedFor(urlPathEqualTo(CAMINHO))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[2].text",
                        equalTo("Curso Exemplo de Marketing Digital"))));
    }

    @Test
    void umaConclusaoInformadaQuatroDiasDepoisFicaRegistradaSemParabens() {
        concluir("m2", Instant.now().minus(Duration.ofDays(4)));
        esperasTerminam();

        assertThat(situacao("m2")).isEqualTo("ATRASADA");
        assertThat(parabensEnviados("parabens_modulo")).isZero();
        assertThat(contar("select count(*) from filas_disparo where tipo_regra = 'CELEBRACAO'")).isZero();
    }

    @Test
    void umModuloAnteriorConcluidoDepoisNaoRecebeParabens() {
        concluir("m3", Instant.now().minusSeconds(60));
        esperasTerminam();
        concluir("m2", Instant.now());
        esperasTerminam();

        assertThat(situacao("m3")).isEqualTo("PARABENIZADA");
        assertThat(situacao("m2")).isEqualTo("MODULO_ANTERIOR");
        assertThat(parabensEnviados("parabens_modulo")).isEqualTo(1);
    }

    @Test
    void oReembolsoCancelaOsParabensAindaNaEspera() {
        concluir("m2", Instant.now());

        postarEventoDaCompra(MARIANA, "PURCHASE_REFUNDED");
        esperasTerminam();

        assertThat(situacao("m2")).isEqualTo("CANCELADA");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("celebracao").count()).isZero();
        assertThat(parabensEnviados("parabens_modulo")).isZero();
    }

    @Test
    void aDisputaCancelaOsParabensAindaNaEspera() {
        concluir("m2", Instant.now());

        postarEventoDaCompra(MARIANA, "PURCHASE_PROTEST");
        esperasTerminam();

        assertThat(situacao("m2")).isEqualTo("CANCELADA");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("celebracao").count()).isZero();
        assertThat(parabensEnviados("parabens_modulo")).isZero();
    }

    @Test
    void oPedidoParaSairCancelaOsParabensAindaNaEspera() {
        progresso(4100002L, "Clube Exemplo de Mentorias");
        postarEProcessar(amostra("purchase-approved-subscription.json"));
        executarJobs();
        concluir("rafael.lima@example.com", 4100002L, "c1", "Encontro 1", Instant.now());

        assertThat(postarWhatsApp(amostraWhatsApp("webhook-inbound-text-sair.wire.json").getBytes(StandardCharsets.UTF_8),
                "sha256=fa2ee20720d911cf348aed745320d54db05f013c9b34343e2eae084d0607985a").statusCode()).isEqualTo(200);
        esperasTerminam();

        assertThat(situacao("c1")).isEqualTo("CANCELADA");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("celebracao").count()).isZero();
        assertThat(parabensEnviados("parabens_modulo")).isZero();
    }

    @Test
    void comARegraDoProdutoEmSoSugerirOsParabensEsperamOCsNaTasklist() {
        jdbc.sql("update regras_automacao set modo_execucao = 'SUGERIR_APENAS' where chave = 'CELEBRACAO:global'").update();
        concluir("m2", Instant.now());
        esperasTerminam();

        assertThat(tarefas.createTaskQuery().taskCandidateGroup("cs").list()).singleElement()
                .satisfies(t -> assertThat(t.getName()).startsWith("Parabéns: Mariana Souza"));
        assertThat(parabensEnviados("parabens_modulo")).isZero();
        assertThat(jdbc.sql("select texto_previa from filas_disparo where tipo_regra = 'CELEBRACAO'")
                .query(String.class).single()).contains("Módulo 2 — Estratégia");
    }

    @Test
    void umModuloForaDoCatalogoEntraNoFimParaRevisaoENaoSePerde() {
        concluir("bonus", Instant.now());

        assertThat(jdbc.sql("select ordem, origem, nome from modulos_produto where modulo_id = 'bonus'").query()
                .singleRow()).containsEntry("ORDEM", 5).containsEntry("ORIGEM", "EVENTO")
                .containsEntry("NOME", "Modulo bonus");
        esperasTerminam();
        assertThat(parabensEnviados("parabens_modulo")).as("um módulo visto só em evento nunca é o último").isEqualTo(1);
    }

    @Test
    void umProdutoSemProgressoNaoCelebraNemMontaCatalogo() {
        catalogo.atualizarProduto(SLUG, 4100001L, "Curso Exemplo de Marketing Digital", true, null, null, false);
        concluir("m2", Instant.now());

        assertThat(contar("select count(*) from celebracoes")).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("celebracao").count()).isZero();
    }

    @Test
    void duasConclusoesDoMesmoAlunoDecididasAoMesmoTempoDeixamUmParabensPelaRestricaoDoBanco() throws Exception {
        progresso(4100002L, "Clube Exemplo de Mentorias");
        ObjectNode segunda = amostra("purchase-approved.json").put("id", UUID.randomUUID().toString());
        ((ObjectNode) segunda.path("data").path("product")).put("id", 4100002);
        ((ObjectNode) segunda.path("data").path("purchase")).put("transaction", "HP0000000077");
        postarEProcessar(segunda);
        concluir(MARIANA, 4100001L, "m2", "Módulo 2", Instant.now());
        concluir(MARIANA, 4100002L, "c1", "Encontro 1", Instant.now());
        Long curso = (Long) matricula(MARIANA, 4100001).get("id");
        Long clube = (Long) matricula(MARIANA, 4100002).get("id");

        CountDownLatch primeiraDecidiu = new CountDownLatch(1);
        CompletableFuture<RegrasCelebracao.Decisao> a = CompletableFuture.supplyAsync(() -> transacao.execute(s -> {
            RegrasCelebracao.Decisao d = celebracoes.decidir(curso, "m2");
            primeiraDecidiu.countDown();
            dormir(1500); // still uncommitted while the other decides
            return d;
        }));
        assertThat(primeiraDecidiu.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<RegrasCelebracao.Decisao> b = CompletableFuture.supplyAsync(() -> transacao.execute(s ->
                celebracoes.decidir(clube, "c1")));

        assertThat(a.get(30, TimeUnit.SECONDS).parabenizar()).isTrue();
        assertThat(b).failsWithin(30, TimeUnit.SECONDS).withThrowableThat()
                .havingRootCause().satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("uk_celebracoes_aluno_dia"));
        // the job's retry decides again and finds the committed congratulation
        RegrasCelebracao.Decisao novamente = transacao.execute(s -> celebracoes.decidir(clube, "c1"));
        assertThat(novamente.situacao()).isEqualTo(SituacaoCelebracao.LIMITE_DIARIO);
        assertThat(contar("select count(*) from celebracoes where situacao = 'PARABENIZADA'")).isEqualTo(1);
    }

    private static void dormir(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
