package br.com.terceirizacs.processo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import br.com.terceirizacs.bi.KpiService;
import br.com.terceirizacs.bi.TipoKpi;
import br.com.terceirizacs.disparo.DecisaoDisparo;
import br.com.terceirizacs.disparo.EnvioDisparo;
import br.com.terceirizacs.disparo.PreparacaoDisparo;
import br.com.terceirizacs.disparo.ResultadoDisparo;
import br.com.terceirizacs.matricula.ContatoAlunoService;
import br.com.terceirizacs.matricula.Destinatario;
import br.com.terceirizacs.matricula.SituacaoTelefone;
import br.com.terceirizacs.matricula.StatusMatricula;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A diagram a process owner could draw with nothing but the element templates (the tasks filled in exactly as Camunda
 * Modeler writes them from the template files, see {@link TemplatesDoModeler}; only the gateway conditions are
 * typed): it deploys next to the real {@code disparo} on a real engine and runs to its end. The delegates are the
 * application's, on mocked services; {@code etiquetaChatwoot} is a recording stand-in here.
 */
class DiagramaDeTemplatesProcessTest {

    private static final Map<Object, Object> BEANS = MotorDeTeste.beans();
    private static final ProcessEngine MOTOR = MotorDeTeste.criar("teste-element-templates", BEANS);

    private ContatoAlunoService contatos;
    private EnvioDisparo envios;
    private KpiService kpis;
    private final List<Map<String, Object>> etiquetas = new ArrayList<>();
    private final List<String> implantacoes = new ArrayList<>();

    @BeforeEach
    void ligarDelegates() {
        BpmnAwareTests.init(MOTOR);
        contatos = Mockito.mock(ContatoAlunoService.class);
        envios = Mockito.mock(EnvioDisparo.class);
        kpis = Mockito.mock(KpiService.class);
        // any signature of preparar(...): the preparation's own tests cover its arguments; this one reads the variables
        PreparacaoDisparo preparacao = Mockito.mock(PreparacaoDisparo.class, i -> "preparar".equals(i.getMethod().getName())
                ? new PreparacaoDisparo.Preparacao(3L, true, false, false, null, null) : null);
        OnboardingDelegates o = new OnboardingDelegates();
        BEANS.put("verificarTelefone", o.verificarTelefone(contatos));
        BEANS.put("sinalizarSemTelefone", o.sinalizarSemTelefone(contatos));
        BEANS.put("registrarKpi", new RegistrarKpiDelegate(kpis));
        BEANS.put("etiquetaChatwoot", (org.camunda.bpm.engine.delegate.JavaDelegate) ex -> etiquetas.add(Map.of(
                "etiqueta", ex.getVariableLocal("etiqueta"), Variaveis.MATRICULA_ID, ex.getVariable(Variaveis.MATRICULA_ID),
                Variaveis.FILA_ID, ex.getVariable(Variaveis.FILA_ID))));
        MotorDeTeste.ligarDisparo(BEANS, preparacao, Mockito.mock(DecisaoDisparo.class), envios, MOTOR);
        when(envios.verificarPolitica(3L)).thenReturn(true);
        when(envios.enviar(3L)).thenReturn(ResultadoDisparo.ENVIADO);
    }

    @AfterEach
    void removerImplantacoes() {
        implantacoes.forEach(id -> MOTOR.getRepositoryService().deleteDeployment(id, true, true));
    }

