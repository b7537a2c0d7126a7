package br.com.terceirizacs.processo;

import java.net.http.HttpResponse;
import java.util.Map;

import br.com.terceirizacs.IntegracaoBase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** From the Hotmart webhook to the WhatsApp request, through the real engine, database and Feign client. */
class OnboardingFimAFimTest extends IntegracaoBase {

    private static final String CAMINHO = "/v23.0/123456789012345/messages";

    @Autowired
    TaskService tarefas;

    @Autowired
    HistoryService historico;

    @Autowired
    RepositoryService repositorio;

    private void onboardingSugerido() {
        jdbc.sql("update regras_automacao set modo_execucao = 'SUGERIR_APENAS' where chave = 'ONBOARDING:global'").update();
    }

    @Test
    void osProcessosEFormulariosImplantadosSaoExatamenteOsDoRepositorio() {
        assertThat(repositorio.createProcessDefinitionQuery().latestVersion().list())
                .extracting(d -> d.getKey()).containsExactlyInAnyOrder("celebracao", "disparo", "onboarding", "resgate-acesso");
        assertThat(repositorio.createDeploymentQuery().list().stream()
                .flatMap(d -> repositorio.getDeploymentResourceNames(d.getId()).stream())
                .map(nome -> nome.substring(nome.lastIndexOf('/') + 1)).distinct())
                .containsExactlyInAnyOrder("celebracao.bpmn", "disparo.bpmn", "onboarding.bpmn", "resgate-acesso.bpmn",
                        "aprovar-disparo.form", "confirmar-envio-incerto.form");
    }

