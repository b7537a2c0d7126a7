package br.com.terceirizacs.processo;

import java.util.Map;

import br.com.terceirizacs.IntegracaoBase;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Registrar indicador" in the running application: a diagram made with the element template deploys on the
 * application's engine (which shows diagrams only the beans of {@link BeansDosDiagramas}) and writes the KPI row for the
 * enrolment's producer and product, once.
 */
class RegistrarKpiFimAFimTest extends IntegracaoBase {

    private static final String DIAGRAMA = "teste-registrar-indicador";

    @Autowired
    RepositoryService repositorio;

    private long matriculaId;

    @BeforeEach
    void compra() {
        aguardarProcessamento(postarWebhook(bytesDaAmostra("purchase-approved.json")));
        matriculaId = ((Number) matricula("mariana.souza@example.com", 4100001).get("id")).longValue();
    }

    @AfterEach
    void removerDiagrama() {
        repositorio.createDeploymentQuery().deploymentName(DIAGRAMA).list()
                .forEach(d -> repositorio.deleteDeployment(d.getId(), true, true));
    }

    private void implantar(String kpi) {
        BpmnModelInstance modelo = Bpmn.createExecutableProcess("contarConversao").name("Contar conversão")
                .camundaHistoryTimeToLive(1)
                .startEvent("Inicio_Teste").name("Início")
                .serviceTask("Tarefa_RegistrarIndicador").name("Contar resgate convertido").camundaAsyncBefore()
                .endEvent("Fim_Teste").name("Fim")
                .done();
        TemplatesDoModeler.aplicar(modelo, "Tarefa_RegistrarIndicador",
                TemplatesDoModeler.template("br.com.terceirizacs.registrar-indicador"),
                Map.of(RegistrarKpiDelegate.ENTRADA_KPI, kpi));
        repositorio.createDeployment().name(DIAGRAMA).addModelInstance(DIAGRAMA + ".bpmn", modelo).deploy();
    }

    private void rodar() {
        runtime.startProcessInstanceByKey("contarConversao", Map.of(Variaveis.MATRICULA_ID, matriculaId));
        executarJobs();
    }

    @Test
    void oIndicadorEntraNoPainelDoProdutorDaMatriculaUmaVezSo() {
        implantar("RESGATE_CONVERTIDO");

        rodar();
        rodar();

        Map<String, Object> kpi = jdbc.sql("select * from kpis_acesso where tipo = 'RESGATE_CONVERTIDO'").query().singleRow();
        Map<String, Object> m = matricula("mariana.souza@example.com", 4100001);
        assertThat(kpi).containsEntry("matricula_id", m.get("id")).containsEntry("produto_id", m.get("produto_id"))
                .containsEntry("detalhe", "Registrado pelo processo Contar conversão (Contar resgate convertido)");
        assertThat(kpi.get("cliente_id")).isEqualTo(jdbc.sql("select cliente_id from produtos where id = ?")
                .param(m.get("produto_id")).query().singleValue());
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("contarConversao").count()).isZero();
    }

    @Test
    void umIndicadorDigitadoErradoViraIncidenteNaHoraComAListaDosValidos() {
        implantar("VENDA");

        rodar();

        Incident incidente = runtime.createIncidentQuery().processDefinitionId(repositorio.createProcessDefinitionQuery()
                .processDefinitionKey("contarConversao").singleResult().getId()).singleResult();
        assertThat(incidente.getIncidentMessage()).contains("Indicador desconhecido", "VENDA", "RESGATE_CONVERTIDO");
        assertThat(management.createJobQuery().jobId(incidente.getConfiguration()).singleResult().getRetries()).isZero();
        assertThat(contar("select count(*) from kpis_acesso where tipo = 'VENDA'")).isZero();
    }
}
