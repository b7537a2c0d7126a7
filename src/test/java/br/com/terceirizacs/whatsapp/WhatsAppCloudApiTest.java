package br.com.terceirizacs.whatsapp;

import java.util.List;

import br.com.terceirizacs.IntegracaoBase;
import br.com.terceirizacs.comum.FalhaSemRetentativa;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Feign client and the exactly-once send against WireMock serving Meta's documented shapes. */
class WhatsAppCloudApiTest extends IntegracaoBase {

    private static final String CAMINHO = "/v23.0/123456789012345/messages";

    @Autowired
    MensagemService mensagens;

    private long fila;
    private long aluno;

    @BeforeEach
    void umaFilaAprovada() {
        postarEProcessar(amostra("purchase-approved.json"));
        aluno = contar("select id from alunos where email = 'mariana.souza@example.com'");
        long matricula = contar("select id from matriculas");
        jdbc.sql("""
                        insert into filas_disparo (aluno_id, matricula_id, status, tipo_regra, template_sugerido,
                            template_idioma, parametros, criado_em, atualizado_em)
                        values (?, ?, 'APROVADO', 'ONBOARDING', 'boas_vindas_acesso', 'pt_BR', '[]', current_timestamp,
                            current_timestamp)""")
                .params(aluno, matricula).update();
        fila = contar("select max(id) from filas_disparo");
    }

    private PedidoEnvio pedido() {
        return new PedidoEnvio(fila, aluno, "+5511900000001", "boas_vindas_acesso", "pt_BR",
                List.of("Mariana", "Curso Exemplo de Marketing Digital"), "TOKENabc", "Olá, Mariana!");
    }

    private void metaResponde(int status, String amostra) {
        META.stubFor(post(urlPathEqualTo(CAMINHO)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(amostraWhatsApp(amostra))));
    }

    private String statusDaMensagem() {
        return jdbc.sql("select status from mensagens where fila_disparo_id = ?").param(fila).query(String.class).single();
    }

