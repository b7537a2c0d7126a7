package br.com.terceirizacs.catalogo;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import br.com.terceirizacs.IntegracaoBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The operators' contract: /api/clientes, produtos, turmas, /api/matriculas and who may call them. */
class AdminApiTest extends IntegracaoBase {

    @Autowired
    IdentityService identity;

    @Test
    void oAdminCadastraEListaProdutoresSemExporOHottok() {
        HttpResponse<String> criado = comoAdmin("POST", "/api/clientes",
                Map.of("nome", "Academia Nova", "slug", "academia-nova", "hottok", "hottok-academia-123"));

        assertThat(criado.statusCode()).isEqualTo(201);
        assertThat(criado.headers().firstValue("Location")).contains("/api/clientes/academia-nova");
        HttpResponse<String> lista = comoAdmin("GET", "/api/clientes", null);
        assertThat(lista.statusCode()).isEqualTo(200);
        assertThat(lista.body()).contains("academia-nova").contains(SLUG).doesNotContain("hottok");
        assertThat(jdbc.sql("select hottok_hash from clientes where slug = 'academia-nova'").query(String.class).single())
                .hasSize(64).isNotEqualTo("hottok-academia-123");

        HttpResponse<String> webhook = postarWebhook(bytesDaAmostra("purchase-out-of-shopping-cart.json"),
                "hottok-academia-123");
        assertThat(webhook.statusCode()).as("o hottok cadastrado autentica o webhook").isEqualTo(200);
    }

    @Test
    void dadosInvalidosRecebem400ComOsErrosPorCampoEmPortugues() {
        HttpResponse<String> r = comoAdmin("POST", "/api/clientes", Map.of("nome", "", "slug", "Com Espaço", "hottok", "x"));

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode erros = json(r.body()).path("erros");
        assertThat(erros.path("nome").asText()).isEqualTo("é obrigatório");
        assertThat(erros.path("slug").asText()).isEqualTo("use apenas letras minúsculas, números e hífens");
        assertThat(erros.path("hottok").asText()).isEqualTo("deve ter entre 8 e 200 caracteres");
        assertThat(comoAdmin("POST", "/api/clientes", "{nao e json").statusCode()).isEqualTo(400);
        assertThat(contar("select count(*) from clientes")).isEqualTo(1);
    }

    @Test
    void aRegraDeProdutoRepetidaApontaParaOPutDaRegraExistente() {
        Map<String, Object> regra = Map.of("nome", "Boas-vindas do clube", "modoExecucao", "SUGERIR_APENAS",
                "ativa", true, "templateNome", "boas_vindas_acesso", "expiracaoHoras", 24);
        HttpResponse<String> criada = comoAdmin("POST", "/api/regras/ONBOARDING/produtos/" + SLUG + "/4100002", regra);
        assertThat(criada.statusCode()).isEqualTo(201);
        long id = json(criada.body()).path("id").asLong();

        HttpResponse<String> repetida = comoAdmin("POST", "/api/regras/ONBOARDING/produtos/" + SLUG + "/4100002", regra);

        assertThat(repetida.statusCode()).isEqualTo(409);
        assertThat(json(repetida.body()).path("detail").asText()).endsWith("para alterá-la use PUT /api/regras/" + id);
    }

    @Test
    void slugOuHottokRepetidosRecebem409() {
        assertThat(comoAdmin("POST", "/api/clientes", Map.of("nome", "Outra", "slug", SLUG, "hottok", "outro-hottok-1"))
                .statusCode()).isEqualTo(409);
        HttpResponse<String> mesmoHottok = comoAdmin("POST", "/api/clientes",
                Map.of("nome", "Outra", "slug", "outra", "hottok", HOTTOK));
        assertThat(mesmoHottok.statusCode()).isEqualTo(409);
        assertThat(json(mesmoHottok.body()).path("detail").asText()).isEqualTo("Este hottok já pertence a outro cliente");
    }

