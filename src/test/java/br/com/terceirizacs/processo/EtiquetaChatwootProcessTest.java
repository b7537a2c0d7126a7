package br.com.terceirizacs.processo;

import java.util.List;
import java.util.Map;

import br.com.terceirizacs.chatwoot.ChatwootBase;
import br.com.terceirizacs.chatwoot.EtiquetaService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The step {@code etiquetaChatwoot} on a real engine, as the celebration places it: asynchronous, after the send,
 * with the local input {@code etiqueta}. Chatwoot down: the job fails and is retried on its cycle, no incident, and
 * the label follows when Chatwoot is back. The account refused: an incident at once that says what to do.
 */
class EtiquetaChatwootProcessTest extends ChatwootBase {

    @Autowired
    EtiquetaService etiquetas;

    private ProcessEngine motor;

    @BeforeEach
    void motorComOPasso() {
        Map<Object, Object> beans = MotorDeTeste.beans();
        motor = MotorDeTeste.criar("etiqueta-chatwoot", beans);
        beans.put("etiquetaChatwoot", new ChatwootDelegates().etiquetaChatwoot(etiquetas));
        BpmnModelInstance modelo = Bpmn.createExecutableProcess("teste_etiqueta").camundaHistoryTimeToLive(1)
                .startEvent("Inicio_MensagemEnviada")
                .serviceTask("Tarefa_EtiquetaChatwoot").camundaAsyncBefore()
                .camundaDelegateExpression("${etiquetaChatwoot}")
                .camundaInputParameter("etiqueta", "conquista")
                .camundaFailedJobRetryTimeCycle("PT1M,PT5M,PT15M")
                .endEvent("Fim_Etiquetado")
                .done();
        motor.getRepositoryService().createDeployment().addModelInstance("teste_etiqueta.bpmn", modelo).deploy();
    }

    @AfterEach
    void fecharMotor() {
        motor.close();
    }

    private ProcessInstance iniciar() {
        return motor.getRuntimeService().startProcessInstanceByKey("teste_etiqueta",
                Map.of("matriculaId", matriculaId));
    }

    private Job job(ProcessInstance p) {
        return motor.getManagementService().createJobQuery().processInstanceId(p.getId()).singleResult();
    }

    private void executar(Job job) {
        try {
            motor.getManagementService().executeJob(job.getId());
        } catch (RuntimeException e) {
            // recorded on the job, as the job executor would
        }
    }

    private boolean terminou(ProcessInstance p) {
        return motor.getRuntimeService().createProcessInstanceQuery().processInstanceId(p.getId()).count() == 0;
    }

    @Test
    void chatwootForaDoArPorUmTempoAEtiquetaVemQuandoEleVolta() {
        conectar();
        FALSO.contato(1042, "+5511900000001");
        FALSO.conversa(588, 1042, 3, 1772465400, "problema_acesso");
        var fora = CHATWOOT.stubFor(any(urlPathMatching("/api/v1/.*")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        ProcessInstance p = iniciar();

        executar(job(p));

        Job depois = job(p);
        assertThat(depois.getRetries()).as("três novas tentativas, uma por intervalo do ciclo").isEqualTo(3);
        assertThat(depois.getExceptionMessage()).contains("Chatwoot indisponível").contains("tentada de novo");
        assertThat(depois.getDuedate()).isInTheFuture();
        assertThat(motor.getRuntimeService().createIncidentQuery().count()).isZero();

        CHATWOOT.removeStub(fora);
        executar(job(p));

        assertThat(terminou(p)).isTrue();
        assertThat(FALSO.etiquetasDaConversa(588)).containsExactly("problema_acesso", "conquista");
        assertThat(jdbc.sql("select estado from chatwoot_etiquetas").query(String.class).single()).isEqualTo("APLICADA");
    }

    @Test
    void umaContaDesconhecidaViraIncidenteComOQueFazer() {
        conectar();
        conectar(Map.of("accountId", 70));
        ProcessInstance p = iniciar();

        executar(job(p));

        List<Incident> incidentes = motor.getRuntimeService().createIncidentQuery().list();
        assertThat(incidentes).hasSize(1);
        assertThat(incidentes.get(0).getIncidentMessage()).contains("recusou o acesso à conta 70")
                .contains("Confira o accountId e o inboxId")
                .contains("PUT /api/clientes/" + SLUG + "/chatwoot").contains("tente o incidente de novo");
        assertThat(job(p).getRetries()).isZero();
    }

    @Test
    void semChatwootConectadoOPassoTerminaSemChamarNadaESemIncidente() {
        ProcessInstance p = iniciar();

        executar(job(p));

        assertThat(terminou(p)).isTrue();
        assertThat(CHATWOOT.getAllServeEvents()).isEmpty();
        assertThat(jdbc.sql("select estado from chatwoot_etiquetas").query(String.class).single())
                .isEqualTo("SEM_CHATWOOT");
    }
}
