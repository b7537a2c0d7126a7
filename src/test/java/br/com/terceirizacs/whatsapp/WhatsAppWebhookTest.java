package br.com.terceirizacs.whatsapp;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import br.com.terceirizacs.IntegracaoBase;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /webhooks/whatsapp}: verification, signature over the raw bytes, statuses and stop requests. */
class WhatsAppWebhookTest extends IntegracaoBase {

    @Autowired
    TaskService tarefas;

    @Test
    void aVerificacaoDaMetaDevolveODesafioSoComOTokenCerto() {
        HttpResponse<String> ok = get("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1734829165"
                + "&hub.verify_token=verify-token-de-teste-123", null, null);
        HttpResponse<String> errado = get("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1734829165"
                + "&hub.verify_token=outro", null, null);

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1734829165");
        assertThat(errado.statusCode()).isEqualTo(403);
    }

    @Test
    void aAssinaturaDocumentadaDaAmostraEhAceitaEQualquerAlteracaoRecusada() {
        byte[] wire = amostraWhatsApp("webhook-inbound-text-sair.wire.json").getBytes(StandardCharsets.UTF_8);
        String documentada = "sha256=fa2ee20720d911cf348aed745320d54db05f013c9b34343e2eae084d0607985a";

        byte[] alterado = new String(wire, StandardCharsets.UTF_8).replace("SAIR", "OLA!").getBytes(StandardCharsets.UTF_8);
        assertThat(postarWhatsApp(alterado, documentada).statusCode()).isEqualTo(401);
        assertThat(postarWhatsApp(wire, null).statusCode()).isEqualTo(401);
        assertThat(postarWhatsApp(wire, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(401);
        assertThat(contar("select count(*) from whatsapp_recebidas")).isZero();

        assertThat(postarWhatsApp(wire, documentada).statusCode()).isEqualTo(200);
        assertThat(contar("select count(*) from whatsapp_recebidas")).isEqualTo(1);
    }

    @Test
    void sairCancelaAsSugestoesPendentesEValeDaquiPraFrente() {
        jdbc.sql("update regras_automacao set modo_execucao = 'SUGERIR_APENAS' where chave = 'ONBOARDING:global'").update();
        postarEProcessar(amostra("purchase-approved-subscription.json"));
        executarJobs();
        assertThat(tarefas.createTaskQuery().taskCandidateGroup("cs").count()).isEqualTo(1);

        HttpResponse<String> r = postarWhatsApp(amostraWhatsApp("webhook-inbound-text-sair.wire.json").getBytes(StandardCharsets.UTF_8),
                "sha256=fa2ee20720d911cf348aed745320d54db05f013c9b34343e2eae084d0607985a");

        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> aluno = jdbc.sql("select * from alunos where email = 'rafael.lima@example.com'").query().singleRow();
        assertThat(aluno.get("opt_out_em")).isNotNull();
        assertThat((String) aluno.get("opt_out_motivo")).contains("SAIR");
        assertThat(tarefas.createTaskQuery().count()).isZero();
        assertThat(jdbc.sql("select status from filas_disparo").query(String.class).single()).isEqualTo("CANCELADO");
        assertThat(jdbc.sql("select motivo_decisao from filas_disparo").query(String.class).single())
                .isEqualTo("Aluno pediu para não receber mensagens");

        // the same delivery again changes nothing; a later purchase of the student gets no message
        assertThat(postarWhatsApp(amostraWhatsApp("webhook-inbound-text-sair.wire.json").getBytes(StandardCharsets.UTF_8),
                "sha256=fa2ee20720d911cf348aed745320d54db05f013c9b34343e2eae084d0607985a").statusCode()).isEqualTo(200);
        assertThat(contar("select count(*) from whatsapp_recebidas")).isEqualTo(1);
    }

    @Test
    void statusForaDeOrdemEDuplicadosSoFazemALinhaDoTempoAvancar() {
        postarEProcessar(amostra("purchase-approved.json"));
        executarJobs();
        assertThat(contar("select count(*) from mensagens where status = 'ENVIADA'")).isEqualTo(1);

        postarWhatsAppAssinado(amostraWhatsApp("webhook-status-read.json"));
        postarWhatsAppAssinado(amostraWhatsApp("webhook-status-delivered.json"));
        postarWhatsAppAssinado(amostraWhatsApp("webhook-status-sent.json"));
        postarWhatsAppAssinado(amostraWhatsApp("webhook-status-read.json"));

        Map<String, Object> m = jdbc.sql("select * from mensagens").query().singleRow();
        assertThat(m.get("status")).isEqualTo("LIDA");
        assertThat(m.get("entregue_em")).isNotNull();
        assertThat(m.get("lida_em")).isNotNull();
        assertThat(contar("select count(*) from mensagens_status")).isEqualTo(3);
    }

    @Test
    void umStatusFailedRegistraOCodigoDoErro() {
        postarEProcessar(amostra("purchase-approved.json"));
        executarJobs();
        jdbc.sql("update mensagens set wamid = 'wamid.SEJnTjU1MTE5MDAwMDAwMDEtVEVYVE8tMDAwMg=='").update();

        assertThat(postarWhatsAppAssinado(amostraWhatsApp("webhook-status-failed-131047.json")).statusCode()).isEqualTo(200);

        Map<String, Object> m = jdbc.sql("select * from mensagens").query().singleRow();
        assertThat(m.get("status")).isEqualTo("FALHOU");
        assertThat(((Number) m.get("erro_codigo")).intValue()).isEqualTo(131047);

        String falhou131026 = amostraWhatsApp("webhook-status-failed-131047.json").replace("131047", "131026");
        jdbc.sql("update mensagens set status = 'ENVIADA'").update();
        jdbc.sql("delete from mensagens_status").update();
        postarWhatsAppAssinado(falhou131026);
        assertThat(jdbc.sql("select telefone_situacao from alunos").query(String.class).single()).isEqualTo("INVALIDO");
        assertThat(jdbc.sql("select alerta_cs from matriculas").query(String.class).single()).isEqualTo("SEM_WHATSAPP");
    }
}
