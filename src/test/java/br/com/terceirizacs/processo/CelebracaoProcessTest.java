package br.com.terceirizacs.processo;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import br.com.terceirizacs.celebracao.CelebracaoService;
import br.com.terceirizacs.celebracao.RegrasCelebracao;
import br.com.terceirizacs.celebracao.SituacaoCelebracao;
import br.com.terceirizacs.disparo.DecisaoDisparo;
import br.com.terceirizacs.disparo.EnvioDisparo;
import br.com.terceirizacs.disparo.PreparacaoDisparo;
import br.com.terceirizacs.disparo.ResultadoDisparo;
import br.com.terceirizacs.disparo.TipoRegra;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Every path of {@code processes/celebracao.bpmn}; the called {@code disparo} runs for real with services mocked, and
 * the Chatwoot label step runs a test double (the real bean belongs to the chatwoot package).
 */
@Deployment(resources = {"processes/celebracao.bpmn", "processes/disparo.bpmn", "forms/aprovar-disparo.form"})
class CelebracaoProcessTest {

    private static final Map<Object, Object> BEANS = MotorDeTeste.beans();
    private static ProcessEngine motor = MotorDeTeste.criar("teste-celebracao", BEANS);

    @RegisterExtension
    static ProcessEngineExtension extensao = ProcessEngineExtension.builder().useProcessEngine(motor).build();

    private CelebracaoService celebracoes;
    private PreparacaoDisparo preparacao;
    private DecisaoDisparo decisoes;
    private EnvioDisparo envios;
    /** What the Chatwoot step was asked: enrolment, label, queue row. */
    private final List<List<Object>> etiquetas = new ArrayList<>();

    @BeforeEach
    void ligarDelegates() {
        BpmnAwareTests.init(motor);
        celebracoes = Mockito.mock(CelebracaoService.class);
        preparacao = Mockito.mock(PreparacaoDisparo.class);
        decisoes = Mockito.mock(DecisaoDisparo.class);
        envios = Mockito.mock(EnvioDisparo.class);
        etiquetas.clear();
        BEANS.put("esperaCelebracao", new EsperaCelebracao(celebracoes));
        BEANS.put("decidirCelebracao", new CelebracaoDelegates().decidirCelebracao(celebracoes));
        BEANS.put("etiquetaChatwoot", (JavaDelegate) ex -> etiquetas.add(List.of(ex.getVariable("matriculaId"),
                ex.getVariable("etiqueta"), ex.getVariable("filaId"))));
        MotorDeTeste.ligarDisparo(BEANS, preparacao, decisoes, envios, motor);
        when(celebracoes.momentoDaDecisao()).thenReturn(new Date(System.currentTimeMillis() + 600_000));
        when(preparacao.preparar(eq(7L), eq(TipoRegra.CELEBRACAO), eq("Módulo concluído"), anyBoolean(), anyString(),
                anyString(), eq("m3"))).thenReturn(new PreparacaoDisparo.Preparacao(3L, true, false, false, null, null));
        when(envios.verificarPolitica(3L)).thenReturn(true);
        when(envios.enviar(3L)).thenReturn(ResultadoDisparo.ENVIADO);
        when(decisoes.filaDoProcesso(anyString())).thenReturn(3L);
    }

    private void decisao(SituacaoCelebracao situacao, String template) {
        when(celebracoes.decidir(7L, "m3")).thenReturn(new RegrasCelebracao.Decisao(situacao, "motivo", template));
    }

    private ProcessInstance iniciar() {
        return runtimeService().startProcessInstanceByKey("celebracao", "7:m3",
                Map.of("matriculaId", 7L, "moduloId", "m3", "alunoId", 2L));
    }

    /** The grouping wait ends (its timer), and the decision runs in its own job. */
    private static void esperaTermina(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Evento_AguardarOutrosModulos");
        Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isAfter(new Date());
        execute(timer);
        assertThat(pi).isWaitingAt("Tarefa_DecidirParabens");
        execute(job(pi));
    }

    private static ProcessInstance disparoChamado() {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey("disparo").singleResult();
    }

    @Test
    void umModuloConcluidoRecebeParabensEAConquistaNoChatwoot() {
        decisao(SituacaoCelebracao.PARABENIZADA, "parabens_modulo");

        ProcessInstance pi = iniciar();
        esperaTermina(pi);
        execute(job(disparoChamado()));
        assertThat(pi).isWaitingAt("Tarefa_MarcarConquista");
        assertThat(etiquetas).as("o rótulo é um passo assíncrono próprio, depois do envio").isEmpty();
        execute(job(pi));

        assertThat(pi).isEnded().hasPassedInOrder("Tarefa_DecidirParabens", "Tarefa_EnviarParabens",
                "Tarefa_MarcarConquista", "Fim_ConquistaMarcada");
        verify(preparacao).preparar(eq(7L), eq(TipoRegra.CELEBRACAO), eq("Módulo concluído"), eq(false), anyString(),
                eq("parabens_modulo"), eq("m3"));
        assertThat(etiquetas).containsExactly(List.of(7L, "conquista", 3L));
    }

    @Test
    void oUltimoModuloPedeOTemplateDeCursoConcluido() {
        decisao(SituacaoCelebracao.PARABENIZADA, "curso_concluido");

        ProcessInstance pi = iniciar();
        esperaTermina(pi);
        execute(job(disparoChamado()));
        execute(job(pi));

        assertThat(pi).isEnded().hasPassed("Fim_ConquistaMarcada");
        verify(preparacao).preparar(eq(7L), eq(TipoRegra.CELEBRACAO), any(), eq(false), anyString(),
                eq("curso_concluido"), eq("m3"));
    }

