package br.com.terceirizacs.historia;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import br.com.terceirizacs.IntegracaoBase;

import static org.assertj.core.api.Assertions.assertThat;

/** A finished welcome to tell the story of, the staff who read it, and a browser-like session for the page. */
abstract class HistoriaBase extends IntegracaoBase {

    static final String EMAIL = "mariana.souza@example.com";
    static final String SENHA_EQUIPE = "Senha-de-Teste-2";

    /**
     * Hotmart's sample purchase, its automatic welcome sent (Meta answers through WireMock), then Meta's statuses
     * sent, delivered and read, dated a few seconds from now (the samples' own dates are in March 2026). Returns the
     * enrolment id.
     */
    long boasVindasConcluida() {
        postarEProcessar(amostra("purchase-approved.json"));
        executarJobs();
        long agora = Instant.now().getEpochSecond();
        status("webhook-status-sent.json", agora + 2);
        status("webhook-status-delivered.json", agora + 4);
        status("webhook-status-read.json", agora + 6);
        return ((Number) matricula(EMAIL, 4100001).get("id")).longValue();
    }

    private void status(String amostra, long quando) {
        String corpo = amostraWhatsApp(amostra).replaceAll("\"timestamp\": \"\\d+\"", "\"timestamp\": \"" + quando + "\"");
        assertThat(postarWhatsAppAssinado(corpo).statusCode()).isEqualTo(200);
    }

    /**
     * A Camunda user in the given group (cs, operacao, donos-processo…) with this suite's password: created, or its
     * password and membership set again when another test made a user of the same id.
     */
    void garantirUsuario(String id, String grupo) {
        if (identity.createGroupQuery().groupId(grupo).singleResult() == null) {
            var g = identity.newGroup(grupo);
            g.setName(grupo);
            identity.saveGroup(g);
        }
        var u = identity.createUserQuery().userId(id).singleResult();
        if (u == null) {
            u = identity.newUser(id);
            u.setFirstName("Pessoa");
            u.setLastName("de Teste");
        }
        u.setPassword(SENHA_EQUIPE);
        identity.saveUser(u);
        if (identity.createUserQuery().userId(id).memberOfGroup(grupo).count() == 0) {
            identity.createMembership(id, grupo);
        }
    }

    /** A browser-like session: cookies kept, redirects not followed, logged in through the login form. */
    final class Sessao {
        final HttpClient cliente = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> entrar(String usuario, String senha) {
            String form = "username=" + URLEncoder.encode(usuario, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(senha, StandardCharsets.UTF_8) + "&_csrf=" + csrf(get("/login").body());
            return postarFormulario("/login", form);
        }

        HttpResponse<String> get(String caminho) {
            return enviar(cliente, HttpRequest.newBuilder(URI.create(url(caminho))).GET().build());
        }

        /** The story's search form, with the page's CSRF token. */
        HttpResponse<String> buscar(String texto) {
            String token = csrf(get("/historia").body());
            return postarFormulario("/historia", "busca=" + URLEncoder.encode(texto, StandardCharsets.UTF_8)
                    + "&_csrf=" + token);
        }

        HttpResponse<String> postarFormulario(String caminho, String form) {
            return enviar(cliente, HttpRequest.newBuilder(URI.create(url(caminho)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }

        private String csrf(String pagina) {
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(pagina);
            return m.find() ? m.group(1) : "";
        }
    }

    Map<String, Object> busca(String texto) {
        return Map.of("busca", texto);
    }
}
