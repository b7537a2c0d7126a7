package br.com.terceirizacs.chatwoot;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API of a producer's Chatwoot connection: validation, absent fields, secrets that never come out. */
@ExtendWith(OutputCaptureExtension.class)
class ConexaoChatwootApiTest extends ChatwootBase {

    private static final String SEGREDO_WEBHOOK = "segredo-do-webhook-de-teste-0001";
    private static final String TOKEN_URL = "token-de-url-imprevisivel-de-teste-0000000001";

    @Autowired
    EtiquetaService etiquetas;

    private Map<String, Object> completa() {
        Map<String, Object> dados = new LinkedHashMap<>();
        dados.put("baseUrl", CHATWOOT.baseUrl() + "/");
        dados.put("accountId", ChatwootFalso.CONTA);
        dados.put("inboxId", ChatwootFalso.CAIXA);
        dados.put("apiToken", ChatwootFalso.TOKEN);
        dados.put("webhookSecret", SEGREDO_WEBHOOK);
        return dados;
    }

    private JsonNode visao() {
        HttpResponse<String> r = comoAdmin("GET", "/api/clientes/" + SLUG + "/chatwoot", null);
        assertThat(r.statusCode()).isEqualTo(200);
        return json(r.body());
    }

    @Test
    void aConexaoEGuardadaComPadroesEOsSegredosNuncaVoltamNemVaoParaOLog(CapturedOutput saida) {
        assertThat(visao().path("configurado").asBoolean()).isFalse();

        HttpResponse<String> r = conectar(completa());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(ChatwootFalso.TOKEN).doesNotContain(SEGREDO_WEBHOOK);
        JsonNode v = visao();
        assertThat(v.path("configurado").asBoolean()).isTrue();
        assertThat(v.path("baseUrl").asText()).isEqualTo(CHATWOOT.baseUrl());
        assertThat(v.path("accountId").asLong()).isEqualTo(7);
        assertThat(v.path("inboxId").asLong()).isEqualTo(3);
        assertThat(v.path("apiTokenDefinido").asBoolean()).isTrue();
        assertThat(v.path("webhookSecretDefinido").asBoolean()).isTrue();
        assertThat(v.path("tokenUrlDefinido").asBoolean()).isFalse();
        assertThat(v.path("exigirAssinatura").asBoolean()).isTrue();
        assertThat(v.path("espelharNotas").asBoolean()).isTrue();
        assertThat(v.has("ultimaChamadaOkEm")).isFalse();
        assertThat(v.toString()).doesNotContain(ChatwootFalso.TOKEN).doesNotContain(SEGREDO_WEBHOOK);

        // a successful call shows as the last one; its token is in no log line either
        FALSO.contato(1042, "+5511900000001");
        etiquetas.aplicar(matriculaId, null, "conquista");
        assertThat(visao().path("ultimaChamadaOkEm").asText()).isNotBlank();
        assertThat(saida.getAll()).doesNotContain(ChatwootFalso.TOKEN).doesNotContain(SEGREDO_WEBHOOK);
    }

    @Test
    void camposAusentesFicamComoEstao() {
        conectar(completa());

        assertThat(conectar(Map.of("inboxId", 4, "espelharNotas", false)).statusCode()).isEqualTo(200);

        JsonNode v = visao();
        assertThat(v.path("inboxId").asLong()).isEqualTo(4);
        assertThat(v.path("espelharNotas").asBoolean()).isFalse();
        assertThat(v.path("accountId").asLong()).isEqualTo(7);
        assertThat(v.path("apiTokenDefinido").asBoolean()).isTrue();
        assertThat(jdbc.sql("select api_token_texto from chatwoot_conexoes").query(String.class).single())
                .isEqualTo(ChatwootFalso.TOKEN);
    }

    @Test
    void dadosInvalidosRespondem400EmPortuguesENadaMuda() {
        Map<String, Object> semToken = completa();
        semToken.remove("apiToken");
        assertErro(conectar(semToken), "apiToken", "obrigatório");
        assertThat(visao().path("configurado").asBoolean()).isFalse();

        conectar(completa());
        assertErro(conectar(Map.of("baseUrl", "ftp://chatwoot.exemplo.com", "inboxId", 9)), "baseUrl", "http:// ou https://");
        assertErro(conectar(Map.of("baseUrl", "https://")), "baseUrl", "URL");
        assertErro(conectar(Map.of("baseUrl", "https://usuario:senha@chatwoot.exemplo.com")), "baseUrl", "sem usuário");
        assertErro(conectar(Map.of("accountId", 0)), "accountId", "positivo");
        assertErro(conectar(Map.of("exigirAssinatura", false)), "tokenUrl", "nunca fica aberto");
        assertErro(conectar(Map.of("exigirAssinatura", false, "tokenUrl", "curto-demais")), "tokenUrl", "entre 32");
        assertErro(conectar(Map.of("apiToken", " com-espaco-nas-pontas ")), "apiToken", "espaços");

        JsonNode v = visao();
        assertThat(v.path("baseUrl").asText()).isEqualTo(CHATWOOT.baseUrl());
        assertThat(v.path("inboxId").asLong()).isEqualTo(3);
        assertThat(v.path("exigirAssinatura").asBoolean()).isTrue();

        assertThat(conectar(Map.of("exigirAssinatura", false, "tokenUrl", TOKEN_URL)).statusCode()).isEqualTo(200);
        assertThat(visao().path("exigirAssinatura").asBoolean()).isFalse();
        assertThat(visao().path("tokenUrlDefinido").asBoolean()).isTrue();
        assertThat(visao().toString()).doesNotContain(TOKEN_URL);
        assertThat(conectar(Map.of("baseUrl", "http://chatwoot.interno:3000")).statusCode())
                .as("http também vale (Chatwoot na rede interna)").isEqualTo(200);
    }

    @Test
    void umProdutorDesconhecidoE404EAsEtiquetasSoDoProprioProdutor() {
        assertThat(comoAdmin("GET", "/api/clientes/nao-existe/chatwoot", null).statusCode()).isEqualTo(404);
        catalogo.criarCliente("Outra Escola", "outra-escola", "hottok-de-outra-escola-0001");
        assertThat(comoAdmin("GET", "/api/clientes/outra-escola/chatwoot/etiquetas?matriculaId=" + matriculaId, null)
                .statusCode()).isEqualTo(404);
        assertThat(comoAdmin("GET", "/api/clientes/" + SLUG + "/chatwoot/etiquetas?matriculaId=" + matriculaId, null)
                .statusCode()).isEqualTo(200);
    }

    private static void assertErro(HttpResponse<String> r, String campo, String trecho) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r.body()).path("erros").path(campo).asText()).contains(trecho);
    }
}