    @Test
    void umaConclusaoAtrasadaTerminaRegistradaSemParabens() {
        semParabens(SituacaoCelebracao.ATRASADA);
    }

    @Test
    void umModuloAnteriorConcluidoDepoisTerminaSemParabens() {
        semParabens(SituacaoCelebracao.MODULO_ANTERIOR);
    }

    @Test
    void umModuloDeUmaMaratonaSubstituidoPeloMaisRecenteTerminaSemParabens() {
        semParabens(SituacaoCelebracao.SUBSTITUIDA);
    }

    @Test
    void quemJaFoiParabenizadoHojeTerminaSemParabens() {
        semParabens(SituacaoCelebracao.LIMITE_DIARIO);
    }

    private void semParabens(SituacaoCelebracao situacao) {
        decisao(situacao, null);

        ProcessInstance pi = iniciar();
        esperaTermina(pi);

        assertThat(pi).isEnded().hasPassed("Fim_SemParabens").hasNotPassed("Tarefa_EnviarParabens");
        verify(preparacao, never()).preparar(any(), any(), any(), anyBoolean(), any(), any(), any());
        verify(preparacao, never()).preparar(any(), any(), any(), anyBoolean(), any());
        assertThat(etiquetas).isEmpty();
    }

    @Test
    void parabensQueNaoSaemNaoMarcamConquista() {
        decisao(SituacaoCelebracao.PARABENIZADA, "parabens_modulo");
        when(envios.enviar(3L)).thenReturn(ResultadoDisparo.FALHOU);

        ProcessInstance pi = iniciar();
        esperaTermina(pi);
        execute(job(disparoChamado()));

        assertThat(pi).isEnded().hasPassed("Fim_ParabensNaoEnviados").hasNotPassed("Tarefa_MarcarConquista");
        assertThat(etiquetas).isEmpty();
    }

    @Test
    void comARegraEmSoSugerirOsParabensEsperamAprovacaoNaTasklist() {
        decisao(SituacaoCelebracao.PARABENIZADA, "parabens_modulo");
        when(preparacao.preparar(eq(7L), eq(TipoRegra.CELEBRACAO), any(), anyBoolean(), anyString(), anyString(),
                eq("m3"))).thenReturn(new PreparacaoDisparo.Preparacao(3L, true, true, false,
                new Date(System.currentTimeMillis() + 48 * 3_600_000L), null));
        when(preparacao.visaoAprovacao(3L)).thenReturn(new PreparacaoDisparo.VisaoAprovacao("Mariana Souza",
                "+5511900000001", "Curso Exemplo", "Parabéns", "Módulo concluído", "Parabéns, Mariana!", false, null,
                null, null, true, "<p>Parabéns, Mariana!</p>"));

        ProcessInstance pi = iniciar();
        esperaTermina(pi);
        ProcessInstance disparo = disparoChamado();

        assertThat(disparo).isWaitingAt("Tarefa_AprovarDisparo");
        assertThat(task(disparo)).hasCandidateGroup("cs");
        verify(envios, never()).enviar(any());
        assertThat(pi).isActive().isWaitingAt("Tarefa_EnviarParabens");
    }

    @Test
    void reembolsoDisputaOuOptOutCancelamDuranteAEspera() {
        decisao(SituacaoCelebracao.PARABENIZADA, "parabens_modulo");
        ProcessInstance pi = iniciar();

        runtimeService().createMessageCorrelation("CelebracaoCancelada").processInstanceVariableEquals("alunoId", 2L)
                .correlateAllWithResult();

        assertThat(pi).isEnded().hasPassed("Fim_CelebracaoCancelada").hasNotPassed("Tarefa_DecidirParabens");
        verify(celebracoes, never()).decidir(any(), any());
    }

    @Test
    void oCancelamentoEncerraTambemOsParabensAindaEmAprovacao() {
        decisao(SituacaoCelebracao.PARABENIZADA, "parabens_modulo");
        when(preparacao.preparar(eq(7L), eq(TipoRegra.CELEBRACAO), any(), anyBoolean(), anyString(), anyString(),
                eq("m3"))).thenReturn(new PreparacaoDisparo.Preparacao(3L, true, true, false,
                new Date(System.currentTimeMillis() + 48 * 3_600_000L), null));
        when(preparacao.visaoAprovacao(3L)).thenReturn(new PreparacaoDisparo.VisaoAprovacao("Mariana Souza",
                "+5511900000001", "Curso Exemplo", "Parabéns", "Módulo concluído", "Parabéns, Mariana!", false, null,
                null, null, true, "<p>Parabéns, Mariana!</p>"));
        ProcessInstance pi = iniciar();
        esperaTermina(pi);
        assertThat(disparoChamado()).isWaitingAt("Tarefa_AprovarDisparo");

        runtimeService().createMessageCorrelation("CelebracaoCancelada").processInstanceVariableEquals("matriculaId", 7L)
                .correlateAllWithResult();

        assertThat(pi).isEnded().hasPassed("Fim_CelebracaoCancelada").hasNotPassed("Tarefa_MarcarConquista");
        assertThat(disparoChamado()).isNull();
        verify(envios, never()).enviar(any());
    }
}