    /**
     * Início → Verificar WhatsApp → "Tem WhatsApp?" → sim: Enviar parabéns (disparo) → "Enviada?" → sim: Etiqueta no
     * Chatwoot → Registrar indicador → fim; não (no phone): Avisar o CS → fim.
     */
    private BpmnModelInstance diagrama(Map<String, String> mensagem) throws IOException {
        BpmnModelInstance modelo = Bpmn.createExecutableProcess("parabensPorModulo").name("Parabéns por módulo")
                .camundaHistoryTimeToLive(30)
                .startEvent("Inicio_ModuloConcluido").name("Módulo concluído")
                .serviceTask("Tarefa_VerificarWhatsApp").name("Verificar WhatsApp do aluno")
                .exclusiveGateway("Gateway_TemWhatsApp").name("Tem WhatsApp?")
                .condition("sim", "${temTelefone}")
                .callActivity("Tarefa_EnviarParabens").name("Enviar parabéns")
                .exclusiveGateway("Gateway_Enviada").name("Enviada?")
                .condition("sim", "${resultadoEnvio == 'ENVIADO'}")
                .serviceTask("Tarefa_EtiquetaConquista").name("Etiquetar conquista no Chatwoot")
                .serviceTask("Tarefa_RegistrarIndicador").name("Registrar indicador")
                .endEvent("Fim_ParabensEnviados").name("Parabéns enviados")
                .moveToNode("Gateway_Enviada").condition("não", "${resultadoEnvio != 'ENVIADO'}")
                .endEvent("Fim_ParabensNaoEnviados").name("Parabéns não enviados")
                .moveToNode("Gateway_TemWhatsApp").condition("não", "${!temTelefone}")
                .serviceTask("Tarefa_AvisarCs").name("Avisar o CS: aluno sem telefone")
                .endEvent("Fim_SemTelefone").name("Sem telefone")
                .done();
        TemplatesDoModeler.aplicar(modelo, "Tarefa_VerificarWhatsApp",
                TemplatesDoModeler.template("br.com.terceirizacs.verificar-whatsapp"), Map.of());
        TemplatesDoModeler.aplicar(modelo, "Tarefa_EnviarParabens",
                TemplatesDoModeler.template("br.com.terceirizacs.enviar-mensagem"), mensagem);
        TemplatesDoModeler.aplicar(modelo, "Tarefa_EtiquetaConquista",
                TemplatesDoModeler.template("br.com.terceirizacs.etiqueta-chatwoot"), Map.of());
        TemplatesDoModeler.aplicar(modelo, "Tarefa_RegistrarIndicador",
                TemplatesDoModeler.template("br.com.terceirizacs.registrar-indicador"),
                Map.of(RegistrarKpiDelegate.ENTRADA_KPI, "PRIMEIRO_ACESSO_VIA_LINK"));
        TemplatesDoModeler.aplicar(modelo, "Tarefa_AvisarCs",
                TemplatesDoModeler.template("br.com.terceirizacs.sinalizar-sem-telefone"), Map.of());
        Bpmn.validateModel(modelo);
        Path copia = Path.of("target/element-templates/parabens-por-modulo.bpmn");
        Files.createDirectories(copia.getParent());
        Files.writeString(copia, Bpmn.convertToString(modelo));
        return modelo;
    }

    private void implantar(BpmnModelInstance modelo) {
        implantacoes.add(MOTOR.getRepositoryService().createDeployment().name("feito-com-templates")
                .addModelInstance("parabens-por-modulo.bpmn", modelo)
                .addClasspathResource("processes/disparo.bpmn").addClasspathResource("forms/aprovar-disparo.form")
                .deploy().getId());
    }

    private void telefone(SituacaoTelefone situacao) {
        when(contatos.destinatario(7L)).thenReturn(new Destinatario(7L, 2L, 1L, 5L, "Mariana Souza",
                situacao == SituacaoTelefone.VALIDO ? "+5511900000001" : null, situacao, null, StatusMatricula.ATIVA,
                "HP0000000001", Instant.now(), null, null, null, "token"));
    }

    private static ProcessInstance disparo() {
        return MOTOR.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("disparo").singleResult();
    }

