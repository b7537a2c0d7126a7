package br.com.terceirizacs.seguranca;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import br.com.terceirizacs.IntegracaoBase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login throttle through the real ways in: HTTP Basic on the API, the producers' form at /login and the Camunda
 * webapps' login. Time moves by the throttle's clock (the shared context keeps its clock bean), never by sleeping.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginLimitadoTest extends IntegracaoBase {

    static final String SENHA_ERRADA = "Senha-Errada-Chute-9";
    static final Duration TETO = Duration.ofMinutes(5);

    @Autowired
    LimitadorLogin limitador;

    @Autowired
    AdminUsuarioSincronizador sincronizador;

    @Autowired
    MeterRegistry metricas;

    Clock relogioOriginal;

    /**
     * The throttle's clock stands still during a test and moves only by {@link #avancar}: with the real clock, a wait
     * of a second or two could end between the last wrong password and the next assertion on a slow machine.
     */
    @BeforeEach
    void guardarRelogio() {
        relogioOriginal = limitador.relogio();
        // on a whole second: PostgreSQL keeps microseconds and would round a nanosecond instant up by a hair
        limitador.usarRelogio(Clock.fixed(relogioOriginal.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                java.time.ZoneOffset.UTC));
    }

    @AfterEach
    void devolverRelogio() {
        limitador.usarRelogio(relogioOriginal);
        jdbc.sql("delete from tentativas_login").update();
    }

    void avancar(Duration quanto) {
        limitador.usarRelogio(Clock.offset(limitador.relogio(), quanto));
    }

    double falhas(String entrada, String motivo) {
        var contador = metricas.find("terceiriza.login.falhas").tags("entrada", entrada, "motivo", motivo).counter();
        return contador == null ? 0 : contador.count();
    }

    @Test
    void duzentasSenhasErradasNaApiEDepoisDoTetoOAdminEntra(CapturedOutput saida) {
        double antes = falhas("api", "credenciais");
        List<Integer> status = new ArrayList<>();
        HttpResponse<String> recusada = null;
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> r = get("/api/clientes", "admin", SENHA_ERRADA);
            status.add(r.statusCode());
            if (r.statusCode() == 429) {
                recusada = r;
            }
        }
        assertThat(status.subList(0, 5)).as("cinco erros sem espera").containsOnly(401);
        assertThat(status).contains(429).containsOnly(401, 429);
        assertThat(recusada.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow())
                .isBetween(1L, TETO.toSeconds());
        assertThat(json(recusada.body()).path("detail").asText()).startsWith("Muitas tentativas de login seguidas.");
        assertThat(falhas("api", "credenciais") - antes).isEqualTo(status.stream().filter(s -> s == 401).count());
        assertThat(saida.getOut()).contains("Login da conta ad*** em espera por").doesNotContain(SENHA_ERRADA)
                .doesNotContain("conta admin");

        assertThat(comoAdmin("GET", "/api/clientes", null).statusCode()).as("em espera, nem a senha certa entra")
                .isEqualTo(429);

        avancar(TETO);
        HttpResponse<String> certa = comoAdmin("GET", "/api/clientes", null);
        assertThat(certa.statusCode()).as(certa.body()).isEqualTo(200);
        assertThat(contar("select count(*) from tentativas_login where chave = 'conta:admin'")).isZero();
    }

    @Test
    void duzentasSenhasErradasNoLoginDoProdutorEDepoisDoTetoEleEntra() {
        String email = "dono@escola-modelo.example.com";
        String senha = "senha-do-produtor-123";
        assertThat(comoAdmin("POST", "/api/clientes/" + SLUG + "/usuarios",
                Map.of("email", email, "nome", "Dono", "senha", senha)).statusCode()).isEqualTo(201);
        Formulario navegador = new Formulario();

        List<String> destinos = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            destinos.add(navegador.entrar(email, SENHA_ERRADA));
        }
        assertThat(destinos.subList(0, 5)).containsOnly("/login?error");
        String espera = destinos.stream().filter(d -> d.startsWith("/login?espera=")).findFirst().orElseThrow();
        assertThat(navegador.get(espera).body()).contains("Muitas tentativas de login seguidas. Aguarde")
                .contains("e tente de novo.");
        assertThat(navegador.entrar(email, senha)).as("em espera").startsWith("/login?espera=");

        avancar(TETO);
        assertThat(navegador.entrar(email, senha)).isEqualTo("/painel");
    }

    @Test
    void aEquipeNoFormularioEspera() {
        garantirUsuarioCs("cslimite", "Carla", "Senha-Forte-Limite-1");
        Formulario navegador = new Formulario();
        for (int i = 0; i < 6; i++) {
            assertThat(navegador.entrar("cslimite", SENHA_ERRADA)).isEqualTo("/login?error");
        }
        assertThat(navegador.entrar("cslimite", "Senha-Forte-Limite-1")).startsWith("/login?espera=");
        avancar(Duration.ofSeconds(1));
        assertThat(navegador.entrar("cslimite", "Senha-Forte-Limite-1")).isEqualTo("/painel");
    }

    @Test
    void oLoginDoTasklistTambemEsperaESoOTetoEDepoisEntra() {
        garantirUsuarioCs("cstasklist", "Bruna", "Senha-Forte-Tasklist-2");
        Webapp tasklist = new Webapp();

        List<Integer> status = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            status.add(tasklist.entrar("cstasklist", SENHA_ERRADA).statusCode());
        }
        assertThat(status.subList(0, 5)).containsOnly(401);
        assertThat(status).contains(429).containsOnly(401, 429);
        HttpResponse<String> recusada = tasklist.entrar("cstasklist", "Senha-Forte-Tasklist-2");
        assertThat(recusada.statusCode()).isEqualTo(429);
        assertThat(recusada.headers().firstValue("Retry-After")).isPresent();

        avancar(TETO);
        HttpResponse<String> certa = tasklist.entrar("cstasklist", "Senha-Forte-Tasklist-2");
        assertThat(certa.statusCode()).as(certa.body()).isEqualTo(200);
        assertThat(json(certa.body()).path("userId").asText()).isEqualTo("cstasklist");
    }

    @Test
    void oReinicioComAMesmaAdminPasswordLiberaOAdmin() {
        // twelve wrong passwords, spread so that each one is checked: more than Camunda's old permanent lock (10)
        for (int i = 0; i < 12; i++) {
            avancar(Duration.ofMinutes(6));
            assertThat(get("/api/clientes", "admin", SENHA_ERRADA).statusCode()).isEqualTo(401);
        }
        assertThat(comoAdmin("GET", "/api/clientes", null).statusCode()).isEqualTo(429);
        assertThat(new Webapp().entrar("admin", SENHA_ADMIN).statusCode()).isEqualTo(429);
        // and a lock of Camunda's own, as one left from before this throttle
        jdbc.sql("update ACT_ID_USER set ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? where ID_ = 'admin'")
                .param(java.sql.Timestamp.valueOf("2999-01-01 00:00:00")).update();
        assertThat(identity.checkPassword("admin", SENHA_ADMIN)).isFalse();

        sincronizador.sincronizar();

        assertThat(comoAdmin("GET", "/api/clientes", null).statusCode()).isEqualTo(200);
        assertThat(new Webapp().entrar("admin", SENHA_ADMIN).statusCode()).isEqualTo(200);
        assertThat(contar("select count(*) from tentativas_login where chave like 'endereco:%'")).isZero();
    }

    @Test
    void oVerifyDoMotorNaoServeDeOraculoDeSenhasNosWebapps() {
        garantirUsuarioCs("csverify", "Dora", "Senha-Forte-Verify-1");
        Webapp tasklist = new Webapp();
        assertThat(tasklist.entrar("csverify", "Senha-Forte-Verify-1").statusCode()).isEqualTo(200);

        HttpResponse<String> verify = tasklist.postarJson("/camunda/api/engine/engine/default/identity/verify",
                "{\"username\":\"admin\",\"password\":\"" + SENHA_ADMIN + "\"}");

        // With Camunda's own lock off, this must not be a way around the throttle: the engine checks READ on the user
        // whose password is verified, and a CS person may read only their own user.
        assertThat(verify.statusCode()).as(verify.body()).isEqualTo(403);
        assertThat(verify.body()).contains("does not have 'READ' permission on resource 'admin'");
    }

    /** The dashboard's login form, with a session and its CSRF token; answers where the login sent the browser. */
    final class Formulario {
        final HttpClient cliente = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        String entrar(String usuario, String senha) {
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
            assertThat(csrf.find()).isTrue();
            String form = "username=" + URLEncoder.encode(usuario, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(senha, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
            HttpResponse<String> r = enviar(cliente, HttpRequest.newBuilder(URI.create(url("/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            assertThat(r.statusCode()).isEqualTo(302);
            URI destino = URI.create(r.headers().firstValue("Location").orElseThrow());
            return destino.getRawPath() + (destino.getRawQuery() == null ? "" : "?" + destino.getRawQuery());
        }

        HttpResponse<String> get(String caminho) {
            return enviar(cliente, HttpRequest.newBuilder(URI.create(url(caminho))).GET().build());
        }
    }

    /** The Camunda webapps' login as Tasklist sends it: a session, its XSRF token, and the form fields. */
    final class Webapp {
        final CookieManager cookies = new CookieManager();
        final HttpClient cliente = HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> entrar(String usuario, String senha) {
            enviar(cliente, HttpRequest.newBuilder(URI.create(url("/camunda/app/tasklist/default/"))).GET().build());
            String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElse("");
            String form = "username=" + URLEncoder.encode(usuario, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(senha, StandardCharsets.UTF_8);
            return enviar(cliente, HttpRequest.newBuilder(
                            URI.create(url("/camunda/api/admin/auth/user/default/login/tasklist")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", xsrf)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }

        HttpResponse<String> postarJson(String caminho, String corpo) {
            // the login renews the session, and the next response brings the new session's token
            HttpResponse<String> pagina = enviar(cliente, HttpRequest.newBuilder(
                    URI.create(url("/camunda/api/engine/engine/default/user/count"))).GET().build());
            String xsrf = pagina.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                    .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).reduce((a, b) -> b).orElse("");
            return enviar(cliente, HttpRequest.newBuilder(URI.create(url(caminho)))
                    .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                    .POST(HttpRequest.BodyPublishers.ofString(corpo)).build());
        }
    }
}
