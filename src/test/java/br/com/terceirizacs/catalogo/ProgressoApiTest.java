package br.com.terceirizacs.catalogo;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import br.com.terceirizacs.IntegracaoBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Produto Progresso in the admin API: the product flag and the module catalogue. */
class ProgressoApiTest extends IntegracaoBase {

    private static final String PRODUTO = "/api/clientes/" + SLUG + "/produtos/4100001";
    private static final String MODULOS = PRODUTO + "/modulos";

    @Autowired
    CatalogoModulos modulos;

    private static Map<String, Object> produto(Object progresso) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("hotmartProductId", 4100001,
                "nome", "Curso Exemplo de Marketing Digital", "ativoMonitoramento", true));
        if (progresso != null) {
            m.put("monitoramentoProgresso", progresso);
        }
        return m;
    }

    private static Map<String, Object> modulo(String id, String nome, Object ordem) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("moduloId", id);
        m.put("nome", nome);
        m.put("ordem", ordem);
        return m;
    }

    @Test
    void oProgressoComecaDesligadoEUmPutSemOCampoNaoOAltera() {
        assertThat(json(comoAdmin("GET", PRODUTO, null).body()).path("monitoramentoProgresso").asBoolean()).isFalse();
        HttpResponse<String> novo = comoAdmin("POST", "/api/clientes/" + SLUG + "/produtos",
                Map.of("hotmartProductId", 4100009, "nome", "Outro", "ativoMonitoramento", true));
        assertThat(json(novo.body()).path("monitoramentoProgresso").asBoolean()).as("padrão ao criar").isFalse();

        assertThat(json(comoAdmin("PUT", PRODUTO, produto(true)).body()).path("monitoramentoProgresso").asBoolean())
                .isTrue();
        assertThat(json(comoAdmin("PUT", PRODUTO, produto(null)).body()).path("monitoramentoProgresso").asBoolean())
                .as("ausente = inalterado").isTrue();
        JsonNode lista = json(comoAdmin("GET", "/api/clientes/" + SLUG + "/produtos", null).body());
        assertThat(lista.findValues("monitoramentoProgresso").stream().map(JsonNode::asBoolean))
                .containsExactlyInAnyOrder(true, false, false);
        assertThat(json(comoAdmin("PUT", PRODUTO, produto(false)).body()).path("monitoramentoProgresso").asBoolean())
                .isFalse();
        assertThat(comoAdmin("POST", "/api/clientes/" + SLUG + "/produtos",
                Map.of("hotmartProductId", 4100010, "nome", "Com Progresso", "ativoMonitoramento", true,
                        "monitoramentoProgresso", true)).body()).contains("\"monitoramentoProgresso\":true");
    }

    @Test
    void oCatalogoManualSubstituiOAnteriorEMantemOsModulosVistosEmEventos() {
        HttpResponse<String> r = comoAdmin("PUT", MODULOS, List.of(modulo("m2", " Módulo 2 ", 2),
                modulo("m1", "Módulo 1", 1), modulo("velho", "Módulo que sai", 3)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r.body()).findValuesAsText("moduloId")).containsExactly("m1", "m2", "velho");
        Long produtoId = catalogo.produtoPorSlug(SLUG, 4100001L).id();
        // a completion named a module nobody loaded
        new org.springframework.transaction.support.TransactionTemplate(transacoes).executeWithoutResult(s ->
                modulos.garantirModulo(produtoId, "bonus", "Aula bônus"));

        JsonNode visto = json(comoAdmin("GET", MODULOS, null).body());
        assertThat(visto.get(3).path("moduloId").asText()).isEqualTo("bonus");
        assertThat(visto.get(3).path("origem").asText()).isEqualTo("EVENTO");
        assertThat(visto.get(3).path("revisar").asBoolean()).isTrue();
        assertThat(visto.get(3).path("ordem").asInt()).isEqualTo(4);

        JsonNode depois = json(comoAdmin("PUT", MODULOS, List.of(modulo("m1", "Módulo 1", 1),
                modulo("m2", "Módulo 2", 2), modulo("m3", "Módulo 3", 3))).body());
        assertThat(depois.findValuesAsText("moduloId")).as("o manual antigo sai; o visto em evento fica no fim")
                .containsExactly("m1", "m2", "m3", "bonus");
        assertThat(depois.get(3).path("ordem").asInt()).isEqualTo(4);
        assertThat(depois.get(0).path("nome").asText()).isEqualTo("Módulo 1");
        assertThat(depois.get(0).path("origem").asText()).isEqualTo("MANUAL");
        assertThat(depois.get(0).path("revisar").asBoolean()).isFalse();
        assertThat(modulos.ultimoModulo(produtoId)).map(ModuloResumo::moduloId).contains("m3");

        JsonNode colocado = json(comoAdmin("PUT", MODULOS, List.of(modulo("m1", "Módulo 1", 1),
                modulo("bonus", "Aula bônus", 2))).body());
        assertThat(colocado.get(1).path("origem").asText()).as("o operador colocou o módulo no catálogo")
                .isEqualTo("MANUAL");
    }

    @Test
    void umCatalogoInvalidoRecebe400EmPortuguesENadaMuda() {
        comoAdmin("PUT", MODULOS, List.of(modulo("m1", "Módulo 1", 1)));

        assertThat(erro(List.of(modulo("m1", "Módulo 1", 1), modulo("m1", "De novo", 2))))
                .containsEntry("[1].moduloId", "o módulo 'm1' aparece mais de uma vez");
        assertThat(erro(List.of(modulo("m1", "Módulo 1", 1), modulo("m2", "Módulo 2", 1))))
                .containsEntry("[1].ordem", "a ordem 1 já é de outro módulo");
        assertThat(erro(List.of(modulo("m1", "", 1)))).containsEntry("[0].nome", "é obrigatório");
        assertThat(erro(List.of(modulo(null, "Módulo", 1)))).containsEntry("[0].moduloId", "é obrigatório");
        assertThat(erro(List.of(modulo("m1", "Módulo", 0)))).containsEntry("[0].ordem", "deve ser um número de 1 a 10000");
        assertThat(erro(List.of(modulo("x".repeat(61), "Módulo", 1))))
                .containsEntry("[0].moduloId", "deve ter no máximo 60 caracteres");
        assertThat(comoAdmin("PUT", MODULOS, "{\"moduloId\":\"m1\"}").statusCode()).isEqualTo(400);
        assertThat(comoAdmin("PUT", "/api/clientes/" + SLUG + "/produtos/4199999/modulos",
                List.of(modulo("m1", "Módulo 1", 1))).statusCode()).isEqualTo(404);

        assertThat(json(comoAdmin("GET", MODULOS, null).body()).findValuesAsText("nome")).containsExactly("Módulo 1");
    }

    private Map<String, String> erro(Object corpo) {
        HttpResponse<String> r = comoAdmin("PUT", MODULOS, corpo);
        assertThat(r.statusCode()).isEqualTo(400);
        Map<String, String> erros = new java.util.HashMap<>();
        json(r.body()).path("erros").fields().forEachRemaining(e -> erros.put(e.getKey(), e.getValue().asText()));
        return erros;
    }

    @Test
    void soOAdminMexeNoCatalogoENoProgresso() {
        assertThat(get(MODULOS, null, null).statusCode()).isEqualTo(401);
        assertThat(enviarJson("PUT", MODULOS, List.of(modulo("m1", "Módulo 1", 1)), "alguem", "Senha-Errada-1")
                .statusCode()).isEqualTo(401);
        assertThat(contar("select count(*) from modulos_produto")).isZero();
    }

    @Test
    void aCelebracaoDeUmProdutoPodeFicarEmSoSugerirPelaApiDeRegras() {
        HttpResponse<String> r = comoAdmin("POST", "/api/regras/CELEBRACAO/produtos/" + SLUG + "/4100001",
                Map.of("nome", "Parabéns revisados pelo CS", "modoExecucao", "SUGERIR_APENAS", "ativa", true,
                        "templateNome", "parabens_modulo", "expiracaoHoras", 24));

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(json(r.body()).path("modoExecucao").asText()).isEqualTo("SUGERIR_APENAS");
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transacoes;
}
