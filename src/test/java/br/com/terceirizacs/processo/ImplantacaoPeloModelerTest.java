package br.com.terceirizacs.processo;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import br.com.terceirizacs.IntegracaoBase;
import br.com.terceirizacs.seguranca.Papeis;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda Modeler's "Deploy" against the running app, as Modeler 5 sends it: multipart {@code deployment-name},
 * {@code deploy-changed-only}, {@code deployment-source} and the diagram file, with the process owner's HTTP Basic
 * login. The restart side is {@link ImplantacaoDoRepositorioTest}.
 */
class ImplantacaoPeloModelerTest extends IntegracaoBase {

    private static final String NOME = "revisao-semanal-teste";
    private static final String SENHA_DONA = "Senha-Modeler-8";

    @Autowired
    RepositoryService repositorio;

    @Autowired
    HistoryService historico;

    @AfterEach
    void limpar() {
        repositorio.createDeploymentQuery().deploymentName(NOME).list()
                .forEach(d -> repositorio.deleteDeployment(d.getId(), true));
        for (String u : new String[] {"donamodeler", "semgrupo", "csmodeler"}) {
            identity.deleteUser(u);
        }
    }

    @Test
    void umDonoDeProcessoImplantaPeloModelerEOProcessoRoda() {
        usuario("donamodeler", SENHA_DONA, Papeis.GRUPO_DONOS_PROCESSO);

        HttpResponse<String> r = implantar("donamodeler", SENHA_DONA, diagrama("Revisão semanal"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r.body()).path("source").asText()).isEqualTo("Camunda Modeler");
        assertThat(json(r.body()).path("deployedProcessDefinitions").size()).isEqualTo(1);
        HttpResponse<String> inicio = enviarJson("POST", "/engine-rest/process-definition/key/revisaoSemanalTeste/start",
                "{}", "admin", SENHA_ADMIN);
        assertThat(inicio.statusCode()).as(inicio.body()).isEqualTo(200);
        assertThat(historico.createHistoricProcessInstanceQuery().processDefinitionKey("revisaoSemanalTeste")
                .completed().count()).isEqualTo(1);
    }

    @Test
    void implantarDeNovoSemMudancaNaoCriaVersaoEUmaMudancaCria() {
        usuario("donamodeler", SENHA_DONA, Papeis.GRUPO_DONOS_PROCESSO);

        assertThat(implantar("donamodeler", SENHA_DONA, diagrama("Revisão semanal")).statusCode()).isEqualTo(200);
        assertThat(implantar("donamodeler", SENHA_DONA, diagrama("Revisão semanal")).statusCode()).isEqualTo(200);
        assertThat(repositorio.createProcessDefinitionQuery().processDefinitionKey("revisaoSemanalTeste").count())
                .isEqualTo(1);

        assertThat(implantar("donamodeler", SENHA_DONA, diagrama("Revisão semanal (nova)")).statusCode())
                .isEqualTo(200);
        assertThat(repositorio.createProcessDefinitionQuery().processDefinitionKey("revisaoSemanalTeste")
                .latestVersion().singleResult().getName()).isEqualTo("Revisão semanal (nova)");
    }

    @Test
    void quemNaoEDonoDeProcessoNemAdminNaoImplanta() {
        usuario("semgrupo", "Senha-Sem-Grupo-9", null);
        usuario("csmodeler", "Senha-Cs-Modeler-9", Papeis.GRUPO_CS);

        assertThat(implantar("semgrupo", "Senha-Sem-Grupo-9", diagrama("x")).statusCode()).isEqualTo(403);
        assertThat(implantar("csmodeler", "Senha-Cs-Modeler-9", diagrama("x")).statusCode()).isEqualTo(403);
        assertThat(implantar(null, null, diagrama("x")).statusCode()).isEqualTo(401);
        assertThat(repositorio.createDeploymentQuery().deploymentName(NOME).count()).isZero();
    }

    private void usuario(String id, String senha, String grupo) {
        User u = identity.newUser(id);
        u.setFirstName("Pessoa");
        u.setLastName("Teste");
        u.setPassword(senha);
        identity.saveUser(u);
        if (grupo != null) {
            identity.createMembership(id, grupo);
        }
    }

    /** The request Camunda Modeler 5 sends on "Deploy" (field names as its deployment service writes them). */
    private HttpResponse<String> implantar(String usuario, String senha, String xml) {
        String f = "----ModelerFronteira" + System.nanoTime();
        StringBuilder corpo = new StringBuilder();
        campo(corpo, f, "deployment-name", NOME);
        campo(corpo, f, "deploy-changed-only", "true");
        campo(corpo, f, "deployment-source", "Camunda Modeler");
        corpo.append("--").append(f).append("\r\nContent-Disposition: form-data; name=\"revisao-semanal.bpmn\"; ")
                .append("filename=\"revisao-semanal.bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .append(xml).append("\r\n--").append(f).append("--\r\n");
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url("/engine-rest/deployment/create")))
                .header("Content-Type", "multipart/form-data; boundary=" + f)
                .POST(HttpRequest.BodyPublishers.ofString(corpo.toString(), StandardCharsets.UTF_8));
        if (usuario != null) {
            req.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((usuario + ":" + senha).getBytes(StandardCharsets.UTF_8)));
        }
        return enviar(req.build());
    }

    private static void campo(StringBuilder corpo, String fronteira, String nome, String valor) {
        corpo.append("--").append(fronteira).append("\r\nContent-Disposition: form-data; name=\"").append(nome)
                .append("\"\r\n\r\n").append(valor).append("\r\n");
    }

    private static String diagrama(String nome) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definicoes_RevisaoSemanal"
                    targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.31.0">
                  <bpmn:process id="revisaoSemanalTeste" name="%s" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <bpmn:startEvent id="Inicio_Revisao" name="Revisão pedida"/>
                    <bpmn:sequenceFlow id="Fluxo_Fim" sourceRef="Inicio_Revisao" targetRef="Fim_Revisao"/>
                    <bpmn:endEvent id="Fim_Revisao" name="Revisão feita"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(nome);
    }
}
