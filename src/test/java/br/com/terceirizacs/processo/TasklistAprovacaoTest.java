package br.com.terceirizacs.processo;

import java.time.Duration;

import br.com.terceirizacs.IntegracaoBase;
import br.com.terceirizacs.Navegador;
import br.com.terceirizacs.TasklistPagina;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A CS person approves a suggested message in Tasklist, in a real browser; the send reaches (Wire)Meta. */
class TasklistAprovacaoTest extends IntegracaoBase {

    @Autowired
    TaskService tarefas;

    @BeforeEach
    void umaPessoaDoCsEUmaSugestaoPendente() {
        garantirUsuarioCs("julianacs", "Juliana", "Senha-Forte-Tasklist-1");
        jdbc.sql("update regras_automacao set modo_execucao = 'SUGERIR_APENAS' where chave = 'ONBOARDING:global'").update();
        postarEProcessar(amostra("purchase-approved.json"));
        executarJobs();
    }

    @Test
    void oCsEntraNoTasklistVeAMensagemEAprovaEAMensagemSai() throws Exception {
        // the student wrote back, from her number as Meta knows it (no ninth digit), while the task waited
        postarWhatsAppAssinado(amostraWhatsApp("webhook-inbound-text-sair.json")
                .replace("\"5511900000002\"", "\"551100000001\"")
                .replace("\"body\": \"SAIR\"", "\"body\": \"Oi! Ainda não recebi nada\""));
        try (Navegador navegador = Navegador.abrir()) {
            TasklistPagina tasklist = new TasklistPagina(navegador.driver());
            try {
                tasklist.entrar(url("/camunda/app/tasklist/default/"), "julianacs", "Senha-Forte-Tasklist-1");
                tasklist.abrirFiltro("Disparos para aprovar");
                tasklist.abrirEReivindicar("Boas-vindas: Mariana Souza");
                assertThat(tasklist.previaDaMensagem().getText())
                        .startsWith("Olá, Mariana! Sua compra de Curso Exemplo de Marketing Digital foi aprovada.");
                // display only: shown read-only, dropped from the submission by the form guard
                assertThat(tasklist.valor("campoUltimaResposta"))
                        .startsWith("respondeu agora há pouco (").endsWith("“Oi! Ainda não recebi nada”");
                assertThat(navegador.driver().getPageSource()).doesNotContain("Modo simulação");
                navegador.fotografar("tasklist-aprovar-disparo");
                tasklist.escolher("Aprovar e enviar");
                tasklist.concluir();
                await().atMost(Duration.ofSeconds(20)).until(() -> tarefas.createTaskQuery().count() == 0);
            } catch (RuntimeException | AssertionError e) {
                navegador.fotografar("tasklist-falha");
                throw e;
            }
        }

        executarJobs();
        META.verify(1, postRequestedFor(urlPathEqualTo("/v23.0/123456789012345/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo("5511900000001"))));
        assertThat(jdbc.sql("select decidido_por from filas_disparo").query(String.class).single()).isEqualTo("julianacs");
        assertThat(jdbc.sql("select status from filas_disparo").query(String.class).single()).isEqualTo("ENVIADO");
    }
}
