package br.com.terceirizacs.processo;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import br.com.terceirizacs.IntegracaoBase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A template Meta does not know (132001), through the real engine: one incident, the other sends of the template
 * held (not failed, no incident each), and each sent exactly once when the template is released.
 */
class TemplateBloqueadoFimAFimTest extends IntegracaoBase {

    private static final String CAMINHO = "/v23.0/123456789012345/messages";
    private static final String BOAS_VINDAS = "boas_vindas_acesso";

    private StubMapping templateInexistente;

    @BeforeEach
    void metaNaoConheceOTemplateDeBoasVindas() {
        // the second product welcomes with another template, which Meta knows
        jdbc.sql("update produtos set template_boas_vindas = 'resgate_acesso' where hotmart_product_id = 4100002").update();
        templateInexistente = META.stubFor(post(urlPathEqualTo(CAMINHO))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo(BOAS_VINDAS)))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody(amostraWhatsApp("error-132001-template-not-found.json"))));
    }

    private void compra(int i, long produto) {
        ObjectNode c = amostra("purchase-approved.json").put("id", UUID.randomUUID().toString());
        ((ObjectNode) c.path("data").path("buyer")).put("email", "aluno" + i + "@example.com")
                .put("checkout_phone", "90000000" + i);
        ((ObjectNode) c.path("data").path("purchase")).put("transaction", "HP000000010" + i);
        ((ObjectNode) c.path("data").path("product")).put("id", produto);
        assertThat(postarEProcessar(c)).isEqualTo("PROCESSADO");
    }

    private int pedidosParaMeta(int aluno, String template) {
        return META.findAll(postRequestedFor(urlPathEqualTo(CAMINHO))
                .withRequestBody(matchingJsonPath("$.to", equalTo("551190000000" + aluno)))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo(template)))).size();
    }

    private List<Incident> incidentesDeEnvio() {
        return runtime.createIncidentQuery().activityId("Tarefa_EnviarMensagem").list();
    }

    private List<Job> retidos() {
        return management.createJobQuery().activityId("Tarefa_EnviarMensagem").withRetriesLeft().withException().list();
    }

    @Test
    void umIncidenteSoRetemOsDemaisEnviosDoTemplateELiberarEnviaCadaUmUmaVez() {
        compra(1, 4100001);
        executarJobs();
        compra(2, 4100001);
        compra(3, 4100001);
        compra(4, 4100002);
        executarJobs();

        assertThat(pedidosParaMeta(1, BOAS_VINDAS)).isEqualTo(1);
        assertThat(pedidosParaMeta(2, BOAS_VINDAS) + pedidosParaMeta(3, BOAS_VINDAS)).as("retidos: nada sai").isZero();
        assertThat(pedidosParaMeta(4, "resgate_acesso")).as("outro template segue").isEqualTo(1);
        assertThat(incidentesDeEnvio()).singleElement().satisfies(i -> assertThat(i.getIncidentMessage())
                .contains("template boas_vindas_acesso (pt_BR) do número 123456789012345")
                .contains("(#132001) Template name does not exist").doesNotContain("(#132001) (#132001)")
                .contains("/api/whatsapp/templates/boas_vindas_acesso/liberar"));
        assertThat(retidos()).hasSize(2).allSatisfy(j -> {
            assertThat(j.getExceptionMessage()).startsWith("Envio retido: o template boas_vindas_acesso (pt_BR)");
            assertThat(j.getDuedate()).isInTheFuture();
        });
        assertThat(jdbc.sql("select status from filas_disparo where template_sugerido = ?").param(BOAS_VINDAS)
                .query(String.class).list()).containsExactly("APROVADO", "APROVADO", "APROVADO");
        assertThat(contar("select count(*) from mensagens where status = 'FALHOU'")).isZero();

        META.removeStub(templateInexistente); // fixed in WhatsApp Manager
        HttpResponse<String> r = comoAdmin("POST", "/api/whatsapp/templates/" + BOAS_VINDAS + "/liberar", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r.body()).path("liberados").get(0).path("idioma").asText()).isEqualTo("pt_BR");
        assertThat(incidentesDeEnvio()).as("liberar resolve o incidente").isEmpty();
        executarJobs();

        assertThat(pedidosParaMeta(1, BOAS_VINDAS)).as("a recusa e o envio").isEqualTo(2);
        assertThat(pedidosParaMeta(2, BOAS_VINDAS)).isEqualTo(1);
        assertThat(pedidosParaMeta(3, BOAS_VINDAS)).isEqualTo(1);
        assertThat(pedidosParaMeta(4, "resgate_acesso")).isEqualTo(1);
        assertThat(jdbc.sql("select status from filas_disparo").query(String.class).list())
                .containsExactly("ENVIADO", "ENVIADO", "ENVIADO", "ENVIADO");
        assertThat(contar("select count(*) from whatsapp_bloqueios_template")).isZero();
        assertThat(management.createJobQuery().activityId("Tarefa_EnviarMensagem").count()).isZero();

        HttpResponse<String> denovo = comoAdmin("POST", "/api/whatsapp/templates/" + BOAS_VINDAS + "/liberar", null);
        assertThat(denovo.statusCode()).isEqualTo(404);
        assertThat(json(denovo.body()).path("detail").asText()).contains("não está bloqueado");
    }

    @Test
    void tentarDeNovoOIncidenteNoCockpitTambemLiberaOTemplate() {
        compra(1, 4100001);
        executarJobs();
        compra(2, 4100001);
        executarJobs();
        assertThat(retidos()).hasSize(1);
        String jobDoIncidente = incidentesDeEnvio().get(0).getConfiguration();

        META.removeStub(templateInexistente);
        management.setJobRetries(jobDoIncidente, 1);
        executarJobs();

        assertThat(pedidosParaMeta(1, BOAS_VINDAS)).isEqualTo(2);
        assertThat(pedidosParaMeta(2, BOAS_VINDAS)).isEqualTo(1);
        assertThat(jdbc.sql("select status from filas_disparo").query(String.class).list())
                .containsExactly("ENVIADO", "ENVIADO");
        assertThat(contar("select count(*) from whatsapp_bloqueios_template")).isZero();
        assertThat(incidentesDeEnvio()).isEmpty();
    }

    @Test
    void aNovaTentativaComOTemplateAindaErradoVoltaASerOIncidenteEOsRetidosContinuamRetidos() {
        compra(1, 4100001);
        executarJobs();
        compra(2, 4100001);
        executarJobs();

        management.setJobRetries(incidentesDeEnvio().get(0).getConfiguration(), 1);
        executarJobs();

        assertThat(pedidosParaMeta(1, BOAS_VINDAS)).isEqualTo(2);
        assertThat(pedidosParaMeta(2, BOAS_VINDAS)).isZero();
        assertThat(incidentesDeEnvio()).hasSize(1);
        assertThat(retidos()).hasSize(1);
        assertThat(contar("select count(*) from whatsapp_bloqueios_template")).isEqualTo(1);
    }
}