    @Test
    void umEnvioAceitoLevaTemplateParametrosBotaoERetornoDaFila() {
        ResultadoEnvio r = mensagens.enviar(pedido());

        assertThat(r.situacao()).isEqualTo(ResultadoEnvio.Situacao.ENVIADA);
        assertThat(r.wamid()).isEqualTo("wamid.SEJnTjU1MTE5MDAwMDAwMDEtQk9BU1ZJTkRBUy0wMDAx");
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO))
                .withHeader("Authorization", equalTo("Bearer token-de-teste"))
                .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp")))
                .withRequestBody(matchingJsonPath("$.to", equalTo("5511900000001")))
                .withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                .withRequestBody(matchingJsonPath("$.biz_opaque_callback_data", equalTo("fila=" + fila)))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("boas_vindas_acesso")))
                .withRequestBody(matchingJsonPath("$.template.language.code", equalTo("pt_BR")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[0].text", equalTo("Mariana")))
                .withRequestBody(matchingJsonPath("$.template.components[1].sub_type", equalTo("url")))
                .withRequestBody(matchingJsonPath("$.template.components[1].index", equalTo("0")))
                .withRequestBody(matchingJsonPath("$.template.components[1].parameters[0].text", equalTo("TOKENabc"))));
        assertThat(statusDaMensagem()).isEqualTo("ENVIADA");
        assertThat(jdbc.sql("select wa_id from alunos where id = ?").param(aluno).query(String.class).single())
                .isEqualTo("5511900000001");
    }

    @Test
    void umaLinhaJaEnviadaNuncaEhEnviadaDeNovo() {
        mensagens.enviar(pedido());
        ResultadoEnvio denovo = mensagens.enviar(pedido());

        assertThat(denovo.situacao()).isEqualTo(ResultadoEnvio.Situacao.ENVIADA);
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
        assertThat(contar("select count(*) from mensagens")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{1} com HTTP {0} → repete depois")
    @CsvSource({"429, error-130429-rate-limit.json", "400, error-130429-rate-limit.json",
            "400, error-131056-pair-rate-limit.json"})
    void errosTransitoriosSaoClassificadosPeloCodigoNaoPeloHttp(int http, String amostra) {
        metaResponde(http, amostra);

        assertThatThrownBy(() -> mensagens.enviar(pedido())).isInstanceOf(EnvioTransitorioException.class);

        assertThat(statusDaMensagem()).isEqualTo("NAO_ENVIADA");
    }

    @Test
    void umErroCincoZeroZeroSemCorpoDaMetaTambemEhTransitorio() {
        META.stubFor(post(urlPathEqualTo(CAMINHO)).willReturn(aResponse().withStatus(503).withBody("<html>oops</html>")));

        assertThatThrownBy(() -> mensagens.enviar(pedido())).isInstanceOf(EnvioTransitorioException.class);
    }

    @ParameterizedTest(name = "{1} com HTTP {0} → FALHOU")
    @CsvSource({"400, error-131026-undeliverable.json, 131026", "400, error-131047-reengagement.json, 131047"})
    void errosDefinitivosTerminamSemNovaTentativa(int http, String amostra, int codigo) {
        metaResponde(http, amostra);

        ResultadoEnvio r = mensagens.enviar(pedido());

        assertThat(r.situacao()).isEqualTo(ResultadoEnvio.Situacao.FALHOU);
        assertThat(r.erroCodigo()).isEqualTo(codigo);
        assertThat(statusDaMensagem()).isEqualTo("FALHOU");
        assertThat(mensagens.enviar(pedido()).situacao()).isEqualTo(ResultadoEnvio.Situacao.FALHOU);
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
    }

    @Test
    void numeroForaDoWhatsAppMarcaOTelefoneComoInutilizavelEAvisaOCs() {
        metaResponde(400, "error-131026-undeliverable.json");

        ResultadoEnvio r = mensagens.enviar(pedido());

        assertThat(r.detalhe()).isEqualTo("(#131026) Message Undeliverable.");
        assertThat(jdbc.sql("select telefone_situacao from alunos where id = ?").param(aluno).query(String.class).single())
                .isEqualTo("INVALIDO");
        assertThat(jdbc.sql("select alerta_cs from matriculas where aluno_id = ?").param(aluno).query(String.class).single())
                .isEqualTo("SEM_WHATSAPP");
        var lista = comoAdmin("GET", "/api/matriculas?alerta=SEM_WHATSAPP", null);
        assertThat(lista.statusCode()).isEqualTo(200);
        assertThat(json(lista.body())).singleElement().satisfies(m -> {
            assertThat(m.path("email").asText()).isEqualTo("mariana.souza@example.com");
            assertThat(m.path("alertaCs").asText()).isEqualTo("SEM_WHATSAPP");
            assertThat(m.path("cliente").asText()).isEqualTo(SLUG);
        });
        assertThat(json(comoAdmin("GET", "/api/matriculas?alerta=sem_whatsapp&produto=4100001", null).body())).hasSize(1);
        assertThat(json(comoAdmin("GET", "/api/matriculas?alerta=SEM_WHATSAPP&produto=4100002", null).body())).isEmpty();
        assertThat(json(comoAdmin("GET", "/api/matriculas?alerta=SEM_TELEFONE", null).body())).isEmpty();
        assertThat(get("/api/matriculas?alerta=SEM_WHATSAPP", null, null).statusCode()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{1} → template bloqueado, sem FALHOU")
    @CsvSource({"404, error-132001-template-not-found.json, 132001", "400, error-132000-param-count.json, 132000"})
    void erroDeTemplateViraUmIncidenteERetemOsProximosEnviosDoTemplate(int http, String amostra, int codigo) {
        metaResponde(http, amostra);

        assertThatThrownBy(() -> mensagens.enviar(pedido()))
                .isInstanceOf(TemplateBloqueadoException.class).isInstanceOf(FalhaSemRetentativa.class)
                .hasMessageStartingWith("O template boas_vindas_acesso (pt_BR) do número 123456789012345 foi recusado")
                .hasMessageContaining("(#" + codigo + ")")
                .satisfies(e -> assertThat(e.getMessage().split("\\(#" + codigo + "\\)", -1)).hasSize(2));
        assertThat(statusDaMensagem()).isEqualTo("NAO_ENVIADA");
        assertThat(jdbc.sql("select erro_detalhe from mensagens where fila_disparo_id = ?").param(fila)
                .query(String.class).single()).doesNotContain("(#" + codigo + ") (#" + codigo + ")");

        long outra = outraFila();
        assertThatThrownBy(() -> mensagens.enviar(pedido(outra))).isInstanceOf(EnvioRetidoException.class)
                .isNotInstanceOf(FalhaSemRetentativa.class)
                .hasMessageStartingWith("Envio retido: o template boas_vindas_acesso (pt_BR)")
                .hasMessageContaining("incidente da fila " + fila);
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
        assertThat(contar("select count(*) from mensagens where fila_disparo_id = ?", outra)).isZero();
        assertThat(contar("select count(*) from whatsapp_bloqueios_template")).isEqualTo(1);
    }

    @Test
    void oBloqueioDeUmTemplateEmOutroNumeroOuOutroIdiomaNaoRetemOEnvio() {
        for (String[] chave : new String[][] {{"999999999999999", "pt_BR"}, {"123456789012345", "en_US"}}) {
            jdbc.sql("""
                            insert into whatsapp_bloqueios_template (phone_number_id, template, idioma, fila_disparo_id,
                                erro_codigo, motivo, bloqueado_em) values (?, 'boas_vindas_acesso', ?, 1, 132001, 'x',
                                current_timestamp)""").params(chave[0], chave[1]).update();
        }

        assertThat(mensagens.enviar(pedido()).situacao()).isEqualTo(ResultadoEnvio.Situacao.ENVIADA);
    }

    @Test
    void umEnvioJaAceitoNaoFicaRetidoPorUmBloqueioPosterior() {
        mensagens.enviar(pedido());
        jdbc.sql("""
                        insert into whatsapp_bloqueios_template (phone_number_id, template, idioma, fila_disparo_id,
                            erro_codigo, motivo, bloqueado_em) values ('123456789012345', 'boas_vindas_acesso', 'pt_BR',
                            ?, 132015, 'pausado', current_timestamp)""").param(fila + 1000).update();

        assertThat(mensagens.enviar(pedido()).situacao()).isEqualTo(ResultadoEnvio.Situacao.ENVIADA);
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
    }

    private long outraFila() {
        jdbc.sql("""
                        insert into filas_disparo (aluno_id, matricula_id, status, tipo_regra, template_sugerido,
                            template_idioma, parametros, criado_em, atualizado_em)
                        select aluno_id, matricula_id, status, tipo_regra, template_sugerido, template_idioma, parametros,
                            criado_em, atualizado_em from filas_disparo where id = ?""").param(fila).update();
        return contar("select max(id) from filas_disparo");
    }

    private PedidoEnvio pedido(long filaId) {
        return new PedidoEnvio(filaId, aluno, "+5511900000001", "boas_vindas_acesso", "pt_BR", List.of("Mariana", "Curso"),
                "TOKENabc", "Olá, Mariana!");
    }

    @Test
    void tokenExpiradoSuspendeONumeroSemNovasRequisicoes() {
        metaResponde(401, "error-190-token-expired.json");

        assertThatThrownBy(() -> mensagens.enviar(pedido()))
                .isInstanceOf(NumeroBloqueadoException.class).isInstanceOf(FalhaSemRetentativa.class)
                .hasMessageContaining("Token de acesso do WhatsApp inválido");
        assertThatThrownBy(() -> mensagens.enviar(pedido())).isInstanceOf(NumeroBloqueadoException.class)
                .hasMessageContaining("suspensos");

        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
        assertThat(contar("select count(*) from whatsapp_bloqueios")).isEqualTo(1);
    }

    @Test
    void limiteDeTaxaEDepoisSucessoEnviaUmaVez() {
        META.stubFor(post(urlPathEqualTo(CAMINHO)).inScenario("taxa").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody(amostraWhatsApp("error-130429-rate-limit.json")))
                .willSetStateTo("liberado"));
        META.stubFor(post(urlPathEqualTo(CAMINHO)).inScenario("taxa").whenScenarioStateIs("liberado")
                .willReturn(okJson(amostraWhatsApp("send-template-response.json"))));

        assertThatThrownBy(() -> mensagens.enviar(pedido())).isInstanceOf(EnvioTransitorioException.class);
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
        ResultadoEnvio r = mensagens.enviar(pedido());

        assertThat(r.situacao()).isEqualTo(ResultadoEnvio.Situacao.ENVIADA);
        META.verify(2, postRequestedFor(urlPathEqualTo(CAMINHO)));
        assertThat(contar("select tentativas from mensagens where fila_disparo_id = ?", fila)).isEqualTo(2);
    }

    @Test
    void umTimeoutDepoisQueARequisicaoSaiuFicaIncertoENaoEhReenviado() {
        META.stubFor(post(urlPathEqualTo(CAMINHO)).willReturn(okJson(amostraWhatsApp("send-template-response.json"))
                .withFixedDelay(3_000)));

        ResultadoEnvio r = mensagens.enviar(pedido());
        ResultadoEnvio denovo = mensagens.enviar(pedido());

        assertThat(r.situacao()).isEqualTo(ResultadoEnvio.Situacao.INCERTA);
        assertThat(denovo.situacao()).isEqualTo(ResultadoEnvio.Situacao.INCERTA);
        assertThat(statusDaMensagem()).isEqualTo("INCERTA");
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
    }

    @Test
    void umaLinhaInterrompidaNoMeioDoEnvioNaoEhReenviadaAsCegas() {
        jdbc.sql("""
                        insert into mensagens (fila_disparo_id, aluno_id, chave_idempotencia, status, criado_em, atualizado_em)
                        values (?, ?, ?, 'ENVIANDO', current_timestamp, current_timestamp)""")
                .params(fila, aluno, "fila:" + fila).update();

        ResultadoEnvio r = mensagens.enviar(pedido());

        assertThat(r.situacao()).isEqualTo(ResultadoEnvio.Situacao.INCERTA);
        META.verify(0, postRequestedFor(urlPathEqualTo(CAMINHO)));
    }
}
