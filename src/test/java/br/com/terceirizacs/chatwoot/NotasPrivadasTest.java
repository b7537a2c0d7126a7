package br.com.terceirizacs.chatwoot;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What we sent, mirrored once as a private note, by the outbox worker, never by the send itself. */
class NotasPrivadasTest extends ChatwootBase {

    @Autowired
    NotasPrivadas notas;

    private String estadoDaNota() {
        return jdbc.sql("select estado from chatwoot_notas").query(String.class).optional().orElse(null);
    }

    private String textoEnviado() {
        return jdbc.sql("select texto_previa from filas_disparo where status = 'ENVIADO'").query(String.class).single();
    }

    @Test
    void cadaMensagemEnviadaViraUmaNotaPrivadaUmaVezSo() {
        conectar();
        FALSO.contato(1042, "+5511900000001");
        FALSO.conversa(588, 1042, ChatwootFalso.CAIXA, 1772465400);

        executarJobs();

        await().atMost(Duration.ofSeconds(20)).until(() -> "POSTADA".equals(estadoDaNota()));
        notas.processarDevidas();
        assertThat(FALSO.notasPrivadas()).isEqualTo(1);
        assertThat(FALSO.mensagensPublicas()).as("nunca uma mensagem de saída: o Chatwoot a enviaria").isZero();
        ObjectNode nota = FALSO.mensagens(588).get(0);
        assertThat(nota.path("private").asBoolean()).isTrue();
        assertThat(nota.path("content").asText()).isEqualTo("Enviado pela Terceiriza CS: " + textoEnviado())
                .contains("Mariana");
        assertThat(jdbc.sql("select mensagem_id from chatwoot_notas").query(Long.class).single())
                .isEqualTo(nota.path("id").asLong());
    }

    @Test
    void semEspelharNotasOuSemChatwootNadaEPostado() {
        conectar();
        conectar(Map.of("espelharNotas", false));
        FALSO.contato(1042, "+5511900000001");
        FALSO.conversa(588, 1042, ChatwootFalso.CAIXA, 1772465400);

        executarJobs();
        notas.processarDevidas();

        assertThat(jdbc.sql("select count(*) from filas_disparo where status = 'ENVIADO'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(estadoDaNota()).isNull();
        assertThat(FALSO.notasPrivadas()).isZero();
    }

    @Test
    void umAlunoSemConversaNaoRecebeNotaNemContatoNovo() {
        conectar();

        executarJobs();

        await().atMost(Duration.ofSeconds(20)).until(() -> "SEM_CONVERSA".equals(estadoDaNota()));
        assertThat(FALSO.contatos()).isEmpty();
        assertThat(FALSO.notasPrivadas()).isZero();
    }

    @Test
    void umaNotaQueChegouSemRespostaNaoEPostadaDeNovo() {
        conectar();
        FALSO.contato(1042, "+5511900000001");
        FALSO.conversa(588, 1042, ChatwootFalso.CAIXA, 1772465400);
        FALSO.atrasoMensagens(7000);

        executarJobs();

        await().atMost(Duration.ofSeconds(40)).until(() -> "INCERTA".equals(estadoDaNota())
                && jdbc.sql("select reservada_por from chatwoot_notas").query(String.class).optional().isEmpty());
        assertThat(FALSO.notasPrivadas()).as("chegou ao Chatwoot, só a resposta se perdeu").isEqualTo(1);

        FALSO.atrasoMensagens(0);
        jdbc.sql("update chatwoot_notas set proxima_em = ?")
                .param(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)).update();
        await().atMost(Duration.ofSeconds(20)).until(() -> "POSTADA".equals(estadoDaNota()));

        assertThat(FALSO.notasPrivadas()).isEqualTo(1);
        assertThat(pedidos("POST", "/api/v1/accounts/7/conversations/588/messages")).isEqualTo(1);
    }

    @Test
    void chatwootForaDoArAdiaANotaComEsperaSemAtrasarOEnvio() {
        conectar();
        FALSO.contato(1042, "+5511900000001");
        FALSO.conversa(588, 1042, ChatwootFalso.CAIXA, 1772465400);
        CHATWOOT.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/api/v1/.*"))
                .atPriority(1).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));

        executarJobs();

        assertThat(jdbc.sql("select status from filas_disparo").query(String.class).single()).isEqualTo("ENVIADO");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select tentativas from chatwoot_notas where reservada_por is null").query(Integer.class).optional()
                .orElse(0) >= 1);
        assertThat(estadoDaNota()).isEqualTo("PENDENTE");
        assertThat(jdbc.sql("select proxima_em from chatwoot_notas").query(OffsetDateTime.class).single())
                .isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(20));
        assertThat(FALSO.notasPrivadas()).isZero();
    }
}
