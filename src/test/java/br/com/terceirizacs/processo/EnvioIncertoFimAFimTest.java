package br.com.terceirizacs.processo;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import br.com.terceirizacs.IntegracaoBase;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A welcome whose request to (Wire)Meta got no answer, decided by an operator in "Confirmar envio incerto", through
 * the real engine, database, form guard and Feign client: each choice acts once, and a status webhook settles it.
 */
class EnvioIncertoFimAFimTest extends IntegracaoBase {

    private static final String CAMINHO = "/v23.0/123456789012345/messages";
    private static final String OPERADOR = "operadora.incerto";

    @Autowired
    TaskService tarefas;

    private Task tarefa;
    private long fila;

    /** The first request gets its answer after the client's read timeout (2 s in tests); later ones at once. */
    @BeforeEach
    void umaBoasVindasSemRespostaDaMeta() {
        META.stubFor(WireMock.post(urlPathEqualTo(CAMINHO)).inScenario("sem resposta")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(WireMock.okJson(amostraWhatsApp("send-template-response.json")).withFixedDelay(3_000))
                .willSetStateTo("respondendo"));
        META.stubFor(WireMock.post(urlPathEqualTo(CAMINHO)).inScenario("sem resposta")
                .whenScenarioStateIs("respondendo")
                .willReturn(WireMock.okJson(amostraWhatsApp("send-template-response.json"))));
        postarEProcessar(amostra("purchase-approved.json"));
        executarJobs();
        fila = contar("select id from filas_disparo");
        tarefa = tarefas.createTaskQuery().taskDefinitionKey("Tarefa_ConfirmarEnvioIncerto").singleResult();
        assertThat(tarefa).as("a decisão espera a operação").isNotNull();
        assertThat(statusEm("mensagens")).isEqualTo("INCERTA");
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
    }

    @AfterEach
    void sair() {
        identity.clearAuthentication();
    }

    @Test
    void aTarefaEDaOperacaoEMostraOQueSeSabe() {
        assertThat(runtime.createIncidentQuery().count()).as("uma decisão, não um incidente").isZero();
        assertThat(tarefas.createTaskQuery().taskId(tarefa.getId()).taskCandidateGroup("operacao").count()).isOne();
        assertThat(tarefa.getName()).isEqualTo("Confirmar envio incerto: Mariana Souza — Boas-vindas");
        Map<String, Object> tela = tarefas.getVariablesLocal(tarefa.getId());
        assertThat(tela).containsEntry("telefone", "+5511*****0001")
                .containsEntry("template", "boas_vindas_acesso (pt_BR)")
                .containsEntry("statusDesdeEntao", "Nenhum status da Meta chegou desde o envio.");
        assertThat((String) tela.get("saiuEm")).matches("\\d\\d/\\d\\d/\\d{4} às \\d\\d:\\d\\d:\\d\\d \\(.+\\)");
        assertThat((String) tela.get("mensagem")).startsWith("Olá, Mariana!");
        assertThat(runtime.getVariables(tarefa.getProcessInstanceId())).as("só ids e flags no processo")
                .doesNotContainKeys("aluno", "telefone", "mensagem", "saiuEm");
    }

    @Test
    void reenviarFazSairExatamenteUmaMensagem() {
        decidir("reenviar");
        executarJobs();
        executarJobs();

        META.verify(2, postRequestedFor(urlPathEqualTo(CAMINHO)));
        assertThat(statusEm("filas_disparo")).isEqualTo("ENVIADO");
        assertThat(statusEm("mensagens")).isEqualTo("ENVIADA");
        assertThat(contar("select tentativas from mensagens")).isEqualTo(2);
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
        assertThat(contar("select count(*) from kpis_acesso where tipo = 'ACESSO_FACILITADO_VIA_ZAP'")).isEqualTo(1);
    }

