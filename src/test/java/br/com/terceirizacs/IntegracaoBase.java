package br.com.terceirizacs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.TurmaService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * One Spring context (and one Camunda engine) for every integration test: same profile, no context-specific beans.
 * Runs on H2 by default and on PostgreSQL when {@code spring.datasource.url} is given (see .ci/run).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegracaoBase {

    public static final String HOTTOK = "hottok-exemplo-ficticio-0001";
    public static final String SLUG = "escola-modelo";
    public static final String SENHA_ADMIN = "Senha-de-Teste-1";

    /** Business data removed before each test, in foreign-key order (seeded rules and templates stay). */
    private static final List<String> LIMPEZA = List.of("delete from transacoes_historico", "delete from acessos_log",
            "delete from kpis_acesso", "delete from bi_tags_analitico", "delete from mensagens_status",
            "delete from mensagens", "delete from filas_disparo", "delete from regras_automacao_auditoria",
            "delete from regras_automacao where produto_id is not null", "delete from whatsapp_recebidas",
            "delete from respostas_whatsapp",
            "delete from resgate_candidatos", "delete from resgate_execucoes",
            "delete from whatsapp_bloqueios", "delete from whatsapp_bloqueios_template", "delete from transacoes",
            "delete from celebracoes", "delete from matriculas", "delete from alunos",
            "delete from eventos_hotmart", "delete from ofertas", "delete from turmas", "delete from modulos_produto",
            "delete from produtos",
            "delete from usuarios_cliente", "delete from clientes", "delete from painel_resumo",
            "delete from painel_atrasos", "delete from painel_acessos", "delete from painel_pendencias",
            "delete from painel_versoes", "delete from tentativas_login");

    /** Meta's Cloud API for the whole suite: one server per JVM, so the cached context keeps a valid URL. */
    protected static final WireMockServer META = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        META.start();
    }

    @DynamicPropertySource
    static void apontarParaWireMock(DynamicPropertyRegistry registry) {
        registry.add("terceiriza.whatsapp.base-url", META::baseUrl);
    }

    @Autowired
    protected RuntimeService runtime;

    @Autowired
    protected ManagementService management;

    @Autowired
    protected org.camunda.bpm.engine.IdentityService identity;

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int porta;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected CatalogoService catalogo;

    @Autowired
    protected TurmaService turmas;

    /** Every test starts from empty business tables and the sample producer with its two products. */
    @BeforeEach
    void prepararDados() {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from eventos_hotmart where situacao = 'PENDENTE'").query(Long.class).single() == 0);
        runtime.createProcessInstanceQuery().list()
                .forEach(p -> runtime.deleteProcessInstanceIfExists(p.getId(), "limpeza do teste", true, true, true, true));
        LIMPEZA.forEach(sql -> jdbc.sql(sql).update());
        jdbc.sql("update regras_automacao set ativa = true, expiracao_horas = case tipo when 'ESTAGNACAO' then 72 else 48 end, "
                + "modo_execucao = case when tipo in ('ONBOARDING', 'CELEBRACAO') then 'DISPARO_AUTOMATICO' "
                + "else 'SUGERIR_APENAS' end").update();
        META.resetAll();
        META.stubFor(WireMock.post(WireMock.urlPathMatching("/v23.0/123456789012345/messages"))
                .willReturn(WireMock.okJson(amostraWhatsApp("send-template-response.json"))));
        catalogo.criarCliente("Escola Modelo Cursos Online", SLUG, HOTTOK);
        catalogo.criarProduto(SLUG, 4100001L, "Curso Exemplo de Marketing Digital", true,
                "https://curso-exemplo-marketing.club.hotmart.com", "boas_vindas_acesso");
        catalogo.criarProduto(SLUG, 4100002L, "Clube Exemplo de Mentorias", true,
                "https://clube-exemplo-mentorias.club.hotmart.com", "boas_vindas_acesso");
    }

    protected static String amostraWhatsApp(String arquivo) {
        try (InputStream in = IntegracaoBase.class.getResourceAsStream("/samples/whatsapp/" + arquivo)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Meta's webhook: the raw bytes, with the given X-Hub-Signature-256 header (none when null). */
    protected HttpResponse<String> postarWhatsApp(byte[] corpo, String assinatura) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url("/webhooks/whatsapp")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(corpo));
        if (assinatura != null) {
            req.header("X-Hub-Signature-256", assinatura);
        }
        return enviar(req.build());
    }

    /** Meta's webhook signed as Meta signs it: HMAC-SHA256 of the raw bytes with the app secret of the test profile. */
    protected HttpResponse<String> postarWhatsAppAssinado(String json) {
        byte[] corpo = json.getBytes(StandardCharsets.UTF_8);
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    "app-secret-ficticio-somente-para-testes".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return postarWhatsApp(corpo, "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(corpo)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs every due job (the job executor is off in tests), as the executor would, until none is left. */
    protected void executarJobs() {
        executarJobs(Duration.ofMinutes(2));
    }

    protected void executarJobs(Duration limite) {
        long fim = System.nanoTime() + limite.toNanos();
        while (System.nanoTime() < fim) {
            // jobs of process instances only: not the daily rescue's timer start (due at 10:00 São Paulo, 13:00 UTC,
            // it would start a second rescue in whichever test runs then) nor the history clean-up
            List<org.camunda.bpm.engine.runtime.Job> jobs = management.createJobQuery().executable().list().stream()
                    .filter(j -> j.getProcessInstanceId() != null).toList();
            if (jobs.isEmpty()) {
                return;
            }
            for (org.camunda.bpm.engine.runtime.Job job : jobs) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException e) {
                    // a failing job records its exception and retries like with the executor
                }
            }
        }
    }

    /**
     * A CS person (member of group cs) in the Camunda identity store, with this password: another test class may have
     * made a user of the same id with another password (the suite shares one database), so it is always set again.
     */
    protected void garantirUsuarioCs(String id, String nome, String senha) {
        org.camunda.bpm.engine.identity.User u = identity.createUserQuery().userId(id).singleResult();
        if (u == null) {
            u = identity.newUser(id);
            u.setFirstName(nome);
            u.setLastName("(CS)");
        }
        u.setPassword(senha);
        identity.saveUser(u);
        if (identity.createUserQuery().userId(id).memberOfGroup("cs").count() == 0) {
            identity.createMembership(id, "cs");
        }
    }

    protected String url(String caminho) {
        return "http://localhost:" + porta + caminho;
    }

    // ----- Hotmart samples -----

    protected static byte[] bytesDaAmostra(String arquivo) {
        try (InputStream in = IntegracaoBase.class.getResourceAsStream("/samples/hotmart/" + arquivo)) {
            if (in == null) {
                throw new IllegalArgumentException("amostra inexistente: " + arquivo);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static ObjectNode amostra(String arquivo) {
        try {
            return (ObjectNode) JSON.readTree(bytesDaAmostra(arquivo));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ----- HTTP -----

    protected HttpResponse<String> postarWebhook(byte[] corpo, String hottok) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url("/webhooks/hotmart")))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Jodd HTTP")
                .POST(HttpRequest.BodyPublishers.ofByteArray(corpo));
        if (hottok != null) {
            req.header("X-HOTMART-HOTTOK", hottok);
        }
        return enviar(req.build());
    }

    /** Posts a delivery with the sample producer's hottok; returns the inbox id from the acknowledgement. */
    protected long postarWebhook(byte[] corpo) {
        HttpResponse<String> r = postarWebhook(corpo, HOTTOK);
        if (r.statusCode() != 200) {
            throw new AssertionError("webhook respondeu " + r.statusCode() + ": " + r.body());
        }
        return json(r.body()).path("id").asLong();
    }

    protected long postarWebhook(JsonNode json) {
        return postarWebhook(bytes(json));
    }

    /** Posts and waits until the inbox has decided what the event is. */
    protected String postarEProcessar(JsonNode json) {
        return aguardarProcessamento(postarWebhook(json));
    }

    /** Hotmart's first access of {@code email} to a product at {@code quando}; returns what the inbox made of it. */
    protected String postarPrimeiroAcesso(String email, long produtoHotmart, Instant quando) {
        ObjectNode a = amostra("club-first-access.json").put("id", UUID.randomUUID().toString())
                .put("creationDate", quando.toEpochMilli());
        ((ObjectNode) a.path("data").path("user")).put("email", email);
        ((ObjectNode) a.path("data").path("product")).put("id", produtoHotmart);
        return postarEProcessar(a);
    }

    /** A later event of the student's purchase of product 4100001 (refund, chargeback, protest…), dated now. */
    protected String postarEventoDaCompra(String email, String tipo) {
        Map<String, Object> m = matricula(email, 4100001);
        ObjectNode e = amostra("purchase-approved.json").put("id", UUID.randomUUID().toString()).put("event", tipo)
                .put("creation_date", Instant.now().toEpochMilli());
        ((ObjectNode) e.path("data").path("buyer")).put("email", email);
        ((ObjectNode) e.path("data").path("purchase")).put("transaction", (String) m.get("transacao_codigo"));
        return postarEProcessar(e);
    }

    protected String aguardarProcessamento(long eventoId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !"PENDENTE".equals(situacao(eventoId)));
        return situacao(eventoId);
    }

    protected String situacao(long eventoId) {
        return jdbc.sql("select situacao from eventos_hotmart where id = ?").param(eventoId).query(String.class).single();
    }

    protected HttpResponse<String> get(String caminho, String usuario, String senha) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url(caminho))).GET();
        autenticar(req, usuario, senha);
        return enviar(req.build());
    }

    protected HttpResponse<String> enviarJson(String metodo, String caminho, Object corpo, String usuario, String senha) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url(caminho)))
                .header("Content-Type", "application/json")
                .method(metodo, HttpRequest.BodyPublishers.ofString(escrever(corpo)));
        autenticar(req, usuario, senha);
        return enviar(req.build());
    }

    protected HttpResponse<String> comoAdmin(String metodo, String caminho, Object corpo) {
        return corpo == null && "GET".equals(metodo) ? get(caminho, "admin", SENHA_ADMIN)
                : enviarJson(metodo, caminho, corpo, "admin", SENHA_ADMIN);
    }

    private static void autenticar(HttpRequest.Builder req, String usuario, String senha) {
        if (usuario != null) {
            req.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((usuario + ":" + senha).getBytes(StandardCharsets.UTF_8)));
        }
    }

    protected static HttpResponse<String> enviar(HttpRequest req) {
        return enviar(HTTP, req);
    }

    protected static HttpResponse<String> enviar(HttpClient cliente, HttpRequest req) {
        try {
            return cliente.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(String texto) {
        try {
            return JSON.readTree(texto);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escrever(Object corpo) {
        try {
            return corpo instanceof String s ? s : JSON.writeValueAsString(corpo == null ? Map.of() : corpo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ----- reading the domain -----

    protected Map<String, Object> matricula(String email, long produtoHotmart) {
        return jdbc.sql("""
                        select m.* from matriculas m join alunos a on a.id = m.aluno_id
                        join produtos p on p.id = m.produto_id
                        where a.email = ? and p.hotmart_product_id = ?""")
                .params(email, produtoHotmart).query().singleRow();
    }

    /** Benchmarks (PostgreSQL): {@code n} students of the producer, e-mails aluno{i}@bench.example.com, valid phones. */
    protected void gerarAlunosDeBenchmark(long cliente, int n) {
        jdbc.sql("""
                        insert into alunos (cliente_id, email, nome, telefone_e164, telefone_situacao, criado_em, atualizado_em)
                        select ?, 'aluno' || i || '@bench.example.com', 'Aluno ' || i, '+55119' || lpad(cast(i as text), 8, '0'),
                               'VALIDO', now(), now()
                        from generate_series(1, ?) i""").params(cliente, n).update();
    }

    /** Whether this run is on PostgreSQL (benchmarks need it). */
    protected boolean isPostgres() {
        try {
            return jdbc.sql("select version()").query(String.class).single().startsWith("PostgreSQL");
        } catch (RuntimeException e) {
            return false;
        }
    }

    protected long contar(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