    @Test
    void produtosSaoCriadosAtualizadosEListados() {
        Map<String, Object> produto = Map.of("hotmartProductId", 4100003, "nome", "Mentoria Avançada",
                "ativoMonitoramento", false, "urlAreaMembros", "https://mentoria.club.hotmart.com",
                "templateBoasVindas", "boas_vindas_acesso");
        HttpResponse<String> criado = comoAdmin("POST", "/api/clientes/" + SLUG + "/produtos", produto);
        assertThat(criado.statusCode()).isEqualTo(201);
        HttpResponse<String> repetido = comoAdmin("POST", "/api/clientes/" + SLUG + "/produtos", produto);
        assertThat(repetido.statusCode()).isEqualTo(409);
        assertThat(json(repetido.body()).path("detail").asText())
                .endsWith("para alterá-lo use PUT /api/clientes/" + SLUG + "/produtos/4100003");

        ObjectNode alterado = JSON.valueToTree(produto);
        alterado.put("ativoMonitoramento", true).put("nome", "Mentoria Avançada 2");
        HttpResponse<String> atualizado = comoAdmin("PUT", "/api/clientes/" + SLUG + "/produtos/4100003", alterado);
        assertThat(atualizado.statusCode()).isEqualTo(200);
        assertThat(json(atualizado.body()).path("ativoMonitoramento").asBoolean()).isTrue();

        HttpResponse<String> lista = comoAdmin("GET", "/api/clientes/" + SLUG + "/produtos", null);
        assertThat(lista.body()).contains("Mentoria Avançada 2").contains("4100001").contains("4100002");
        assertThat(comoAdmin("PUT", "/api/clientes/" + SLUG + "/produtos/4100009", alterado.put("hotmartProductId", 4100009))
                .statusCode()).isEqualTo(404);
        assertThat(comoAdmin("PUT", "/api/clientes/" + SLUG + "/produtos/4100003", alterado.put("hotmartProductId", 1))
                .statusCode()).isEqualTo(400);
        assertThat(comoAdmin("POST", "/api/clientes/nao-existe/produtos", produto).statusCode()).isEqualTo(404);

        HttpResponse<String> urlInvalida = comoAdmin("POST", "/api/clientes/" + SLUG + "/produtos",
                Map.of("hotmartProductId", 4100004, "nome", "X", "ativoMonitoramento", true, "urlAreaMembros", "ftp://x"));
        assertThat(urlInvalida.statusCode()).isEqualTo(400);
        assertThat(json(urlInvalida.body()).path("erros").path("urlAreaMembros").asText())
                .startsWith("deve ser uma URL https com um nome de host completo");
        HttpResponse<String> comReticencias = comoAdmin("POST", "/api/clientes/" + SLUG + "/produtos",
                Map.of("hotmartProductId", 4100004, "nome", "X", "ativoMonitoramento", true,
                        "urlAreaMembros", "https://\u2026.club.hotmart.com"));
        assertThat(comReticencias.statusCode()).isEqualTo(400);
        assertThat(json(comReticencias.body()).path("erros").has("urlAreaMembros")).isTrue();
        assertThat(contar("select count(*) from produtos where hotmart_product_id = 4100004")).isZero();

        HttpResponse<String> templateDesconhecido = comoAdmin("POST", "/api/clientes/" + SLUG + "/produtos",
                Map.of("hotmartProductId", 4100005, "nome", "X", "ativoMonitoramento", true,
                        "templateBoasVindas", "nao_aprovado"));
        assertThat(templateDesconhecido.statusCode()).isEqualTo(400);
        assertThat(json(templateDesconhecido.body()).path("erros").path("templateBoasVindas").asText())
                .isEqualTo("template 'nao_aprovado' não cadastrado");
    }

    @Test
    void aTurmaPorOfertaRecebeAsComprasDaqueleCodigoEAsJaExistentesSaoMovidas() {
        postarEProcessar(amostra("purchase-approved.json"));
        assertThat(turmaDe("mariana.souza@example.com", 4100001)).isEqualTo("Compras de 03/2026");

        HttpResponse<String> r = comoAdmin("POST", "/api/clientes/" + SLUG + "/produtos/4100001/turmas",
                Map.of("nome", "Turma 10", "codigosOferta", List.of("k3x9mq2a")));

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(turmaDe("mariana.souza@example.com", 4100001)).isEqualTo("Turma 10");

        ObjectNode outraCompra = amostra("purchase-approved.json").put("id", "outro-evento-1");
        ((ObjectNode) outraCompra.path("data").path("purchase")).put("transaction", "HP0000000077");
        ((ObjectNode) outraCompra.path("data").path("buyer")).put("email", "joana@example.com");
        postarEProcessar(outraCompra);
        assertThat(turmaDe("joana@example.com", 4100001)).isEqualTo("Turma 10");

        HttpResponse<String> ofertaRepetida = comoAdmin("POST", "/api/clientes/" + SLUG + "/produtos/4100001/turmas",
                Map.of("nome", "Turma 11", "codigosOferta", List.of("k3x9mq2a")));
        assertThat(ofertaRepetida.statusCode()).isEqualTo(409);
    }

    @Test
    void aTurmaPorPeriodoUsaADataDaCompraNoFusoDoProdutor() {
        // approved 2026-03-02T12:56:02Z = 09:56 in São Paulo
        HttpResponse<String> r = comoAdmin("POST", "/api/clientes/" + SLUG + "/produtos/4100001/turmas",
                Map.of("nome", "Lançamento de março", "dataInicio", "2026-03-02", "dataFim", "2026-03-05"));
        assertThat(r.statusCode()).isEqualTo(201);
        comoAdmin("POST", "/api/clientes/" + SLUG + "/produtos/4100001/turmas",
                Map.of("nome", "Depois", "dataInicio", "2026-03-06", "dataFim", "2026-03-31"));

        postarEProcessar(amostra("purchase-approved.json"));

        assertThat(turmaDe("mariana.souza@example.com", 4100001)).isEqualTo("Lançamento de março");
        HttpResponse<String> turmas = comoAdmin("GET", "/api/clientes/" + SLUG + "/produtos/4100001/turmas", null);
        assertThat(turmas.body()).contains("Lançamento de março").contains("PERIODO");
    }

