package br.com.terceirizacs.processo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import br.com.terceirizacs.disparo.DecisaoDisparo;
import br.com.terceirizacs.disparo.EnvioDisparo;
import br.com.terceirizacs.disparo.PreparacaoDisparo;
import br.com.terceirizacs.disparo.ResultadoDisparo;
import br.com.terceirizacs.disparo.EnvioIncertoException;
import br.com.terceirizacs.disparo.TipoRegra;
import br.com.terceirizacs.whatsapp.EnvioTransitorioException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Every path of {@code processes/disparo.bpmn}, on a real engine with the dispatch service mocked. */
@Deployment(resources = {"processes/disparo.bpmn", "forms/aprovar-disparo.form"})
class DisparoProcessTest {

    private static final Map<Object, Object> BEANS = MotorDeTeste.beans();
    private static ProcessEngine MOTOR = MotorDeTeste.criar("teste-disparo", BEANS);
    private static final Long FILA = 41L;

    @RegisterExtension
    static ProcessEngineExtension extensao = ProcessEngineExtension.builder().useProcessEngine(MOTOR).build();

    private PreparacaoDisparo preparacao;
    private DecisaoDisparo decisoes;
    private EnvioDisparo envios;
    /** The queue row's expiry, as the preparation and the approval view report it (both read the same row). */
    private Date expiraEm;

    @BeforeEach
    void ligarDelegates() {
        BpmnAwareTests.init(MOTOR);
        expiraEm = Date.from(Instant.now().plus(48, ChronoUnit.HOURS));
        preparacao = Mockito.mock(PreparacaoDisparo.class);
        decisoes = Mockito.mock(DecisaoDisparo.class);
        envios = Mockito.mock(EnvioDisparo.class);
        MotorDeTeste.ligarDisparo(BEANS, preparacao, decisoes, envios, MOTOR);
        when(envios.verificarPolitica(FILA)).thenReturn(true);
        when(envios.enviar(FILA)).thenReturn(ResultadoDisparo.ENVIADO);
        when(decisoes.filaDoProcesso(anyString())).thenReturn(FILA);
        when(preparacao.visaoAprovacao(FILA)).thenReturn(new PreparacaoDisparo.VisaoAprovacao("Mariana Souza",
                "+5511900000001", "Curso Exemplo", "Resgate", "Sem acesso há 31 h", "Oi, Mariana!", true,
                "Seu acesso está ativo.", expiraEm, null, false, "<div class=\"whatsapp-previa\">Oi, Mariana!</div>"));
    }

    private void preparacao(boolean politicaOk, boolean aprovacaoHumana, boolean aguardaJanela) {
        when(preparacao.preparar(eq(7L), any(TipoRegra.class), anyString(), anyBoolean(), anyString()))
                .thenReturn(new PreparacaoDisparo.Preparacao(FILA, politicaOk, aprovacaoHumana, aguardaJanela,
                        politicaOk ? expiraEm : null,
                        politicaOk ? null : "Aluno pediu para não receber mensagens"));
    }

    private ProcessInstance iniciar(String tipo) {
        return runtimeService().startProcessInstanceByKey("disparo",
                Map.of("matriculaId", 7L, "tipoRegra", tipo, "motivo", "Sem acesso há 31 h"));
    }

    /** Completes the approval task as a CS user signed in to Tasklist. */
    private static void completarComo(String usuario, Map<String, Object> respostas) {
        MOTOR.getIdentityService().setAuthenticatedUserId(usuario);
        try {
            complete(task(), respostas);
        } finally {
            MOTOR.getIdentityService().clearAuthentication();
        }
    }

    /** Runs the async continuations up to the end (or the next wait state). */
    private static void seguir(ProcessInstance pi) {
        for (int i = 0; i < 5 && job(pi) != null; i++) {
            Job j = job(pi);
            if (j.getDuedate() != null && j.getDuedate().after(new Date()) && j.getRetries() > 0 && j.getExceptionMessage() != null) {
                return;
            }
            execute(j);
        }
    }

    @Test
    void umaRegraAutomaticaEnviaSemPassarPeloCs() {
        preparacao(true, false, false);

        ProcessInstance pi = iniciar("ONBOARDING");
        assertThat(pi).isWaitingAt("enviarMensagem");
        seguir(pi);

        assertThat(pi).hasPassedInOrder("preparar", "verificarPolitica", "enviarMensagem").isEnded();
        assertThat(pi).hasNotPassed("aprovarDisparo");
        assertThat(pi).hasPassed("concluido");
        verify(envios).enviar(FILA);
    }

