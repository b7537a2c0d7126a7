package br.com.terceirizacs.whatsapp;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import br.com.terceirizacs.IntegracaoBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A student's WhatsApp reply reaches the student, the enrolment, the admin API and the approval task. */
class RespostasWhatsAppTest extends IntegracaoBase {

    /** Mariana's phone in purchase-approved.json, as Meta may know it: without the ninth digit. */
    private static final String SEM_NONO_DIGITO = "551100000001";

    @Autowired
    TaskService tarefas;

    /** An inbound text message from {@code de}, Meta's shape (the sample stop request with another text). */
    static String recebida(String de, String wamid, String texto) {
        return amostraWhatsApp("webhook-inbound-text-sair.json")
                .replace("\"5511900000002\"", "\"" + de + "\"")
                .replace("wamid.SEJnTjU1MTE5MDAwMDAwMDItRU5UUkFEQS0wMDAz", wamid)
                .replace("\"body\": \"SAIR\"", "\"body\": \"" + texto + "\"");
    }

    @Test
    void aRespostaDeUmNumeroSemONonoDigitoEhVinculadaAoAlunoEAMatricula() {
        postarEProcessar(amostra("purchase-approved.json"));
        Map<String, Object> m = matricula("mariana.souza@example.com", 4100001L);
        // Meta's send answer never taught a wa_id: only the stored phone, with the ninth digit, can match
        jdbc.sql("update alunos set wa_id = null").update();

        assertThat(postarWhatsAppAssinado(recebida(SEM_NONO_DIGITO, "wamid.RESPOSTA-1", "Não recebi o acesso, podem me ajudar?"))
                .statusCode()).isEqualTo(200);

        Map<String, Object> r = jdbc.sql("select * from respostas_whatsapp").query().singleRow();
        assertThat(r.get("aluno_id")).isEqualTo(m.get("aluno_id"));
        assertThat(r.get("matricula_id")).isEqualTo(m.get("id"));
        assertThat(r.get("texto")).isEqualTo("Não recebi o acesso, podem me ajudar?");
        // a reply is not a stop request
        assertThat(contar("select count(*) from alunos where opt_out_em is not null")).isZero();

        // the same delivery again links nothing new
        postarWhatsAppAssinado(recebida(SEM_NONO_DIGITO, "wamid.RESPOSTA-1", "Não recebi o acesso, podem me ajudar?"));
        assertThat(contar("select count(*) from respostas_whatsapp")).isEqualTo(1);
    }

    @Test
    void oWaIdAprendidoNoEnvioTambemVinculaEUmNumeroDeAlunosDeDoisProdutoresVaiParaOsDois() {
        postarEProcessar(amostra("purchase-approved.json"));
        // Meta answered a send with the number without the ninth digit, and the phone changed since
        jdbc.sql("update alunos set wa_id = ?, telefone_e164 = '+5511988887777'").param(SEM_NONO_DIGITO).update();
        long outro = catalogo.criarCliente("Outra Produtora", "outra-produtora", "hottok-ficticio-outra").getId();
        jdbc.sql("""
                insert into alunos (cliente_id, email, nome, telefone_e164, telefone_situacao, criado_em, atualizado_em)
                values (?, 'mariana.souza@example.com', 'Mariana', '+5511900000001', 'VALIDO', current_timestamp,
                        current_timestamp)""").param(outro).update();

        postarWhatsAppAssinado(recebida(SEM_NONO_DIGITO, "wamid.RESPOSTA-2", "Oi!"));

        assertThat(jdbc.sql("select a.cliente_id from respostas_whatsapp r join alunos a on a.id = r.aluno_id")
                .query(Long.class).list()).hasSize(2).contains(outro);
        // the other producer's student has no enrolment: linked to the student only
        assertThat(contar("select count(*) from respostas_whatsapp where matricula_id is null")).isEqualTo(1);
    }

    @Test
    void aApiDeMatriculasMostraAUltimaRespostaCortadaEHaQuantoTempo() {
        postarEProcessar(amostra("purchase-approved.json"));
        postarWhatsAppAssinado(recebida(SEM_NONO_DIGITO, "wamid.RESPOSTA-3", "Primeira"));
        postarWhatsAppAssinado(recebida("5511900000001", "wamid.RESPOSTA-4", "x".repeat(300)));
        jdbc.sql("update respostas_whatsapp set recebida_em = ? where wamid = 'wamid.RESPOSTA-3'")
                .param(OffsetDateTime.now().minus(Duration.ofHours(5))).update();
        jdbc.sql("update respostas_whatsapp set recebida_em = ? where wamid = 'wamid.RESPOSTA-4'")
                .param(OffsetDateTime.now().minus(Duration.ofMinutes(125))).update();

        JsonNode m = json(comoAdmin("GET", "/api/matriculas?produto=4100001&email=mariana.souza@example.com", null).body())
                .path(0);

        JsonNode r = m.path("ultimaResposta");
        assertThat(r.path("quando").asText()).isEqualTo("respondeu há 2 h");
        assertThat(r.path("texto").asText()).hasSize(160).endsWith("…");
        assertThat(r.path("recebidaEm").asText()).isNotBlank();
    }

    @Test
    void quemNuncaRespondeuNaoTemUltimaResposta() {
        postarEProcessar(amostra("purchase-approved.json"));
        JsonNode m = json(comoAdmin("GET", "/api/matriculas?produto=4100001&email=mariana.souza@example.com", null).body())
                .path(0);
        assertThat(m.path("email").asText()).isEqualTo("mariana.souza@example.com");
        assertThat(m.path("ultimaResposta").isMissingNode() || m.path("ultimaResposta").isNull()).isTrue();
    }

    @Test
    void aTarefaDeAprovacaoAbertaMostraARespostaQueChegouDepoisDela() {
        jdbc.sql("update regras_automacao set modo_execucao = 'SUGERIR_APENAS' where chave = 'ONBOARDING:global'").update();
        postarEProcessar(amostra("purchase-approved.json"));
        executarJobs();
        Task tarefa = tarefas.createTaskQuery().taskDefinitionKey("Tarefa_AprovarDisparo").singleResult();
        assertThat(tarefas.getVariableLocal(tarefa.getId(), "ultimaResposta")).isNull();
        // the tests' channel has a token: not a dry run
        assertThat(tarefas.getVariableLocal(tarefa.getId(), "modoSimulacao")).isEqualTo(false);

        postarWhatsAppAssinado(recebida(SEM_NONO_DIGITO, "wamid.RESPOSTA-5", "Já consegui entrar, obrigada!"));

        assertThat((String) tarefas.getVariableLocal(tarefa.getId(), "ultimaResposta"))
                .startsWith("respondeu agora há pouco (").endsWith("): “Já consegui entrar, obrigada!”");
    }
}