    @Test
    void turmaInvalidaRecebe400() {
        String caminho = "/api/clientes/" + SLUG + "/produtos/4100001/turmas";
        assertThat(comoAdmin("POST", caminho, Map.of("nome", "Sem critério")).statusCode()).isEqualTo(400);
        assertThat(comoAdmin("POST", caminho, Map.of("nome", "Ao contrário", "dataInicio", "2026-03-10",
                "dataFim", "2026-03-01")).statusCode()).isEqualTo(400);
        assertThat(comoAdmin("POST", caminho, Map.of("nome", "Os dois", "dataInicio", "2026-03-01",
                "dataFim", "2026-03-10", "codigosOferta", List.of("abc"))).statusCode()).isEqualTo(400);
    }

    @Test
    void aMatriculaEhConsultadaPorProdutoEEmailComTelefoneTurmaEProgresso() {
        postarEProcessar(amostra("purchase-approved.json"));
        postarEProcessar(amostra("club-module-completed.json"));

        HttpResponse<String> r = comoAdmin("GET", "/api/matriculas?produto=4100001&email=Mariana.Souza@example.com", null);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode m = json(r.body()).get(0);
        assertThat(m.path("status").asText()).isEqualTo("ATIVA");
        assertThat(m.path("dataCompra").asText()).isEqualTo("2026-03-02T12:56:02Z");
        assertThat(m.path("telefone").asText()).isEqualTo("+5511900000001");
        assertThat(m.path("turma").asText()).isEqualTo("Compras de 03/2026");
        assertThat(m.path("moduloAtual").asText()).isEqualTo("Módulo 1 — Primeiros passos");
        assertThat(m.path("cliente").asText()).isEqualTo(SLUG);
        assertThat(m.path("linkRastreado").asText()).startsWith(url("/a/"));
        assertThat(m.has("dataPrimeiroAcesso")).isFalse();

        assertThat(json(comoAdmin("GET", "/api/matriculas?produto=4100001&email=ninguem@example.com", null).body()))
                .isEmpty();
        HttpResponse<String> semEmail = comoAdmin("GET", "/api/matriculas?produto=4100001", null);
        assertThat(semEmail.statusCode()).isEqualTo(400);
        assertThat(json(semEmail.body()).path("erros").has("email")).isTrue();
        assertThat(comoAdmin("GET", "/api/matriculas?produto=abc&email=a@b.com", null).statusCode()).isEqualTo(400);
        assertThat(comoAdmin("GET", "/api/matriculas?produto=1&email=nao-e-email", null).statusCode()).isEqualTo(400);
    }

    @Test
    void aApiExigeUsuarioAdmin() {
        assertThat(get("/api/clientes", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/process-definition", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health", null, null).statusCode()).isEqualTo(200);

        if (identity.createUserQuery().userId("anacs").singleResult() == null) {
            User ana = identity.newUser("anacs");
            ana.setPassword("Senha-Forte-Api-1");
            identity.saveUser(ana);
        }
        assertThat(get("/api/clientes", "anacs", "Senha-Forte-Api-1").statusCode()).isEqualTo(403);
        // a wrong password is a 401 (an account's first few failures cost no wait: seguranca/LimitadorLogin)
        assertThat(get("/api/clientes", "anacs", "senha-errada").statusCode()).isEqualTo(401);
        HttpResponse<String> rest = get("/engine-rest/process-definition", "admin", SENHA_ADMIN);
        assertThat(rest.statusCode()).as(rest.headers() + rest.body()).isEqualTo(200);
        JsonNode documento = json(get("/v3/api-docs", "admin", SENHA_ADMIN).body());
        assertThat(documento.path("paths").has("/api/clientes")).isTrue();
        assertThat(documento.path("info").path("title").asText()).isEqualTo("Terceiriza CS Flows — API de administração");
        assertThat(documento.path("info").path("version").asText()).isNotBlank().isNotEqualTo("v0");
        assertThat(documento.path("components").path("securitySchemes").path("basic").path("scheme").asText())
                .isEqualTo("basic");
        assertThat(documento.path("security").get(0).has("basic")).as("exigido em todas as operações").isTrue();
    }

    private String turmaDe(String email, long produto) {
        return jdbc.sql("""
                        select t.nome from matriculas m join alunos a on a.id = m.aluno_id
                        join turmas t on t.id = m.turma_id join produtos p on p.id = m.produto_id
                        where a.email = ? and p.hotmart_product_id = ?""")
                .params(email, produto).query(String.class).single();
    }
}
