package br.com.terceirizacs.processo;

import java.time.Duration;

import br.com.terceirizacs.IntegracaoBase;
import br.com.terceirizacs.Navegador;
import br.com.terceirizacs.TasklistPagina;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator (group operacao) decides an uncertain send in Tasklist, in a real pt-BR browser: Reenviar, and exactly
 * one more message reaches (Wire)Meta.
 */
class TasklistEnvioIncertoTest extends IntegracaoBase {

    private static final String CAMINHO = "/v23.0/123456789012345/messages";
    private static final String OPERADOR = "marcosop";
    private static final String SENHA = "Senha-Forte-Operacao-1";

    @Autowired
    TaskService tarefas;

    @BeforeEach
    void umaPessoaDaOperacaoEUmEnvioSemResposta() {
        if (identity.createUserQuery().userId(OPERADOR).singleResult() == null) {
            User u = identity.newUser(OPERADOR);
            u.setFirstName("Marcos");
            u.setLastName("(Operação)");
            u.setPassword(SENHA);
            identity.saveUser(u);
            identity.createMembership(OPERADOR, "operacao");
        }
        // the first request is answered after the client's read timeout; the resend at once
        META.stubFor(WireMock.post(urlPathEqualTo(CAMINHO)).inScenario("sem resposta")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(WireMock.okJson(amostraWhatsApp("send-template-response.json")).withFixedDelay(3_000))
                .willSetStateTo("respondendo"));
        META.stubFor(WireMock.post(urlPathEqualTo(CAMINHO)).inScenario("sem resposta")
                .whenScenarioStateIs("respondendo")
                .willReturn(WireMock.okJson(amostraWhatsApp("send-template-response.json"))));
        postarEProcessar(amostra("purchase-approved.json"));
        executarJobs();
        assertThat(jdbc.sql("select status from mensagens").query(String.class).single()).isEqualTo("INCERTA");
    }

    @Test
    void oOperadorEscolheReenviarNoTasklistEUmaUnicaMensagemSai() throws Exception {
        META.resetRequests();
        try (Navegador navegador = Navegador.abrir()) {
            TasklistPagina tasklist = new TasklistPagina(navegador.driver());
            try {
                tasklist.entrar(url("/camunda/app/tasklist/default/"), OPERADOR, SENHA);
                tasklist.abrirFiltro("Envios incertos");
                tasklist.abrirEReivindicar("Confirmar envio incerto: Mariana Souza");
                assertThat(tasklist.valor("campoTelefone")).isEqualTo("+5511*****0001");
                assertThat(tasklist.valor("campoSaiuEm")).matches("\\d\\d/\\d\\d/\\d{4} às .*");
                assertThat(tasklist.valor("campoStatusDesdeEntao")).isEqualTo("Nenhum status da Meta chegou desde o envio.");
                assertThat(tasklist.valor("campoTemplate")).isEqualTo("boas_vindas_acesso (pt_BR)");
                tasklist.escolher("Reenviar");
                navegador.fotografar("confirmar-envio-incerto");
                tasklist.concluir();
                await().atMost(Duration.ofSeconds(20)).until(() -> tarefas.createTaskQuery().count() == 0);
            } catch (RuntimeException | AssertionError e) {
                navegador.fotografar("confirmar-envio-incerto-falha");
                throw e;
            }
        }

        executarJobs();
        executarJobs();
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO))
                .withRequestBody(matchingJsonPath("$.to", equalTo("5511900000001"))));
        assertThat(jdbc.sql("select status from filas_disparo").query(String.class).single()).isEqualTo("ENVIADO");
        assertThat(jdbc.sql("select status from mensagens").query(String.class).single()).isEqualTo("ENVIADA");
        assertThat(contar("select tentativas from mensagens")).as("o pedido sem resposta e o reenvio").isEqualTo(2);
    }
}