    @Test
    void umaSugestaoAprovadaPeloCsEhEnviada() {
        preparacao(true, true, false);

        ProcessInstance pi = iniciar("RESGATE_ACESSO");
        assertThat(pi).isWaitingAt("aprovarDisparo");
        assertThat(task()).hasCandidateGroup("cs").hasName("Resgate: Mariana Souza — Curso Exemplo, Sem acesso há 31 h");
        assertThat(task().getDueDate()).as("prazo do CS = expiração da sugestão").isEqualTo(expiraEm);
        completarComo("ana.cs", Map.of("decisao", "aprovar"));
        seguir(pi);

        verify(decisoes).aprovar(FILA, "ana.cs", "Seu acesso está ativo.");
        assertThat(pi).hasPassedInOrder("aprovarDisparo", "aprovado", "verificarPolitica", "enviarMensagem", "concluido");
        assertThat(runtimeService().createVariableInstanceQuery().variableName("decisao").count()).isZero();
    }

    @Test
    void aTarefaMostraAUltimaRespostaDoAlunoEAvisaDoModoSimulacao() {
        preparacao(true, true, false);
        when(preparacao.visaoAprovacao(FILA)).thenReturn(new PreparacaoDisparo.VisaoAprovacao("Mariana Souza",
                "+5511900000001", "Curso Exemplo", "Resgate", "Sem acesso há 31 h", "Oi, Mariana!", true,
                "Seu acesso está ativo.", expiraEm, "respondeu há 2 h (30/11 às 14:05): “Não recebi o acesso”", true,
                "<div class=\"whatsapp-previa\">Oi, Mariana!</div>"));

        ProcessInstance pi = iniciar("RESGATE_ACESSO");

        assertThat(pi).isWaitingAt("aprovarDisparo");
        Map<String, Object> locais = MOTOR.getTaskService().getVariablesLocal(task().getId());
        assertThat(locais).containsEntry("ultimaResposta", "respondeu há 2 h (30/11 às 14:05): “Não recebi o acesso”")
                .containsEntry("modoSimulacao", true)
                .containsEntry("mensagemWhatsApp", "<div class=\"whatsapp-previa\">Oi, Mariana!</div>");
    }

    @Test
    void oTextoEditadoPeloCsVaiParaAFila() {
        preparacao(true, true, false);
        ProcessInstance pi = iniciar("RESGATE_ACESSO");
        assertThat(pi).isWaitingAt("aprovarDisparo");

        completarComo("ana.cs", Map.of("decisao", "aprovar", "textoLivre", "Posso ajudar você a entrar?"));
        seguir(pi);

        verify(decisoes).aprovar(FILA, "ana.cs", "Posso ajudar você a entrar?");
        assertThat(pi).isEnded().hasPassed("enviarMensagem");
    }

    @Test
    void umaSugestaoDescartadaComMotivoNaoEhEnviada() {
        preparacao(true, true, false);
        ProcessInstance pi = iniciar("RESGATE_ACESSO");
        assertThat(pi).isWaitingAt("aprovarDisparo");

        completarComo("bruno.cs", Map.of("decisao", "descartar", "motivoDescarte", "Aluno já falou com o suporte"));

        verify(decisoes).rejeitar(FILA, "bruno.cs", "Aluno já falou com o suporte");
        assertThat(pi).as("a decisão está gravada; o resto segue em segundo plano").isWaitingAt("aprovarDisparo");
        seguir(pi);
        assertThat(pi).isEnded().hasPassed("descartado").hasNotPassed("enviarMensagem");
        verify(envios, never()).enviar(any());
    }

    @Test
    void umCancelamentoEnquantoPendenteTiraATarefaDoCs() {
        preparacao(true, true, false);
        ProcessInstance pi = iniciar("RESGATE_ACESSO");

        runtimeService().createMessageCorrelation("DisparoCancelado").processInstanceId(pi.getId()).correlate();

        assertThat(pi).isEnded().hasPassed("fimCancelado");
        assertThat(MOTOR.getTaskService().createTaskQuery().count()).isZero();
        verify(envios, never()).enviar(any());
    }