    /** Runs every due job (the send, the Chatwoot label) until the engine has nothing left to do. */
    private static void executarJobs() {
        for (int i = 0; i < 20; i++) {
            List<Job> jobs = MOTOR.getManagementService().createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> MOTOR.getManagementService().executeJob(j.getId()));
        }
        throw new AssertionError("jobs não terminam");
    }

    @Test
    void oDiagramaFeitoSoComTemplatesEnviaEtiquetaEContaOIndicador() throws IOException {
        telefone(SituacaoTelefone.VALIDO);
        implantar(diagrama(Map.of(Variaveis.TIPO_REGRA, "CELEBRACAO", Variaveis.TEMPLATE, "parabens_modulo",
                Variaveis.MOTIVO, "Concluiu o módulo 1")));

        ProcessInstance pi = MOTOR.getRuntimeService().startProcessInstanceByKey("parabensPorModulo",
                Map.of(Variaveis.MATRICULA_ID, 7L));
        assertThat(pi).isWaitingAt("Tarefa_EnviarParabens");
        Map<String, Object> recebidas = MOTOR.getRuntimeService().getVariables(disparo().getId());
        assertThat(recebidas).containsEntry(Variaveis.MATRICULA_ID, 7L).containsEntry(Variaveis.TIPO_REGRA, "CELEBRACAO")
                .containsEntry(Variaveis.MOTIVO, "Concluiu o módulo 1").containsEntry(Variaveis.TEMPLATE, "parabens_modulo");
        executarJobs();

        assertThat(pi).isEnded().hasPassedInOrder("Tarefa_VerificarWhatsApp", "Tarefa_EnviarParabens",
                "Tarefa_EtiquetaConquista", "Tarefa_RegistrarIndicador", "Fim_ParabensEnviados");
        assertThat(etiquetas).containsExactly(Map.of("etiqueta", "conquista", Variaveis.MATRICULA_ID, 7L,
                Variaveis.FILA_ID, 3L));
        verify(kpis).registrarPeloProcesso(eq(7L), eq(TipoKpi.PRIMEIRO_ACESSO_VIA_LINK),
                eq("Registrado pelo processo Parabéns por módulo (Registrar indicador)"));
    }

    @Test
    void semTemplateEscolhidoODisparoRecebeNuloEUsaOPadraoDaRegra() throws IOException {
        telefone(SituacaoTelefone.VALIDO);
        implantar(diagrama(Map.of(Variaveis.TIPO_REGRA, "CELEBRACAO", Variaveis.MOTIVO, "Concluiu o módulo 1")));

        MOTOR.getRuntimeService().startProcessInstanceByKey("parabensPorModulo", Map.of(Variaveis.MATRICULA_ID, 7L));

        Map<String, Object> recebidas = new HashMap<>(MOTOR.getRuntimeService().getVariables(disparo().getId()));
        assertThat(recebidas).containsKey(Variaveis.TEMPLATE);
        assertThat(recebidas.get(Variaveis.TEMPLATE)).isNull();
    }

    @Test
    void semTelefoneOCsEhAvisadoENadaEhEnviado() throws IOException {
        telefone(SituacaoTelefone.AUSENTE);
        implantar(diagrama(Map.of(Variaveis.TIPO_REGRA, "CELEBRACAO", Variaveis.MOTIVO, "Concluiu o módulo 1")));

        ProcessInstance pi = MOTOR.getRuntimeService().startProcessInstanceByKey("parabensPorModulo",
                Map.of(Variaveis.MATRICULA_ID, 7L));

        assertThat(pi).isEnded().hasPassed("Tarefa_AvisarCs", "Fim_SemTelefone").hasNotPassed("Tarefa_EnviarParabens");
        verify(contatos).sinalizarParaCs(7L, OnboardingDelegates.SEM_TELEFONE);
        verify(envios, never()).enviar(Mockito.any());
    }

    @Test
    void umaMensagemQueNaoSaiNaoEtiquetaNemContaIndicador() throws IOException {
        telefone(SituacaoTelefone.VALIDO);
        when(envios.enviar(3L)).thenReturn(ResultadoDisparo.FALHOU);
        implantar(diagrama(Map.of(Variaveis.TIPO_REGRA, "CELEBRACAO", Variaveis.MOTIVO, "Concluiu o módulo 1")));

        ProcessInstance pi = MOTOR.getRuntimeService().startProcessInstanceByKey("parabensPorModulo",
                Map.of(Variaveis.MATRICULA_ID, 7L));
        executarJobs();

        assertThat(pi).isEnded().hasPassed("Fim_ParabensNaoEnviados").hasNotPassed("Tarefa_EtiquetaConquista");
        assertThat(etiquetas).isEmpty();
        verify(kpis, never()).registrarPeloProcesso(Mockito.anyLong(), Mockito.any(), anyString());
    }

    @Test
    void umaRegraDigitadaEmBrancoNaoImplanta() {
        assertThatThrownBy(() -> implantar(diagrama(Map.of(Variaveis.MOTIVO, "Concluiu o módulo 1",
                Variaveis.TIPO_REGRA, "")))).hasMessageContaining("sourceExpression");
    }
}
