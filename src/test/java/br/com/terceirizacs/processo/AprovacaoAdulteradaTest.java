package br.com.terceirizacs.processo;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import br.com.terceirizacs.IntegracaoBase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A CS person can only decide the message of the task they hold, with what its form shows: a completion that carries
 * another queue row's id, a variable the form does not have or a text over the form's limit changes nothing.
 */
class AprovacaoAdulteradaTest extends IntegracaoBase {

    private static final String CAMINHO = "/v23.0/123456789012345/messages";

    @Autowired
    TaskService tarefas;

    private Task tarefaDaMariana;
    private long filaDaMariana;
    private long filaDaJoana;

    @BeforeEach
    void duasSugestoesPendentes() {
        jdbc.sql("update regras_automacao set modo_execucao = 'SUGERIR_APENAS' where chave = 'ONBOARDING:global'").update();
        postarEProcessar(amostra("purchase-approved.json"));
        ObjectNode joana = amostra("purchase-approved.json").put("id", "compra-da-joana");
        ((ObjectNode) joana.path("data").path("buyer")).put("email", "joana@example.com").put("name", "Joana Lima");
        ((ObjectNode) joana.path("data").path("purchase")).put("transaction", "HP0000000099");
        postarEProcessar(joana);
        executarJobs();
        tarefaDaMariana = tarefas.createTaskQuery().taskNameLike("%Mariana%").singleResult();
        filaDaMariana = fila("mariana.souza@example.com");
        filaDaJoana = fila("joana@example.com");
        assertThat(tarefas.createTaskQuery().count()).isEqualTo(2);
    }

    @Test
    void concluirComOFilaIdDeOutroAlunoERecusadoENadaESaiNemMuda() {
        assertThatThrownBy(() -> tarefas.complete(tarefaDaMariana.getId(),
                Map.of("decisao", "aprovar", "filaId", filaDaJoana)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("a variável 'filaId' não faz parte do formulário");

        executarJobs();
        META.verify(0, postRequestedFor(urlPathEqualTo(CAMINHO)));
        assertThat(status(filaDaMariana)).isEqualTo("PENDENTE");
        assertThat(status(filaDaJoana)).isEqualTo("PENDENTE");
        assertThat(tarefas.createTaskQuery().count()).isEqualTo(2);
    }

    @Test
    void pelaApiRestDoMotorAMesmaFraudeRecebe400EmPortugues() throws Exception {
        String corpo = """
                {"variables": {"decisao": {"value": "aprovar"}, "filaId": {"value": %d, "type": "Long"}}}"""
                .formatted(filaDaJoana);
        HttpResponse<String> r = enviar(HttpRequest.newBuilder(URI.create(url("/engine-rest/task/" + tarefaDaMariana.getId()
                        + "/complete")))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + SENHA_ADMIN).getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString(corpo)).build());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r.body()).path("message").asText()).contains("'filaId' não faz parte do formulário");
        executarJobs();
        META.verify(0, postRequestedFor(urlPathEqualTo(CAMINHO)));
        assertThat(List.of(status(filaDaMariana), status(filaDaJoana))).containsOnly("PENDENTE");
    }

    @Test
    void escreverOFilaIdNaTarefaAntesDeConcluirTambemERecusado() {
        assertThatThrownBy(() -> tarefas.setVariable(tarefaDaMariana.getId(), "filaId", filaDaJoana))
                .isInstanceOf(ProcessEngineException.class);
        assertThatThrownBy(() -> tarefas.setVariableLocal(tarefaDaMariana.getId(), "mensagem", "outra"))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(runtime.getVariable(tarefaDaMariana.getProcessInstanceId(), "filaId")).isEqualTo(filaDaMariana);
    }

    @Test
    void umTextoAlemDoLimiteDoFormularioERecusadoNoServidor() {
        assertThatThrownBy(() -> tarefas.complete(tarefaDaMariana.getId(),
                Map.of("decisao", "aprovar", "textoLivre", "x".repeat(501))))
                .hasMessageContaining("aceita no máximo 500 caracteres");
        assertThat(status(filaDaMariana)).isEqualTo("PENDENTE");
    }

    @Test
    void aDecisaoLegitimaVaiParaALinhaDaPropriaTarefa() {
        tarefas.complete(tarefaDaMariana.getId(), Map.of("decisao", "aprovar", "mensagem", "texto adulterado, ignorado"));
        executarJobs();

        assertThat(status(filaDaMariana)).isEqualTo("ENVIADO");
        assertThat(status(filaDaJoana)).isEqualTo("PENDENTE");
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
    }

    private long fila(String email) {
        return jdbc.sql("select f.id from filas_disparo f join alunos a on a.id = f.aluno_id where a.email = ?")
                .param(email).query(Long.class).single();
    }

    private String status(long fila) {
        return jdbc.sql("select status from filas_disparo where id = ?").param(fila).query(String.class).single();
    }
}