    @Test
    void umaSugestaoSemDecisaoNoPrazoExpira() {
        preparacao(true, true, false);
        ProcessInstance pi = iniciar("RESGATE_ACESSO");
        Job prazo = MOTOR.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(prazo.getDuedate()).isEqualTo(expiraEm);

        execute(prazo);

        verify(decisoes).expirar(FILA);
        assertThat(pi).isEnded().hasPassed("fimExpirado");
    }

    @Test
    void umaMensagemIniciadaPorNosEsperaAJanelaDeEnvio() {
        preparacao(true, false, true);
        Date amanhaAsNove = Date.from(Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
        when(envios.proximaJanela(FILA)).thenReturn(amanhaAsNove);

        ProcessInstance pi = iniciar("RESGATE_ACESSO");

        assertThat(pi).isWaitingAt("aguardarJanela");
        assertThat(job(pi).getDuedate()).isEqualTo(amanhaAsNove);
        verify(envios, never()).enviar(any());
        execute(job(pi));
        seguir(pi);
        assertThat(pi).isEnded().hasPassed("enviarMensagem");
    }

    @Test
    void sePoliticaFalhaNaHoraDoEnvioNadaSai() {
        preparacao(true, false, false);
        when(envios.verificarPolitica(FILA)).thenReturn(false);

        ProcessInstance pi = iniciar("CELEBRACAO");
        seguir(pi);

        assertThat(pi).isEnded().hasPassed("canceladoNaVerificacao");
        verify(envios, never()).enviar(any());
    }

    @Test
    void sePoliticaFalhaNaPreparacaoNaoHaSugestao() {
        preparacao(false, true, false);

        ProcessInstance pi = iniciar("RESGATE_ACESSO");

        assertThat(pi).isEnded().hasPassed("canceladoPolitica").hasNotPassed("aprovarDisparo");
    }

    @Test
    void umaFalhaTransitoriaRepeteComEsperaSemIncidente() {
        preparacao(true, false, false);
        when(envios.enviar(FILA)).thenThrow(new EnvioTransitorioException("130429", null)).thenReturn(ResultadoDisparo.ENVIADO);

        ProcessInstance pi = iniciar("ONBOARDING");
        Instant antes = Instant.now();
        try {
            execute(job(pi));
        } catch (RuntimeException esperado) {
            // the job failed; the engine schedules the retry
        }
        Instant depois = Instant.now();

        Job envio = job(pi);
        assertThat(envio.getRetries()).as("PT10S,PT30S,PT2M,PT5M,PT15M: cinco novas tentativas").isEqualTo(5);
        assertThat(envio.getDuedate()).as("a primeira nova tentativa, 10 s depois da falha")
                .isBetween(Date.from(antes.plusSeconds(10)), Date.from(depois.plusSeconds(10)), true, true);
        assertThat(runtimeService().createIncidentQuery().count()).isZero();
        execute(envio);
        assertThat(pi).isEnded().hasPassed("concluido");
    }

    @Test
    void umEnvioIncertoViraIncidenteNaHoraEOperadorDecideReenviar() {
        preparacao(true, false, false);
        when(envios.enviar(FILA)).thenReturn(ResultadoDisparo.INCERTO, ResultadoDisparo.ENVIADO);
        when(envios.confirmarIncerto(eq(FILA), isNull(), anyString()))
                .thenThrow(new EnvioIncertoException("Envio incerto (fila 41)"));
        when(envios.confirmarIncerto(eq(FILA), eq("REENVIAR"), anyString())).thenReturn(ResultadoDisparo.REENVIAR);

        ProcessInstance pi = iniciar("ONBOARDING");
        execute(job(pi));
        assertThat(pi).isWaitingAt("confirmarIncerto");
        try {
            execute(job(pi));
        } catch (RuntimeException esperado) {
            // EnvioIncertoException
        }

        Incident incidente = runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incidente).extracting(Incident::getActivityId, Incident::getIncidentType)
                .containsExactly("confirmarIncerto", Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incidente.getIncidentMessage()).contains("Envio incerto");
        assertThat(job(pi).getRetries()).isZero();

        runtimeService().setVariable(pi.getId(), "decisaoEnvioIncerto", "REENVIAR");
        MOTOR.getManagementService().setJobRetries(job(pi).getId(), 1);
        seguir(pi);

        assertThat(pi).isEnded().hasPassedInOrder("confirmarIncerto", "reenviar", "enviarMensagem", "concluido");
        verify(envios, times(2)).enviar(FILA);
    }
}
