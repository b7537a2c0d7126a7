package br.com.terceirizacs.seguranca;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import br.com.terceirizacs.IntegracaoBase;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another site's page cannot use an admin's saved Basic login: state-changing calls from a foreign origin are refused
 * on our API and on Camunda's, and our JSON API refuses what an HTML form can send. Modeler and curl (no Origin) work.
 */
class OrigemConfiavelTest extends IntegracaoBase {

    private static final String MAL = "http://evil.example";
    private static final String DIAGRAMA = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                         targetNamespace="http://terceirizacs.com.br/teste">
              <process id="processoDeTesteDeOrigem" isExecutable="true" camunda:historyTimeToLive="1">
                <startEvent id="inicio"/>
              </process>
            </definitions>""";

    @Autowired
    RepositoryService repositorio;

    @Autowired
    org.camunda.bpm.engine.AuthorizationService autorizacoes;

    @AfterEach
    void removerImplantacoes() {
        repositorio.createDeploymentQuery().deploymentName("teste-de-origem").list()
                .forEach(d -> repositorio.deleteDeployment(d.getId(), true));
        identity.deleteUser("donaprocesso");
    }

    @Test
    void umaImplantacaoVindaDeOutroSiteERecusadaSemImplantarNada() {
        HttpResponse<String> r = implantar("admin", SENHA_ADMIN, MAL);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("outra origem");
        assertThat(repositorio.createDeploymentQuery().deploymentName("teste-de-origem").count()).isZero();
    }

    @Test
    void oModelerSemOriginImplantaComoSempre() {
        assertThat(implantar("admin", SENHA_ADMIN, null).statusCode()).isEqualTo(200);
        assertThat(repositorio.createDeploymentQuery().deploymentName("teste-de-origem").count()).isEqualTo(1);
    }

    @Test
    void umFormularioDeOutroSiteNaoIniciaUmResgate() {
        HttpResponse<String> r = enviar(formulario("/api/resgate/execucoes").header("Origin", MAL).build());
        assertThat(r.statusCode()).isEqualTo(403);

        HttpResponse<String> semOrigin = enviar(formulario("/api/resgate/execucoes")
                .header("Referer", MAL + "/pagina-com-formulario").build());
        assertThat(semOrigin.statusCode()).isEqualTo(403);

        assertThat(contar("select count(*) from resgate_execucoes")).isZero();
    }

    @Test
    void aApiJsonRecusaTiposDeFormularioMesmoSemOrigin() {
        HttpResponse<String> r = enviar(formulario("/api/resgate/execucoes").build());

        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.body()).contains("apenas JSON");
        assertThat(contar("select count(*) from resgate_execucoes")).isZero();
    }

    @Test
    void aPropriaAplicacaoEClientesSemNavegadorContinuamAlterando() {
        HttpResponse<String> mesmaOrigem = enviar(HttpRequest.newBuilder(URI.create(url("/api/resgate/execucoes")))
                .header("Authorization", basic("admin", SENHA_ADMIN)).header("Origin", url(""))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(mesmaOrigem.statusCode()).isEqualTo(202);

        HttpResponse<String> curl = enviar(HttpRequest.newBuilder(URI.create(url("/api/resgate/execucoes")))
                .header("Authorization", basic("admin", SENHA_ADMIN)).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(curl.statusCode()).isEqualTo(202);
    }

    @Test
    void umDonoDeProcessoImplantaMasNaoVeInstanciasNemUsaANossaApi() {
        org.camunda.bpm.engine.identity.User u = identity.newUser("donaprocesso");
        u.setFirstName("Dona");
        u.setLastName("Processo");
        u.setPassword("Senha-Modeler-7");
        identity.saveUser(u);
        identity.createMembership("donaprocesso", Papeis.GRUPO_DONOS_PROCESSO);

        assertThat(implantar("donaprocesso", "Senha-Modeler-7", null).statusCode()).isEqualTo(200);
        // the engine saw who deployed (it grants the creator rights on the new deployment): its authorizations apply
        assertThat(autorizacoes.createAuthorizationQuery().userIdIn("donaprocesso")
                .resourceType(org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT).count()).isEqualTo(1);
        assertThat(get("/engine-rest/deployment?name=teste-de-origem", "donaprocesso", "Senha-Modeler-7").statusCode())
                .isEqualTo(200);
        assertThat(get("/engine-rest/process-instance", "donaprocesso", "Senha-Modeler-7").statusCode()).isEqualTo(403);
        assertThat(get("/engine-rest/user", "donaprocesso", "Senha-Modeler-7").statusCode()).isEqualTo(403);
        assertThat(get("/api/regras", "donaprocesso", "Senha-Modeler-7").statusCode()).isEqualTo(403);
    }

    @Test
    void aApiDoMotorRodaComoQuemChamaSobAsAutorizacoesDoMotor() {
        garantirUsuarioCs("cslimitada", "Cs", "Senha-Tasklist-7");
        // CS has no business on Camunda's REST API: Spring Security stops it before the engine
        assertThat(get("/engine-rest/deployment", "cslimitada", "Senha-Tasklist-7").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> implantar(String usuario, String senha, String origem) {
        String fronteira = "----fronteira" + System.nanoTime();
        String corpo = "--" + fronteira + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nteste-de-origem\r\n"
                + "--" + fronteira + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"teste-de-origem.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + DIAGRAMA + "\r\n--" + fronteira + "--\r\n";
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url("/engine-rest/deployment/create")))
                .header("Authorization", basic(usuario, senha))
                .header("Content-Type", "multipart/form-data; boundary=" + fronteira)
                .POST(HttpRequest.BodyPublishers.ofString(corpo, StandardCharsets.UTF_8));
        if (origem != null) {
            req.header("Origin", origem);
        }
        return enviar(req.build());
    }

    private HttpRequest.Builder formulario(String caminho) {
        return HttpRequest.newBuilder(URI.create(url(caminho)))
                .header("Authorization", basic("admin", SENHA_ADMIN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("x=1"));
    }

    private static String basic(String usuario, String senha) {
        return "Basic " + Base64.getEncoder().encodeToString((usuario + ":" + senha).getBytes(StandardCharsets.UTF_8));
    }
}
