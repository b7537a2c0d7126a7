package br.com.terceirizacs.processo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import br.com.terceirizacs.disparo.DecisaoDisparo;
import br.com.terceirizacs.disparo.EnvioDisparo;
import br.com.terceirizacs.disparo.PreparacaoDisparo;
import br.com.terceirizacs.disparo.ResultadoDisparo;
import br.com.terceirizacs.disparo.ResgateService;
import br.com.terceirizacs.disparo.TipoRegra;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** {@code processes/resgate-acesso.bpmn}: the daily timer, and a run that starts one disparo per candidate in chunks. */
@Deployment(resources = {"processes/resgate-acesso.bpmn", "processes/disparo.bpmn", "forms/aprovar-disparo.form"})
class ResgateAcessoProcessTest {

    private static final Map<Object, Object> BEANS = MotorDeTeste.beans();
    private static ProcessEngine motor;

    static {
        motor = MotorDeTeste.criar("teste-resgate", BEANS);
    }

    @RegisterExtension
    static ProcessEngineExtension extensao = ProcessEngineExtension.builder().useProcessEngine(motor).build();

    private ResgateService resgates;
    private PreparacaoDisparo preparacao;
    private DecisaoDisparo decisoes;
    private EnvioDisparo envios;

    @BeforeEach
    void ligarDelegates() {
        BpmnAwareTests.init(motor);
        resgates = Mockito.mock(ResgateService.class);
        preparacao = Mockito.mock(PreparacaoDisparo.class);
        decisoes = Mockito.mock(DecisaoDisparo.class);
        envios = Mockito.mock(EnvioDisparo.class);
        ResgateDelegates r = new ResgateDelegates();
        BEANS.put("selecionarResgates", r.selecionar(resgates));
        BEANS.put("iniciarLoteResgates", r.iniciarLote(resgates, 2));
        BEANS.put("concluirResgate", r.concluir(resgates));
        MotorDeTeste.ligarDisparo(BEANS, preparacao, decisoes, envios, motor);
        when(preparacao.preparar(any(), eq(TipoRegra.RESGATE_ACESSO), anyString(), anyBoolean(), anyString()))
                .thenReturn(new PreparacaoDisparo.Preparacao(1L, false, false, false, null, "teste"));
    }

    @Test
    void oTimerDiarioEstaAgendadoParaAsDezDeSaoPaulo() {
        Job timer = managementService().createJobQuery().timers().processDefinitionKey("resgate-acesso").singleResult();

        assertThat(timer).isNotNull();
        ZonedDateTime proximo = timer.getDuedate().toInstant().atZone(ZoneId.of("America/Sao_Paulo"));
        assertThat(proximo.getHour()).isEqualTo(10);
        assertThat(proximo.getMinute()).isZero();
        assertThat(timer.getDuedate().toInstant()).isBetween(Instant.now(), Instant.now().plus(1, ChronoUnit.DAYS));
    }

    /**
     * The diagram's timer is the one place the hour lives: an ISO cycle from a São Paulo time with its offset, repeated
     * every 24 hours, so the JVM's time zone (UTC in the container, a developer's own, one with daylight saving) never
     * moves it. A "P1D" period or a cron would follow the JVM's zone instead.
     */
    @Test
    void oCicloDoTimerCaiAsDezDeSaoPauloEmQualquerFusoDaJvmEEpocaDoAno() throws Exception {
        String ciclo = motor.getRepositoryService().getBpmnModelInstance(motor.getRepositoryService()
                        .createProcessDefinitionQuery().processDefinitionKey("resgate-acesso").singleResult().getId())
                .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.TimeCycle.class).iterator().next()
                .getTextContent().trim();
        java.util.TimeZone original = java.util.TimeZone.getDefault();
        try {
            for (String fusoDaJvm : List.of("UTC", "America/Sao_Paulo", "Europe/Berlin", "America/New_York")) {
                java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(fusoDaJvm));
                for (String agora : List.of("2026-01-15T12:00:00Z", "2026-07-15T12:00:00Z", "2026-11-01T14:00:00Z")) {
                    java.util.Date proximo = new org.camunda.bpm.engine.impl.calendar.DurationHelper(ciclo)
                            .getDateAfter(java.util.Date.from(Instant.parse(agora)));
                    ZonedDateTime sp = proximo.toInstant().atZone(ZoneId.of("America/Sao_Paulo"));
                    assertThat(sp.toLocalTime()).as("JVM em %s, agora %s", fusoDaJvm, agora)
                            .isEqualTo(java.time.LocalTime.of(10, 0));
                    assertThat(proximo.toInstant()).isBetween(Instant.parse(agora),
                            Instant.parse(agora).plus(1, ChronoUnit.DAYS));
                }
            }
        } finally {
            java.util.TimeZone.setDefault(original);
        }
    }

    @Test
    void umaExecucaoIniciaUmDisparoPorCandidatoEmLotes() {
        when(resgates.selecionar(anyString())).thenReturn(new ResgateService.Execucao(9L, 3L));
        when(resgates.agora()).thenReturn(Instant.parse("2026-03-03T14:00:00Z"));
        when(resgates.proximoLote(9L, 2)).thenReturn(List.of(
                        new ResgateService.Candidato(1L, 11L, "HP1", Instant.parse("2026-03-02T07:00:00Z")),
                        new ResgateService.Candidato(2L, 12L, "HP2", Instant.parse("2026-03-01T07:00:00Z"))),
                List.of(new ResgateService.Candidato(3L, 13L, "HP3", Instant.parse("2026-02-20T07:00:00Z"))));
        when(resgates.restantes(9L)).thenReturn(1L, 0L);

        ProcessInstance pi = runtimeService().startProcessInstanceByKey("resgate-acesso");
        assertThat(pi).isWaitingAt("Tarefa_CriarSugestoesDoLote");
        execute(job(pi));
        assertThat(pi).isWaitingAt("Tarefa_CriarSugestoesDoLote");
        execute(job(pi));

        assertThat(pi).isEnded().hasPassedInOrder("Tarefa_SelecionarQuemNaoAcessou", "Tarefa_CriarSugestoesDoLote",
                "Gateway_RestamCandidatos", "Tarefa_CriarSugestoesDoLote", "Tarefa_ConcluirExecucao");
        verify(resgates).concluir(9L);
        verify(preparacao).preparar(eq(11L), eq(TipoRegra.RESGATE_ACESSO), eq("sem acesso há 31 h"), eq(false), anyString());
        verify(preparacao).preparar(eq(12L), eq(TipoRegra.RESGATE_ACESSO), eq("sem acesso há 2 dias"), eq(false), anyString());
        assertThat(motor.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("disparo")
                .processInstanceBusinessKey("HP3").count()).isEqualTo(1);
    }

    @Test
    void umOperadorPodeExecutarAgoraSemEsperarOTimer() {
        when(resgates.selecionar(anyString())).thenReturn(new ResgateService.Execucao(5L, 0L));
        when(resgates.restantes(5L)).thenReturn(0L);

        ProcessInstance pi = runtimeService().startProcessInstanceByKey("resgate-acesso");
        execute(job(pi));

        assertThat(pi).isEnded().hasPassed("Inicio_TodoDia", "Tarefa_SelecionarQuemNaoAcessou", "Tarefa_ConcluirExecucao");
        assertThat(managementService().createJobQuery().timers().processDefinitionKey("resgate-acesso").count())
                .as("o timer diário continua agendado").isEqualTo(1);
    }
}
