package br.com.terceirizacs.processo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import br.com.terceirizacs.disparo.DecisaoDisparo;
import br.com.terceirizacs.disparo.EnvioDisparo;
import br.com.terceirizacs.disparo.PreparacaoDisparo;
import br.com.terceirizacs.disparo.ResultadoDisparo;
import br.com.terceirizacs.disparo.EnvioIncerto;
import br.com.terceirizacs.disparo.TipoRegra;
import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.celebracao.CelebracaoService;
import br.com.terceirizacs.whatsapp.DecisaoIncerta;
import br.com.terceirizacs.whatsapp.EnvioTransitorioException;
import br.com.terceirizacs.whatsapp.MensagemService;
import br.com.terceirizacs.whatsapp.StatusMensagem;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Every path of {@code processes/disparo.bpmn}, on a real engine with the dispatch service mocked. */
@Deployment(resources = {"processes/disparo.bpmn", "forms/aprovar-disparo.form", "forms/confirmar-envio-incerto.form"})
class DisparoProcessTest {

    private static final Map<Object, Object> BEANS = MotorDeTeste.beans();
    private static ProcessEngine MOTOR = MotorDeTeste.criar("teste-disparo", BEANS);
    private static final Long FILA = 41L;

    @RegisterExtension
    static ProcessEngineExtension extensao = ProcessEngineExtension.builder().useProcessEngine(MOTOR).build();

    private PreparacaoDisparo preparacao;
    private DecisaoDisparo decisoes;
    private EnvioDisparo envios;
    private EnvioIncerto incertos;
    /** The queue row's expiry, as the preparation and the approval view report it (both read the same row). */
    private Date expiraEm;

    @BeforeEach
    void ligarDelegates() {
        BpmnAwareTests.init(MOTOR);
        expiraEm = Date.from(Instant.now().plus(48, ChronoUnit.HOURS));
        preparacao = Mockito.mock(PreparacaoDisparo.class);
        decisoes = Mockito.mock(DecisaoDisparo.class);
        envios = Mockito.mock(EnvioDisparo.class);
        incertos = Mockito.mock(EnvioIncerto.class);
        when(incertos.visao(FILA)).thenReturn(new EnvioIncerto.Visao("Mariana Souza", "+5511*****0001",
                "Curso Exemplo", "Boas-vindas", "boas_vindas_acesso (pt_BR)", "Oi, Mariana!", "agora", "nenhum"));
        MotorDeTeste.ligarDisparo(BEANS, preparacao, decisoes, envios, incertos, MOTOR);
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
        assertThat(pi).isWaitingAt("Tarefa_EnviarMensagem");
        seguir(pi);

        assertThat(pi).hasPassedInOrder("Tarefa_PrepararDisparo", "Tarefa_VerificarPolitica", "Tarefa_EnviarMensagem").isEnded();
        assertThat(pi).hasNotPassed("Tarefa_AprovarDisparo");
        assertThat(pi).hasPassed("Fim_DisparoConcluido");
        verify(envios).enviar(FILA);
    }

    @Test
    void umaSugestaoAprovadaPeloCsEhEnviada() {
        preparacao(true, true, false);

        ProcessInstance pi = iniciar("RESGATE_ACESSO");
        assertThat(pi).isWaitingAt("Tarefa_AprovarDisparo");
        assertThat(task()).hasCandidateGroup("cs").hasName("Resgate: Mariana Souza — Curso Exemplo, Sem acesso há 31 h");
        assertThat(task().getDueDate()).as("prazo do CS = expiração da sugestão").isEqualTo(expiraEm);
        completarComo("ana.cs", Map.of("decisao", "aprovar"));
        seguir(pi);

        verify(decisoes).aprovar(FILA, "ana.cs", "Seu acesso está ativo.");
        assertThat(pi).hasPassedInOrder("Tarefa_AprovarDisparo", "Gateway_Aprovado", "Tarefa_VerificarPolitica", "Tarefa_EnviarMensagem", "Fim_DisparoConcluido");
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

        assertThat(pi).isWaitingAt("Tarefa_AprovarDisparo");
        Map<String, Object> locais = MOTOR.getTaskService().getVariablesLocal(task().getId());
        assertThat(locais).containsEntry("ultimaResposta", "respondeu há 2 h (30/11 às 14:05): “Não recebi o acesso”")
                .containsEntry("modoSimulacao", true)
                .containsEntry("mensagemWhatsApp", "<div class=\"whatsapp-previa\">Oi, Mariana!</div>");
    }

