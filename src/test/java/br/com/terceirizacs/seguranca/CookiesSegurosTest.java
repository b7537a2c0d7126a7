package br.com.terceirizacs.seguranca;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import br.com.terceirizacs.IntegracaoBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTPS (here: a TLS proxy on the loopback saying so with X-Forwarded-Proto) every cookie is Secure and
 * SameSite=Lax and HSTS is sent; over plain HTTP (the local demo) cookies keep working without Secure.
 */
class CookiesSegurosTest extends IntegracaoBase {

    @Test
    void atrasDeUmProxyHttpsOsCookiesSaoSecureEHaHsts() {
        HttpResponse<String> login = pedir("/login", true);
        assertThat(cookies(login)).isNotEmpty().allSatisfy(c -> assertThat(c).contains("Secure").containsIgnoringCase("SameSite=Lax"));
        assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(h -> assertThat(h).contains("max-age="));

        HttpResponse<String> tasklist = pedir("/camunda/app/tasklist/default/", true);
        assertThat(cookies(tasklist)).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN="))
                .allSatisfy(c -> assertThat(c).contains("Secure").containsIgnoringCase("SameSite=Lax"));
        assertThat(tasklist.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void emHttpSimplesOsCookiesNaoTemSecureMasTemSameSite() {
        HttpResponse<String> login = pedir("/login", false);
        assertThat(cookies(login)).isNotEmpty().allSatisfy(c -> assertThat(c).doesNotContain("Secure")
                .containsIgnoringCase("SameSite=Lax"));
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private HttpResponse<String> pedir(String caminho, boolean https) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url(caminho))).GET();
        if (https) {
            req.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7");
        }
        return enviar(req.build());
    }

    private static List<String> cookies(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie");
    }
}