    @Test
    void umaCompraAprovadaGeraExatamenteUmaBoasVindasComNumeroParametrosELink() {
        java.util.Date inicio = new java.util.Date(System.currentTimeMillis() - 1000);
        byte[] compra = bytesDaAmostra("purchase-approved.json");
        aguardarProcessamento(postarWebhook(compra));
        executarJobs();
        postarWebhook(compra);
        executarJobs();

        String token = (String) matricula("mariana.souza@example.com", 4100001).get("token_link");
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO))
                .withRequestBody(matchingJsonPath("$.to", equalTo("5511900000001")))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("boas_vindas_acesso")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[0].text", equalTo("Mariana")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[1].text",
                        equalTo("Curso Exemplo de Marketing Digital")))
                .withRequestBody(matchingJsonPath("$.template.components[1].parameters[0].text", equalTo(token))));
        assertThat(historico.createHistoricProcessInstanceQuery().processDefinitionKey("onboarding")
                .processInstanceBusinessKey("HP0000000001").startedAfter(inicio).completed().count()).isEqualTo(1);
        assertThat(jdbc.sql("select status from filas_disparo").query(String.class).single()).isEqualTo("ENVIADO");
        assertThat(jdbc.sql("select decidido_por from filas_disparo").query(String.class).single()).isEqualTo("automatico");
        assertThat(contar("select count(*) from kpis_acesso where tipo = 'ACESSO_FACILITADO_VIA_ZAP'")).isEqualTo(1);
    }

    @Test
    void oHistoricoGuardaOCaminhoEAsFalhasDosJobsMasNaoARotinaDeCadaPassoAssincrono() {
        META.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(CAMINHO))
                .inScenario("falha uma vez").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Service temporarily unavailable\",\"code\":2}}"))
                .willSetStateTo("de volta"));
        java.util.Date inicio = new java.util.Date(); // history outlives each test: only this test's instances
        postarEProcessar(amostra("purchase-approved.json"));
        executarJobs();
        management.createJobQuery().activityId("Tarefa_EnviarMensagem").list().forEach(j -> management.executeJob(j.getId()));

        String onboarding = historico.createHistoricProcessInstanceQuery().processDefinitionKey("onboarding")
                .processInstanceBusinessKey("HP0000000001").startedAfter(inicio).completed().singleResult().getId();
        String disparo = historico.createHistoricProcessInstanceQuery().superProcessInstanceId(onboarding)
                .singleResult().getId();
        for (String instancia : java.util.List.of(onboarding, disparo)) {
            assertThat(historico.createHistoricActivityInstanceQuery().processInstanceId(instancia).count())
                    .as("o caminho (nível FULL)").isPositive();
            assertThat(historico.createHistoricJobLogQuery().processInstanceId(instancia).creationLog().count()).isZero();
            assertThat(historico.createHistoricJobLogQuery().processInstanceId(instancia).successLog().count()).isZero();
        }
        assertThat(historico.createHistoricJobLogQuery().processInstanceId(disparo).failureLog().count())
                .as("a falha do envio fica no log de jobs").isEqualTo(1);
        META.verify(2, postRequestedFor(urlPathEqualTo(CAMINHO)));
    }

    @Test
    void umEnvioSemRespostaViraDecisaoDaOperacaoEOStatusDoWhatsAppResolveSemReenviar() {
        META.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(CAMINHO))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        amostraWhatsApp("send-template-response.json")).withFixedDelay(3_000)));
        postarEProcessar(amostra("purchase-approved.json"));
        executarJobs();

        // no incident: a task for the operators, while the message row says the send is uncertain
        assertThat(runtime.createIncidentQuery().count()).isZero();
        assertThat(tarefas.createTaskQuery().taskCandidateGroup("operacao").singleResult().getName())
                .startsWith("Confirmar envio incerto: Mariana Souza");
        assertThat(jdbc.sql("select status from mensagens").query(String.class).single()).isEqualTo("INCERTA");

        long fila = contar("select id from filas_disparo");
        String sent = amostraWhatsApp("webhook-status-sent.json")
                .replace("enrollment=ENR-2026-000123;step=boas_vindas", "fila=" + fila);
        HttpResponse<String> r = postarWhatsAppAssinado(sent);
        assertThat(r.statusCode()).isEqualTo(200);
        executarJobs();

        assertThat(tarefas.createTaskQuery().count()).isZero();
        assertThat(runtime.createIncidentQuery().count()).isZero();
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
        assertThat(jdbc.sql("select status from filas_disparo").query(String.class).single()).isEqualTo("ENVIADO");
        assertThat(jdbc.sql("select status from mensagens").query(String.class).single()).isEqualTo("ENVIADA");
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
    }

    @Test
    void umStatusDoWhatsAppQueChegaAntesDaRespostaDaMetaEncerraOEnvioSemIncidente() throws Exception {
        META.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(CAMINHO))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        amostraWhatsApp("send-template-response.json")).withFixedDelay(3_000)));
        postarEProcessar(amostra("purchase-approved.json"));
        // Meta accepted the request and posts "sent" at once, but its HTTP answer never arrives in time
        java.util.concurrent.CompletableFuture<HttpResponse<String>> status = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                            .until(() -> !META.findAll(postRequestedFor(urlPathEqualTo(CAMINHO))).isEmpty());
                    return postarWhatsAppAssinado(amostraWhatsApp("webhook-status-sent.json")
                            .replace("enrollment=ENR-2026-000123;step=boas_vindas", "fila=" + contar("select id from filas_disparo")));
                });
        executarJobs();

        assertThat(status.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(runtime.createIncidentQuery().count()).as("nada para o operador decidir").isZero();
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
        assertThat(jdbc.sql("select status from filas_disparo").query(String.class).single()).isEqualTo("ENVIADO");
        assertThat(jdbc.sql("select status from mensagens").query(String.class).single()).isEqualTo("ENVIADA");
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
    }

    @Test
    void umaNovaTentativaDeEnvioDepoisDeUmOptOutNaoEnviaNada() {
        META.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(CAMINHO))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody(amostraWhatsApp("error-130429-rate-limit.json"))));
        postarEProcessar(amostra("purchase-approved-subscription.json"));
        executarJobs();
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));

        postarWhatsApp(amostraWhatsApp("webhook-inbound-text-sair.wire.json").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "sha256=fa2ee20720d911cf348aed745320d54db05f013c9b34343e2eae084d0607985a");
        org.camunda.bpm.engine.runtime.Job reenvio = management.createJobQuery().activityId("Tarefa_EnviarMensagem").singleResult();
        management.executeJob(reenvio.getId());

        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
        assertThat(jdbc.sql("select status from filas_disparo").query(String.class).single()).isEqualTo("CANCELADO");
        assertThat(jdbc.sql("select motivo_decisao from filas_disparo").query(String.class).single())
                .isEqualTo("Na hora do envio: Aluno pediu para não receber mensagens");
    }

    @Test
    void umaRenovacaoNaoRecebeBoasVindas() {
        ObjectNode renovacao = amostra("purchase-approved-subscription.json");
        ((ObjectNode) renovacao.path("data").path("purchase")).put("recurrence_number", 2);

        postarEProcessar(renovacao);
        executarJobs();

        META.verify(0, postRequestedFor(urlPathEqualTo(CAMINHO)));
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void comARegraEmSugerirApenasACompraEsperaOCsAprovar() {
        onboardingSugerido();
        postarEProcessar(amostra("purchase-approved.json"));
        executarJobs();

        META.verify(0, postRequestedFor(urlPathEqualTo(CAMINHO)));
        Task tarefa = tarefas.createTaskQuery().taskCandidateGroup("cs").singleResult();
        assertThat(tarefa.getName()).isEqualTo("Boas-vindas: Mariana Souza — Curso Exemplo de Marketing Digital, Compra aprovada");
        assertThat(tarefas.getVariableLocal(tarefa.getId(), "mensagem")).asString()
                .startsWith("Olá, Mariana! Sua compra de *Curso Exemplo de Marketing Digital* foi aprovada.");

        tarefas.claim(tarefa.getId(), "anacs");
        tarefas.complete(tarefa.getId(), Map.of("decisao", "aprovar"));
        executarJobs();

        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
        Map<String, Object> fila = jdbc.sql("select * from filas_disparo").query().singleRow();
        assertThat(fila.get("status")).isEqualTo("ENVIADO");
        assertThat(fila.get("decidido_por")).isEqualTo("anacs");
    }

    @Test
    void umReembolsoEnquantoASugestaoEsperaTiraATarefaECancelaAFila() {
        onboardingSugerido();
        postarEProcessar(amostra("purchase-approved.json"));
        executarJobs();
        assertThat(tarefas.createTaskQuery().count()).isEqualTo(1);

        ObjectNode reembolso = amostra("purchase-approved.json").put("id", "reembolso-1").put("event", "PURCHASE_REFUNDED")
                .put("creation_date", 1772542800000L);
        postarEProcessar(reembolso);
        executarJobs();

        assertThat(tarefas.createTaskQuery().count()).isZero();
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
        assertThat(jdbc.sql("select motivo_decisao from filas_disparo").query(String.class).single())
                .isEqualTo("Compra encerrada (reembolsada)");
        META.verify(0, postRequestedFor(urlPathEqualTo(CAMINHO)));
    }

    @Test
    void semTelefoneNaoHaEnvioNemIncidenteEAMatriculaFicaSinalizada() {
        ObjectNode semTelefone = amostra("purchase-approved.json");
        ObjectNode comprador = (ObjectNode) semTelefone.path("data").path("buyer");
        comprador.remove("checkout_phone");
        comprador.remove("checkout_phone_code");

        postarEProcessar(semTelefone);
        executarJobs();

        META.verify(0, postRequestedFor(urlPathEqualTo(CAMINHO)));
        assertThat(matricula("mariana.souza@example.com", 4100001).get("alerta_cs")).isEqualTo("SEM_TELEFONE");
        assertThat(management.createJobQuery().withException().count()).isZero();
        HttpResponse<String> api = comoAdmin("GET", "/api/matriculas?produto=4100001&email=mariana.souza@example.com", null);
        assertThat(json(api.body()).get(0).path("semTelefone").asBoolean()).isTrue();
    }

    @Test
    void aRegraDeResgateNuncaAceitaDisparoAutomaticoETodaMudancaEhAuditada() {
        long resgate = contar("select id from regras_automacao where chave = 'RESGATE_ACESSO:global'");
        Map<String, Object> automatico = Map.of("nome", "Resgate", "modoExecucao", "DISPARO_AUTOMATICO", "ativa", true,
                "limiarHoras", 24, "templateNome", "resgate_acesso", "expiracaoHoras", 48);

        HttpResponse<String> recusada = comoAdmin("PUT", "/api/regras/" + resgate, automatico);

        assertThat(recusada.statusCode()).isEqualTo(400);
        assertThat(json(recusada.body()).path("erros").path("modoExecucao").asText())
                .contains("disparo automático não é permitido para regras de resgate");

        long onboarding = contar("select id from regras_automacao where chave = 'ONBOARDING:global'");
        HttpResponse<String> mudou = comoAdmin("PUT", "/api/regras/" + onboarding, Map.of("nome", "Boas-vindas",
                "modoExecucao", "SUGERIR_APENAS", "ativa", true, "templateNome", "boas_vindas_acesso", "expiracaoHoras", 24));
        assertThat(mudou.statusCode()).isEqualTo(200);
        HttpResponse<String> auditoria = comoAdmin("GET", "/api/regras/" + onboarding + "/auditoria", null);
        assertThat(json(auditoria.body()).get(0).path("alteradoPor").asText()).isEqualTo("admin");
        assertThat(json(auditoria.body()).get(0).path("antes").path("modoExecucao").asText()).isEqualTo("DISPARO_AUTOMATICO");
        assertThat(json(auditoria.body()).get(0).path("depois").path("modoExecucao").asText()).isEqualTo("SUGERIR_APENAS");

        HttpResponse<String> porProduto = comoAdmin("POST", "/api/regras/ONBOARDING/produtos/" + SLUG + "/4100002",
                Map.of("nome", "Boas-vindas do clube", "modoExecucao", "DISPARO_AUTOMATICO", "ativa", true,
                        "templateNome", "boas_vindas_acesso", "expiracaoHoras", 24));
        assertThat(porProduto.statusCode()).isEqualTo(201);
        postarEProcessar(amostra("purchase-approved-subscription.json"));
        executarJobs();
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO))
                .withRequestBody(matchingJsonPath("$.to", equalTo("5511900000002"))));
    }
}