    @Test
    void oTextoEditadoPeloCsVaiParaAFila() {
        preparacao(true, true, false);
        ProcessInstance pi = iniciar("RESGATE_ACESSO");
        assertThat(pi).isWaitingAt("Tarefa_AprovarDisparo");

        completarComo("ana.cs", Map.of("decisao", "aprovar", "textoLivre", "Posso ajudar você a entrar?"));
        seguir(pi);

        verify(decisoes).aprovar(FILA, "ana.cs", "Posso ajudar você a entrar?");
        assertThat(pi).isEnded().hasPassed("Tarefa_EnviarMensagem");
    }

    @Test
    void umaSugestaoDescartadaComMotivoNaoEhEnviada() {
        preparacao(true, true, false);
        ProcessInstance pi = iniciar("RESGATE_ACESSO");
        assertThat(pi).isWaitingAt("Tarefa_AprovarDisparo");

        completarComo("bruno.cs", Map.of("decisao", "descartar", "motivoDescarte", "Aluno já falou com o suporte"));

        verify(decisoes).rejeitar(FILA, "bruno.cs", "Aluno já falou com o suporte");
        assertThat(pi).as("a decisão está gravada; o resto segue em segundo plano").isWaitingAt("Tarefa_AprovarDisparo");
        seguir(pi);
        assertThat(pi).isEnded().hasPassed("Fim_DisparoDescartado").hasNotPassed("Tarefa_EnviarMensagem");
        verify(envios, never()).enviar(any());
    }

    @Test
    void umCancelamentoEnquantoPendenteTiraATarefaDoCs() {
        preparacao(true, true, false);
        ProcessInstance pi = iniciar("RESGATE_ACESSO");

        runtimeService().createMessageCorrelation("DisparoCancelado").processInstanceId(pi.getId()).correlate();

        assertThat(pi).isEnded().hasPassed("Fim_DisparoCancelado");
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
        assertThat(pi).isEnded().hasPassed("Fim_DisparoExpirado");
    }

