package br.com.terceirizacs.catalogo;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import br.com.terceirizacs.IntegracaoBase;
import br.com.terceirizacs.seguranca.Papeis;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Message templates through the admin API: who may, what is refused (and why, in pt-BR), and the audit trail. */
class TemplateApiTest extends IntegracaoBase {

    private static final String DONO = "donatemplates";
    private static final String SENHA = "Chave-Modelos-51";
    private static final String NOVO = "/api/templates/aviso_teste_api/pt_BR";

    private static final Map<String, Object> AVISO = Map.of("categoria", "UTILITY",
            "corpo", "Oi, {{1}}! Seu curso *{{2}}* tem novidades. {{3}} Toque no botão abaixo.",
            "parametros", List.of("primeiro_nome", "produto", "texto_livre"),
            "textoLivrePadrao", "Há uma aula nova esperando por você.",
            "botaoRotulo", "Ver a aula", "botaoUrl", "/a/{{1}}");

    @AfterEach
    void limpar() {
        jdbc.sql("delete from templates_mensagem_auditoria where template_id in "
                + "(select id from templates_mensagem where nome like '%teste_api%')").update();
        jdbc.sql("delete from templates_mensagem where nome like '%teste_api%'").update();
        for (String u : List.of(DONO, "cstemplates")) {
            identity.deleteUser(u);
        }
    }

    @Test
    void umDonoDeProcessoListaOsTemplatesComBotaoEParametros() {
        dono();
        HttpResponse<String> r = get("/api/templates", DONO, SENHA);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode boasVindas = null;
        for (JsonNode t : json(r.body())) {
            if (t.path("nome").asText().equals("boas_vindas_acesso")) {
                boasVindas = t;
            }
        }
        assertThat(boasVindas).isNotNull();
        assertThat(boasVindas.path("botaoRotulo").asText()).isEqualTo("Acessar o curso");
        assertThat(boasVindas.path("botaoUrl").asText()).isEqualTo("/a/{{1}}");
        assertThat(boasVindas.path("parametros").toString()).isEqualTo("[\"primeiro_nome\",\"produto\"]");
        assertThat(get("/api/templates/parametros", DONO, SENHA).body()).contains("primeiro_nome", "texto_livre");
    }

    @Test
    void criarEAlterarUmTemplateFicaAuditadoComQuemEQuando() {
        dono();
        HttpResponse<String> criado = enviarJson("PUT", NOVO, AVISO, DONO, SENHA);
        assertThat(criado.statusCode()).as(criado.body()).isEqualTo(201);
        assertThat(json(criado.body()).path("atualizadoPor").asText()).isEqualTo(DONO);

        Map<String, Object> mudado = new java.util.HashMap<>(AVISO);
        mudado.put("botaoRotulo", "Assistir agora");
        HttpResponse<String> alterado = enviarJson("PUT", NOVO, mudado, "admin", SENHA_ADMIN);
        assertThat(alterado.statusCode()).as(alterado.body()).isEqualTo(200);

        JsonNode auditoria = json(get(NOVO + "/auditoria", DONO, SENHA).body());
        assertThat(auditoria).hasSize(2);
        assertThat(auditoria.get(0).path("alteradoPor").asText()).isEqualTo(DONO);
        assertThat(auditoria.get(0).hasNonNull("antes")).as("criado: não havia antes").isFalse();
        assertThat(auditoria.get(1).path("alteradoPor").asText()).isEqualTo("admin");
        assertThat(auditoria.get(1).path("antes").path("botaoRotulo").asText()).isEqualTo("Ver a aula");
        assertThat(auditoria.get(1).path("depois").path("botaoRotulo").asText()).isEqualTo("Assistir agora");
        assertThat(catalogo.template("aviso_teste_api", "pt_BR").orElseThrow().botaoRotulo()).isEqualTo("Assistir agora");
    }

    @Test
    void parametrosQueNaoBatemComAsVariaveisSaoRecusadosSemSalvarNada() {
        dono();
        Map<String, Object> errado = new java.util.HashMap<>(AVISO);
        errado.put("parametros", List.of("primeiro_nome", "produto"));
        errado.put("textoLivrePadrao", null);
        errado.put("botaoRotulo", "Um rótulo longo demais para a Meta");

        HttpResponse<String> r = enviarJson("PUT", NOVO, errado, DONO, SENHA);

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode erros = json(r.body()).path("erros");
        assertThat(erros.path("parametros").asText()).contains("3 variáveis", "2 parâmetros", "erro 132000");
        assertThat(erros.path("botaoRotulo").asText()).contains("no máximo 25");
        assertThat(contar("select count(*) from templates_mensagem where nome = 'aviso_teste_api'")).isZero();
        assertThat(contar("select count(*) from templates_mensagem_auditoria")).isZero();
    }

    @Test
    void oCsNaoAlteraTemplatesEOutroSiteTambemNao() {
        garantirUsuarioCs("cstemplates", "Cs", "Chave-Atende-52");
        assertThat(enviarJson("PUT", NOVO, AVISO, "cstemplates", "Chave-Atende-52").statusCode()).isEqualTo(403);
        assertThat(get("/api/templates", "cstemplates", "Chave-Atende-52").statusCode()).isEqualTo(403);

        HttpResponse<String> deFora = enviar(HttpRequest.newBuilder(URI.create(url(NOVO)))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("admin:" + SENHA_ADMIN).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(deFora.statusCode()).isEqualTo(403);
        assertThat(contar("select count(*) from templates_mensagem where nome = 'aviso_teste_api'")).isZero();
    }

    private void dono() {
        User u = identity.newUser(DONO);
        u.setFirstName("Dona");
        u.setLastName("Templates");
        u.setPassword(SENHA);
        identity.saveUser(u);
        identity.createMembership(DONO, Papeis.GRUPO_DONOS_PROCESSO);
    }
}