    @Test
    void descartarNaoEnviaEEncerraComoFalha() {
        decidir("descartar");
        executarJobs();

        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
        assertThat(statusEm("filas_disparo")).isEqualTo("FALHOU");
        assertThat(jdbc.sql("select motivo_decisao from filas_disparo").query(String.class).single())
                .isEqualTo("Envio incerto descartado por " + OPERADOR);
        assertThat(statusEm("mensagens")).isEqualTo("FALHOU");
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void jaFoiEntregueRegistraComoEnviadaSemEnviarDeNovo() {
        decidir("jaEntregue");
        executarJobs();

        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
        assertThat(statusEm("filas_disparo")).isEqualTo("ENVIADO");
        assertThat(statusEm("mensagens")).isEqualTo("ENVIADA");
        assertThat(contar("select count(*) from kpis_acesso where tipo = 'ACESSO_FACILITADO_VIA_ZAP'")).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void umStatusDoWhatsAppTiraATarefaEEncerraSemReenviar() {
        assertThat(postarWhatsAppAssinado(doWhatsApp("webhook-status-sent.json")).statusCode()).isEqualTo(200);

        assertThat(tarefas.createTaskQuery().count()).as("a tarefa some com o status").isZero();
        executarJobs();
        assertThat(statusEm("filas_disparo")).isEqualTo("ENVIADO");
        assertThat(statusEm("mensagens")).isEqualTo("ENVIADA");
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
        assertThat(runtime.createIncidentQuery().count()).isZero();
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
    }

    @Test
    void umStatusDeFalhaTiraATarefaEEncerraComoFalha() {
        String falhou = doWhatsApp("webhook-status-sent.json").replace("\"status\": \"sent\"", "\"status\": \"failed\"");
        assertThat(falhou).contains("\"failed\"");
        assertThat(postarWhatsAppAssinado(falhou).statusCode()).isEqualTo(200);

        assertThat(tarefas.createTaskQuery().count()).isZero();
        executarJobs();
        assertThat(statusEm("filas_disparo")).isEqualTo("FALHOU");
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
    }

    @Test
    void seOStatusChegaAntesAConclusaoDoOperadorERecusadaENadaMuda() {
        postarWhatsAppAssinado(doWhatsApp("webhook-status-sent.json"));

        assertThatThrownBy(() -> decidir("reenviar")).isInstanceOf(ProcessEngineException.class);
        executarJobs();
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
        assertThat(statusEm("filas_disparo")).isEqualTo("ENVIADO");
        assertThat(statusEm("mensagens")).isEqualTo("ENVIADA");
    }

    @Test
    void seOOperadorReenviaEOStatusDoPrimeiroPedidoChegaAntesDoReenvioNadaSaiDeNovo() {
        decidir("reenviar");
        // the first request had reached the student after all: Meta's "sent" arrives before the resend job runs
        assertThat(postarWhatsAppAssinado(doWhatsApp("webhook-status-sent.json")).statusCode()).isEqualTo(200);
        executarJobs();

        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
        assertThat(statusEm("filas_disparo")).isEqualTo("ENVIADO");
        assertThat(statusEm("mensagens")).isEqualTo("ENVIADA");
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void umaEscolhaForaDasTresPelaApiRestRecebe400ENadaMuda() {
        HttpResponse<String> r = enviar(HttpRequest.newBuilder(URI.create(url("/engine-rest/task/" + tarefa.getId()
                        + "/complete")))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + SENHA_ADMIN).getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\": {\"decisaoIncerto\": {\"value\": \"apagar\"}}}"))
                .build());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r.body()).path("message").asText()).contains("aceita apenas reenviar, descartar, jaEntregue");
        assertThat(tarefas.createTaskQuery().taskId(tarefa.getId()).count()).isOne();
        executarJobs();
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
        assertThat(statusEm("mensagens")).isEqualTo("INCERTA");
        assertThat(statusEm("filas_disparo")).isEqualTo("APROVADO");
    }

    @Test
    void semEscolhaAConclusaoERecusada() {
        identity.setAuthentication(OPERADOR, List.of("operacao"));
        assertThatThrownBy(() -> tarefas.complete(tarefa.getId(), Map.of()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("é obrigatório");
    }

    /** The operator, signed in as a member of {@code operacao}, completes the task with a choice of the form. */
    private void decidir(String escolha) {
        identity.setAuthentication(OPERADOR, List.of("operacao"));
        try {
            tarefas.claim(tarefa.getId(), OPERADOR);
            tarefas.complete(tarefa.getId(), Map.of("decisaoIncerto", escolha));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Meta's status webhook sample, for this queue row (the callback data our request carried). */
    private String doWhatsApp(String amostra) {
        return amostraWhatsApp(amostra).replace("enrollment=ENR-2026-000123;step=boas_vindas", "fila=" + fila);
    }

    private String statusEm(String tabela) {
        return jdbc.sql("select status from " + tabela).query(String.class).single();
    }
}