    @Test
    void umaMensagemIniciadaPorNosEsperaAJanelaDeEnvio() {
        preparacao(true, false, true);
        Date amanhaAsNove = Date.from(Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
        when(envios.proximaJanela(FILA)).thenReturn(amanhaAsNove);

        ProcessInstance pi = iniciar("RESGATE_ACESSO");

        assertThat(pi).isWaitingAt("Evento_AguardarJanela");
        assertThat(job(pi).getDuedate()).isEqualTo(amanhaAsNove);
        verify(envios, never()).enviar(any());
        execute(job(pi));
        seguir(pi);
        assertThat(pi).isEnded().hasPassed("Tarefa_EnviarMensagem");
    }

    @Test
    void sePoliticaFalhaNaHoraDoEnvioNadaSai() {
        preparacao(true, false, false);
        when(envios.verificarPolitica(FILA)).thenReturn(false);

        ProcessInstance pi = iniciar("CELEBRACAO");
        seguir(pi);

        assertThat(pi).isEnded().hasPassed("Fim_CanceladoNaVerificacao");
        verify(envios, never()).enviar(any());
    }

    @Test
    void sePoliticaFalhaNaPreparacaoNaoHaSugestao() {
        preparacao(false, true, false);

        ProcessInstance pi = iniciar("RESGATE_ACESSO");

        assertThat(pi).isEnded().hasPassed("Fim_CanceladoPelaPolitica").hasNotPassed("Tarefa_AprovarDisparo");
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
        assertThat(pi).isEnded().hasPassed("Fim_DisparoConcluido");
    }

    /** A send that got no answer: the process waits at the operator's task, the row still uncertain. */
    private ProcessInstance envioIncerto() {
        preparacao(true, false, false);
        when(envios.enviar(FILA)).thenReturn(ResultadoDisparo.INCERTO, ResultadoDisparo.ENVIADO);
        ProcessInstance pi = iniciar("ONBOARDING");
        execute(job(pi));
        assertThat(pi).isWaitingAt("Tarefa_ConfirmarEnvioIncerto");
        return pi;
    }

    private void completarIncertoComo(String usuario, String decisao) {
        completarComo(usuario, Map.of("decisaoIncerto", decisao));
    }

    @Test
    void umEnvioIncertoViraUmaTarefaDaOperacaoComOQueSeSabe() {
        when(incertos.visao(FILA)).thenReturn(new EnvioIncerto.Visao("Mariana Souza", "+5511*****0001",
                "Curso Exemplo", "Boas-vindas", "boas_vindas_acesso (pt_BR)", "Oi, Mariana!",
                "30/11/2026 às 14:05:12 (America/Sao_Paulo)", "Nenhum status da Meta chegou desde o envio."));

        ProcessInstance pi = envioIncerto();

        assertThat(task()).hasCandidateGroup("operacao").hasName("Confirmar envio incerto: Mariana Souza — Boas-vindas");
        assertThat(MOTOR.getTaskService().getVariablesLocal(task().getId()))
                .containsEntry("telefone", "+5511*****0001")
                .containsEntry("template", "boas_vindas_acesso (pt_BR)")
                .containsEntry("saiuEm", "30/11/2026 às 14:05:12 (America/Sao_Paulo)")
                .containsEntry("statusDesdeEntao", "Nenhum status da Meta chegou desde o envio.");
        assertThat(runtimeService().createIncidentQuery().count()).as("uma decisão, não um incidente").isZero();
    }

    @Test
    void reenviarPassaDeNovoPeloEnvioUmaVez() {
        when(incertos.decidir(FILA, DecisaoIncerta.REENVIAR, "op.ana")).thenReturn(ResultadoDisparo.REENVIAR);
        ProcessInstance pi = envioIncerto();

        completarIncertoComo("op.ana", "reenviar");
        assertThat(runtimeService().createVariableInstanceQuery().processInstanceIdIn(pi.getId())
                .variableName("decisaoIncerto").count()).as("só ids e flags no processo").isZero();
        seguir(pi);

        assertThat(pi).isEnded().hasPassedInOrder("Tarefa_EnviarMensagem", "Tarefa_ConfirmarEnvioIncerto",
                "Gateway_Reenviar", "Tarefa_EnviarMensagem", "Fim_DisparoConcluido");
        verify(envios, times(2)).enviar(FILA);
        verify(incertos).decidir(FILA, DecisaoIncerta.REENVIAR, "op.ana");
    }

    @Test
    void descartarEncerraSemEnviar() {
        when(incertos.decidir(FILA, DecisaoIncerta.DESCARTAR, "op.ana")).thenReturn(ResultadoDisparo.FALHOU);
        ProcessInstance pi = envioIncerto();

        completarIncertoComo("op.ana", "descartar");
        seguir(pi);

        assertThat(pi).isEnded().hasPassed("Fim_EnvioIncertoResolvido");
        verify(envios, times(1)).enviar(FILA);
        assertThat(resultado(pi)).isEqualTo("FALHOU");
    }

    @Test
    void jaFoiEntregueRegistraComoEnviadaSemEnviar() {
        when(incertos.decidir(FILA, DecisaoIncerta.JA_ENTREGUE, "op.ana")).thenReturn(ResultadoDisparo.ENVIADO);
        ProcessInstance pi = envioIncerto();

        completarIncertoComo("op.ana", "jaEntregue");
        seguir(pi);

        assertThat(pi).isEnded().hasPassed("Fim_EnvioIncertoResolvido");
        verify(envios, times(1)).enviar(FILA);
        assertThat(resultado(pi)).isEqualTo("ENVIADO");
    }

    @Test
    void umStatusDoWhatsAppTiraATarefaEOProcessoSegueComOResultadoDaMeta() {
        when(incertos.confirmadoPeloWhatsApp(FILA)).thenReturn(ResultadoDisparo.ENVIADO);
        ProcessInstance pi = envioIncerto();

        statusDoWhatsApp(pi);

        assertThat(MOTOR.getTaskService().createTaskQuery().count()).as("a tarefa sumiu").isZero();
        assertThat(pi).isWaitingAt("Tarefa_RegistrarStatusDoWhatsApp");
        seguir(pi);
        assertThat(pi).isEnded().hasPassed("Limite_StatusDoWhatsApp", "Fim_ConfirmadoPeloWhatsApp")
                .hasNotPassed("Gateway_Reenviar");
        assertThat(resultado(pi)).isEqualTo("ENVIADO");
        verify(incertos, never()).decidir(any(), any(), any());
        verify(envios, times(1)).enviar(FILA);
    }

    @Test
    void umStatusDeFalhaEncerraComoFalha() {
        when(incertos.confirmadoPeloWhatsApp(FILA)).thenReturn(ResultadoDisparo.FALHOU);
        ProcessInstance pi = envioIncerto();

        statusDoWhatsApp(pi);
        seguir(pi);

        assertThat(pi).isEnded().hasPassed("Fim_ConfirmadoPeloWhatsApp");
        assertThat(resultado(pi)).isEqualTo("FALHOU");
    }

    @Test
    void seOStatusChegaPrimeiroAConclusaoDoOperadorERecusadaESemEfeito() {
        when(incertos.confirmadoPeloWhatsApp(FILA)).thenReturn(ResultadoDisparo.ENVIADO);
        ProcessInstance pi = envioIncerto();
        String tarefa = task().getId();

        statusDoWhatsApp(pi);

        assertThatThrownBy(() -> MOTOR.getTaskService().complete(tarefa, Map.of("decisaoIncerto", "reenviar")))
                .isInstanceOf(ProcessEngineException.class);
        seguir(pi);
        assertThat(pi).isEnded().hasPassed("Fim_ConfirmadoPeloWhatsApp");
        verify(incertos, never()).decidir(any(), any(), any());
        verify(envios, times(1)).enviar(FILA);
    }

    @Test
    void seOOperadorDecidePrimeiroOStatusQueChegaDepoisNaoMudaNada() {
        when(incertos.decidir(FILA, DecisaoIncerta.REENVIAR, "op.ana")).thenReturn(ResultadoDisparo.REENVIAR);
        ProcessInstance pi = envioIncerto();

        completarIncertoComo("op.ana", "reenviar");
        statusDoWhatsApp(pi);
        seguir(pi);

        assertThat(pi).isEnded().hasPassed("Fim_DisparoConcluido").hasNotPassed("Limite_StatusDoWhatsApp");
        verify(incertos, never()).confirmadoPeloWhatsApp(any());
    }

    /**
     * The race itself: the operator's completion has read the task and is deciding when the status webhook's
     * transaction ends the task and commits. The operator's command then fails on the engine's optimistic lock and
     * rolls back whole; the process follows the webhook.
     */
    @Test
    void quandoOStatusEAConclusaoSeCruzamUmVenceEOOutroNaoDeixaRastro() throws Exception {
        when(incertos.confirmadoPeloWhatsApp(FILA)).thenReturn(ResultadoDisparo.ENVIADO);
        ProcessInstance pi = envioIncerto();
        ExecutorService outra = Executors.newSingleThreadExecutor();
        try {
            when(incertos.decidir(FILA, DecisaoIncerta.REENVIAR, "op.ana")).thenAnswer(chamada -> {
                outra.submit(() -> statusDoWhatsApp(pi)).get(10, TimeUnit.SECONDS);
                return ResultadoDisparo.REENVIAR;
            });

            assertThatThrownBy(() -> completarIncertoComo("op.ana", "reenviar"))
                    .isInstanceOf(OptimisticLockingException.class);
        } finally {
            outra.shutdownNow();
        }

        seguir(pi);
        assertThat(pi).isEnded().hasPassed("Fim_ConfirmadoPeloWhatsApp").hasNotPassed("Gateway_Reenviar");
        assertThat(resultado(pi)).isEqualTo("ENVIADO");
        verify(envios, times(1)).enviar(FILA);
    }

    /** What the WhatsApp webhook's transaction does for a settled uncertain send (the real correlation code). */
    private void statusDoWhatsApp(ProcessInstance pi) {
        when(decisoes.processoDaFila(FILA)).thenReturn(Optional.of(pi.getId()));
        new OrquestradorProcessos(MOTOR.getRuntimeService(), decisoes, Mockito.mock(CatalogoService.class),
                Mockito.mock(CelebracaoService.class))
                .envioConfirmado(new MensagemService.EnvioConfirmado(FILA, StatusMensagem.ENVIADA));
    }

    private static String resultado(ProcessInstance pi) {
        return (String) MOTOR.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("resultadoEnvio").singleResult().getValue();
    }
}
