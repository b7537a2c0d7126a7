package br.com.terceirizacs.processo;

import java.time.Instant;
import java.util.Map;

import br.com.terceirizacs.disparo.DecisaoDisparo;
import br.com.terceirizacs.disparo.EnvioDisparo;
import br.com.terceirizacs.disparo.PreparacaoDisparo;
import br.com.terceirizacs.disparo.ResultadoDisparo;
import br.com.terceirizacs.disparo.TipoRegra;
import br.com.terceirizacs.matricula.Destinatario;
import br.com.terceirizacs.matricula.ContatoAlunoService;
import br.com.terceirizacs.matricula.SituacaoTelefone;
import br.com.terceirizacs.matricula.StatusMatricula;
import org.camunda.bpm.engine.ProcessEngine;
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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Every path of {@code processes/onboarding.bpmn}; the called {@code disparo} runs for real with services mocked. */
@Deployment(resources = {"processes/onboarding.bpmn", "processes/disparo.bpmn", "forms/aprovar-disparo.form"})
class OnboardingProcessTest {

    private static final Map<Object, Object> BEANS = MotorDeTeste.beans();
    private static ProcessEngine motor = MotorDeTeste.criar("teste-onboarding", BEANS);

    @RegisterExtension
    static ProcessEngineExtension extensao = ProcessEngineExtension.builder().useProcessEngine(motor).build();

    private ContatoAlunoService contatos;
    private PreparacaoDisparo preparacao;
    private DecisaoDisparo decisoes;
    private EnvioDisparo envios;

    @BeforeEach
    void ligarDelegates() {
        BpmnAwareTests.init(motor);
        contatos = Mockito.mock(ContatoAlunoService.class);
        preparacao = Mockito.mock(PreparacaoDisparo.class);
        decisoes = Mockito.mock(DecisaoDisparo.class);
        envios = Mockito.mock(EnvioDisparo.class);
        OnboardingDelegates o = new OnboardingDelegates();
        BEANS.put("verificarTelefone", o.verificarTelefone(contatos));
        BEANS.put("sinalizarSemTelefone", o.sinalizarSemTelefone(contatos));
        MotorDeTeste.ligarDisparo(BEANS, preparacao, decisoes, envios, motor);
        when(preparacao.preparar(eq(7L), eq(TipoRegra.ONBOARDING), eq("Compra aprovada"), anyBoolean(), anyString()))
                .thenReturn(new PreparacaoDisparo.Preparacao(3L, true, false, false, null, null));
        when(envios.verificarPolitica(3L)).thenReturn(true);
        when(envios.enviar(3L)).thenReturn(ResultadoDisparo.ENVIADO);
    }

    private void telefone(SituacaoTelefone situacao) {
        when(contatos.destinatario(7L)).thenReturn(new Destinatario(7L, 2L, 1L, 5L, "Mariana Souza",
                situacao == SituacaoTelefone.VALIDO ? "+5511900000001" : null, situacao, null, StatusMatricula.ATIVA,
                "HP0000000001", Instant.now(), null, null, null, "token"));
    }

    private ProcessInstance iniciar() {
        return runtimeService().startProcessInstanceByKey("onboarding", "HP0000000001", Map.of("matriculaId", 7L));
    }

    private static ProcessInstance disparoChamado() {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey("disparo").singleResult();
    }

    @Test
    void aCompraComWhatsAppValidoRecebeAsBoasVindas() {
        telefone(SituacaoTelefone.VALIDO);

        ProcessInstance pi = iniciar();
        assertThat(pi).isWaitingAt("Inicio_CompraAprovada");
        execute(job(pi));
        assertThat(pi).isWaitingAt("Tarefa_EnviarBoasVindas");
        ProcessInstance disparo = disparoChamado();
        execute(job(disparo));

        assertThat(pi).isEnded().hasPassedInOrder("Tarefa_VerificarWhatsApp", "Tarefa_EnviarBoasVindas", "Fim_BoasVindasEnviadas");
        verify(preparacao).preparar(eq(7L), eq(TipoRegra.ONBOARDING), eq("Compra aprovada"), eq(false), anyString());
    }

    @Test
    void semTelefoneNaoHaEnvioNemIncidenteEOCsEhAvisado() {
        telefone(SituacaoTelefone.AUSENTE);

        ProcessInstance pi = iniciar();
        execute(job(pi));

        assertThat(pi).isEnded().hasPassed("Tarefa_SinalizarSemTelefone", "Fim_SemTelefone").hasNotPassed("Tarefa_EnviarBoasVindas");
        verify(contatos).sinalizarParaCs(7L, "SEM_TELEFONE");
        verify(preparacao, never()).preparar(any(), any(), any(), anyBoolean(), any());
        assertThat(runtimeService().createIncidentQuery().count()).isZero();
    }

    @Test
    void umaBoasVindasQueNaoSaiTerminaComoNaoEnviada() {
        telefone(SituacaoTelefone.VALIDO);
        when(envios.enviar(3L)).thenReturn(ResultadoDisparo.FALHOU);

        ProcessInstance pi = iniciar();
        execute(job(pi));
        ProcessInstance disparo = disparoChamado();
        execute(job(disparo));

        assertThat(pi).isEnded().hasPassed("Fim_BoasVindasNaoEnviadas").hasNotPassed("Fim_BoasVindasEnviadas");
    }

    @Test
    void aCompraCanceladaEncerraOOnboardingEODisparoEmAndamento() {
        telefone(SituacaoTelefone.VALIDO);
        ProcessInstance pi = iniciar();
        execute(job(pi));
        assertThat(disparoChamado()).isNotNull();

        runtimeService().createMessageCorrelation("CompraCancelada").processInstanceBusinessKey("HP0000000001")
                .correlateAllWithResult();

        assertThat(pi).isEnded().hasPassed("Fim_OnboardingEncerrado").hasNotPassed("Fim_BoasVindasEnviadas");
        assertThat(disparoChamado()).isNull();
        verify(envios, never()).enviar(any());
    }
}
