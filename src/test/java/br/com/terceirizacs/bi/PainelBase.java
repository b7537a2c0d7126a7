package br.com.terceirizacs.bi;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import br.com.terceirizacs.IntegracaoBase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard fixture, built through the real entry points (Hotmart webhooks, tracked links, the daily rescue with
 * CS decisions in the engine, WhatsApp status webhooks), so the numbers are checked against what the application
 * really records. The figures each test expects are worked out by hand in the comments of {@link #montarFixtura()}.
 */
abstract class PainelBase extends IntegracaoBase {

    static final ZoneId SP = ZoneId.of("America/Sao_Paulo");
    static final String SENHA_PRODUTOR = "senha-do-produtor-123";
    static final String EMAIL_PRODUTOR = "dono@escola-modelo.example.com";
    static final String OUTRO_SLUG = "outra-produtora";
    static final String EMAIL_OUTRO = "dona@outra-produtora.example.com";

    @Autowired
    TaskService tarefas;

    @Autowired
    PainelAgregador agregador;

    /** Ids the tests look at. */
    record Fixtura(long turmaOferta, long turmaPeriodo, long turmaMensalDeDuda, long produtoCurso, long produtoClube,
                   Instant agora, Map<String, Long> matriculas) {
    }

    /**
     * Seven buyers of "Escola Modelo" (T = now; warranty ends in 5 days for everyone):
     * <pre>
     * aluno   produto  turma                     compra                  acesso (origem)                  outros
     * Ana     curso    Turma VIP (oferta vip10)  T-5d                    clique T, acesso T+23h59 (link)
     * Bruno   curso    Turma Período             T-6d                    clique T, acesso T+24h01 (e-mail) resgate enviado+entregue
     * Clara   curso    Turma Período             (hoje-3) 23:30 local    nenhum                           resgate enviado+entregue+lido
     * Duda    curso    mensal (fora da janela)   (hoje-2) 00:30 local    compra+2h, sem clique (e-mail)   reembolso
     * Edu     curso    Turma Período             T-4d                    nenhum                           reembolso
     * Gil     curso    Turma Período             T-7d                    clique de robô T, acesso T+1h (e-mail) resgate descartado
     * Fabi    clube    mensal                    T-8d                    clique T, acesso T+10min (link)
     * </pre>
     * Turma Período = purchases from (hoje-10) to (hoje-3), producer's zone (São Paulo).
     */
    Fixtura montarFixtura() {
        jdbc.sql("update regras_automacao set ativa = false where chave = 'ONBOARDING:global'").update();
        jdbc.sql("update clientes set janela_envio_inicio = '00:00:00', janela_envio_fim = '23:59:59'").update();
        Instant agora = Instant.now();
        LocalDate hoje = LocalDate.now(SP);
        long turmaOferta = turmas.criarTurma(SLUG, 4100001L, "Turma VIP", List.of("vip10"), null, null).getId();
        long turmaPeriodo = turmas.criarTurma(SLUG, 4100001L, "Turma Período", null, hoje.minusDays(10),
                hoje.minusDays(3)).getId();

        compra("Ana", 1, 4100001L, "vip10", agora.minus(Duration.ofDays(5)));
        compra("Bruno", 2, 4100001L, null, agora.minus(Duration.ofDays(6)));
        compra("Clara", 3, 4100001L, null, hoje.minusDays(3).atTime(LocalTime.of(23, 30)).atZone(SP).toInstant());
        Instant compraDuda = hoje.minusDays(2).atTime(LocalTime.of(0, 30)).atZone(SP).toInstant();
        compra("Duda", 4, 4100001L, null, compraDuda);
        compra("Edu", 5, 4100001L, null, agora.minus(Duration.ofDays(4)));
        compra("Gil", 7, 4100001L, null, agora.minus(Duration.ofDays(7)));
        compra("Fabi", 6, 4100002L, null, agora.minus(Duration.ofDays(8)));

        // accesses known before the rescue runs
        clique("ana", 4100001L, false);
        primeiroAcesso("ana", 4100001L, agora.plus(Duration.ofHours(23).plusMinutes(59)));
        primeiroAcesso("duda", 4100001L, compraDuda.plus(Duration.ofHours(2)));
        clique("fabi", 4100002L, false);
        primeiroAcesso("fabi", 4100002L, agora.plus(Duration.ofMinutes(10)));
        evento("duda", "PURCHASE_REFUNDED");
        evento("edu", "PURCHASE_REFUNDED");

        // the daily rescue: Bruno, Clara and Gil have not accessed; CS approves two and discards Gil
        assertThat(comoAdmin("POST", "/api/resgate/execucoes", null).statusCode()).isEqualTo(202);
        executarJobs();
        List<Task> resgates = tarefas.createTaskQuery().taskCandidateGroup("cs")
                .processVariableValueEquals("tipoRegra", "RESGATE_ACESSO").list();
        assertThat(resgates).hasSize(3);
        for (Task t : resgates) {
            boolean gil = t.getName().contains("Gil");
            tarefas.complete(t.getId(), gil ? Map.of("decisao", "descartar", "motivoDescarte", "Aluno já falou com o suporte")
                    : Map.of("decisao", "aprovar"));
        }
        executarJobs();
        status("bruno", "webhook-status-delivered.json");
        status("clara", "webhook-status-delivered.json");
        status("clara", "webhook-status-read.json");

        // after the rescue: Bruno clicks but enters only 24 h 01 min later; Gil's click is WhatsApp's link preview
        clique("bruno", 4100001L, false);
        primeiroAcesso("bruno", 4100001L, agora.plus(Duration.ofHours(24).plusMinutes(1)));
        clique("gil", 4100001L, true);
        primeiroAcesso("gil", 4100001L, agora.plus(Duration.ofHours(1)));

        Map<String, Long> matriculas = new java.util.HashMap<>();
        for (String a : List.of("ana", "bruno", "clara", "duda", "edu", "gil")) {
            matriculas.put(a, ((Number) matricula(email(a), 4100001L).get("id")).longValue());
        }
        matriculas.put("fabi", ((Number) matricula(email("fabi"), 4100002L).get("id")).longValue());
        long mensalDuda = ((Number) matricula(email("duda"), 4100001L).get("turma_id")).longValue();
        long curso = catalogo.produtoDoCliente(catalogo.clientePorSlug(SLUG).getId(), 4100001L).orElseThrow().id();
        long clube = catalogo.produtoDoCliente(catalogo.clientePorSlug(SLUG).getId(), 4100002L).orElseThrow().id();
        agregador.passar();
        return new Fixtura(turmaOferta, turmaPeriodo, mensalDuda, curso, clube, agora, matriculas);
    }

    static String email(String aluno) {
        return aluno.toLowerCase() + "@alunos.example.com";
    }

    /** A purchase approved at {@code em}, phone +55 11 90000-00{n}, warranty ending 5 days from now. */
    void compra(String nome, int n, long produto, String oferta, Instant em) {
        ObjectNode c = amostra("purchase-approved.json").put("id", UUID.randomUUID().toString())
                .put("creation_date", em.toEpochMilli());
        ObjectNode data = (ObjectNode) c.path("data");
        ((ObjectNode) data.path("buyer")).put("email", email(nome)).put("name", nome + " Teste")
                .put("checkout_phone", "9000000%02d".formatted(n));
        ((ObjectNode) data.path("product")).put("id", produto)
                .put("warranty_date", Instant.now().plus(Duration.ofDays(5)).toString());
        ObjectNode purchase = ((ObjectNode) data.path("purchase")).put("transaction", "HP90000000" + n)
                .put("approved_date", em.toEpochMilli()).put("order_date", em.toEpochMilli());
        if (oferta == null) {
            purchase.remove("offer");
        } else {
            purchase.putObject("offer").put("code", oferta);
        }
        assertThat(postarEProcessar(c)).isEqualTo("PROCESSADO");
        // each student gets a wamid of their own, so the status webhooks find their message
        META.stubFor(WireMock.post(WireMock.urlPathMatching("/v23.0/123456789012345/messages"))
                .withRequestBody(WireMock.matchingJsonPath("$.to", WireMock.containing("9000000%02d".formatted(n))))
                .willReturn(WireMock.okJson(amostraWhatsApp("send-template-response.json")
                        .replace("5511900000001", "55119000000%02d".formatted(n))
                        .replace("wamid.SEJnTjU1MTE5MDAwMDAwMDEtQk9BU1ZJTkRBUy0wMDAx", wamid(nome.toLowerCase())))));
    }

    static String wamid(String aluno) {
        return "wamid.TESTE-" + aluno.toUpperCase();
    }

    void clique(String aluno, long produto, boolean robo) {
        String token = (String) matricula(email(aluno), produto).get("token_link");
        HttpRequest req = HttpRequest.newBuilder(URI.create(url("/a/" + token)))
                .header("User-Agent", robo ? "WhatsApp/2.23.20.0 A" : "Mozilla/5.0 (Linux; Android 14) Mobile Safari")
                .GET().build();
        assertThat(enviar(req).statusCode()).isEqualTo(302);
    }

    void primeiroAcesso(String aluno, long produto, Instant quando) {
        assertThat(postarPrimeiroAcesso(email(aluno), produto, quando)).isEqualTo("PROCESSADO");
    }

    void evento(String aluno, String tipo) {
        assertThat(postarEventoDaCompra(email(aluno), tipo)).isEqualTo("PROCESSADO");
    }

    void status(String aluno, String amostra) {
        String corpo = amostraWhatsApp(amostra)
                .replace("wamid.SEJnTjU1MTE5MDAwMDAwMDEtQk9BU1ZJTkRBUy0wMDAx", wamid(aluno));
        assertThat(postarWhatsAppAssinado(corpo).statusCode()).isEqualTo(200);
    }

    // ----- signing in as a producer -----

    void criarUsuarioProdutor(String slug, String email, String senha) {
        HttpResponse<String> r = comoAdmin("POST", "/api/clientes/" + slug + "/usuarios",
                Map.of("email", email, "nome", "Dono " + slug, "senha", senha));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    /** A browser-like session: cookies kept, redirects not followed, logged in through the login form. */
    static final class Sessao {
        final HttpClient cliente = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;

        Sessao(String base) {
            this.base = base;
        }

        HttpResponse<String> entrar(String usuario, String senha) {
            HttpResponse<String> pagina = get("/login");
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(pagina.body());
            assertThat(csrf.find()).as("token CSRF na página de login").isTrue();
            String form = "username=" + URLEncoder.encode(usuario, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(senha, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
            return enviar(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }

        HttpResponse<String> get(String caminho) {
            return enviar(HttpRequest.newBuilder(URI.create(base + caminho)).GET().build());
        }

        HttpResponse<String> enviar(HttpRequest req) {
            return IntegracaoBase.enviar(cliente, req);
        }
    }

    Sessao sessao(String usuario, String senha) {
        Sessao s = new Sessao(url(""));
        HttpResponse<String> login = s.entrar(usuario, senha);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).as("login aceito").endsWith("/painel");
        return s;
    }
}
