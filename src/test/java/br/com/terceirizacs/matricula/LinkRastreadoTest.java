package br.com.terceirizacs.matricula;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import br.com.terceirizacs.IntegracaoBase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tracked link {@code /a/{token}} and the attribution rule (default window: 24 h). */
class LinkRastreadoTest extends IntegracaoBase {

    private String token;

    @BeforeEach
    void compraDaMariana() {
        postarEProcessar(amostra("purchase-approved.json"));
        token = (String) matricula("mariana.souza@example.com", 4100001).get("token_link");
    }

    private HttpResponse<String> clicar(String tokenDoLink, String userAgent) {
        return enviar(HttpRequest.newBuilder(URI.create(url("/a/" + tokenDoLink))).header("User-Agent", userAgent)
                .GET().build());
    }

    private String primeiroAcessoEm(Instant quando) {
        ObjectNode acesso = amostra("club-first-access.json").put("creationDate", quando.toEpochMilli());
        postarEProcessar(acesso);
        return (String) matricula("mariana.souza@example.com", 4100001).get("origem_primeiro_acesso");
    }

    @Test
    void oCliqueNoLinkEhRegistradoERedirecionaParaAAreaDeMembros() {
        HttpResponse<String> r = clicar(token, "Mozilla/5.0 (Linux; Android 14)");

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).contains("https://curso-exemplo-marketing.club.hotmart.com");
        Map<String, Object> clique = jdbc.sql("select * from acessos_log where tipo = 'CLIQUE_LINK'").query().singleRow();
        assertThat(clique.get("robo")).isEqualTo(false);
        assertThat(clique.get("user_agent")).isEqualTo("Mozilla/5.0 (Linux; Android 14)");
    }

    @Test
    void umTokenDesconhecidoMostraUmaPaginaEmPortuguesCom404() {
        HttpResponse<String> r = clicar("x".repeat(43), "Mozilla/5.0");
        HttpResponse<String> malformado = clicar("abc", "Mozilla/5.0");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("Link não encontrado").contains("lang=\"pt-BR\"");
        assertThat(malformado.statusCode()).isEqualTo(404);
        assertThat(contar("select count(*) from acessos_log")).isZero();
    }

    @Test
    void produtoSemUrlDaAreaDeMembrosRegistraOCliqueEExplicaAoAluno() {
        catalogo.atualizarProduto(SLUG, 4100001L, "Curso Exemplo de Marketing Digital", true, null, null);

        HttpResponse<String> r = clicar(token, "Mozilla/5.0");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("Seu acesso está quase pronto");
        assertThat(contar("select count(*) from acessos_log where tipo = 'CLIQUE_LINK'")).isEqualTo(1);
    }

    @Test
    void umCliqueAntesDoPrimeiroAcessoDentroDaJanelaCreditaOWhatsApp() {
        clicar(token, "Mozilla/5.0");

        assertThat(primeiroAcessoEm(Instant.now().plus(Duration.ofHours(23)))).isEqualTo("link_whatsapp_terceiriza");
        assertThat(contar("select count(*) from acessos_log where tipo = 'PRIMEIRO_ACESSO' "
                + "and origem = 'link_whatsapp_terceiriza'")).isEqualTo(1);
    }

    @Test
    void umCliqueMaisAntigoQueAJanelaNaoCreditaOWhatsApp() {
        clicar(token, "Mozilla/5.0");

        assertThat(primeiroAcessoEm(Instant.now().plus(Duration.ofHours(25)))).isEqualTo("email_hotmart");
    }

    @Test
    void umCliqueDepoisDoPrimeiroAcessoNaoCreditaOWhatsApp() {
        clicar(token, "Mozilla/5.0");

        assertThat(primeiroAcessoEm(Instant.now().minus(Duration.ofMinutes(5)))).isEqualTo("email_hotmart");
    }

    @Test
    void semCliqueOPrimeiroAcessoEhDoEmailDaHotmart() {
        assertThat(primeiroAcessoEm(Instant.now())).isEqualTo("email_hotmart");
    }

    @Test
    void aPreviaDoLinkGeradaPorRobosNaoContaComoClique() {
        clicar(token, "WhatsApp/2.24.1 A");
        clicar(token, "facebookexternalhit/1.1");
        enviar(HttpRequest.newBuilder(URI.create(url("/a/" + token))).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", "Mozilla/5.0").build());

        assertThat(contar("select count(*) from acessos_log where tipo = 'CLIQUE_LINK' and robo = true")).isEqualTo(3);
        assertThat(primeiroAcessoEm(Instant.now().plus(Duration.ofMinutes(1)))).isEqualTo("email_hotmart");
    }
}
