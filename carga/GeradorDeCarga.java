// Launch-day load generator (docs/benchmarks.md, "Launch day"). Plain Java 17, JDK HttpClient and HttpServer only,
// plus the PostgreSQL JDBC driver on the class path for the baseline and the checks. Run it with ./carga/executar.
//
// It starts a local stand-in for the WhatsApp Cloud API (answers the documented send response and records when
// each request arrived), starts the application's jar on a fresh PostgreSQL database pointed at that stand-in,
// creates a producer and a monitored product through the admin API, then:
//   1. baseline: inserts the same inbox row with bare JDBC at the same concurrency, as fast as it goes;
//   2. ingest: posts unique PURCHASE_APPROVED webhooks as fast as the same concurrency allows (acknowledged/s);
//   3. launch: offers webhooks at a fixed rate for a fixed time (open loop: latency counts from the moment each
//      request was due, so a slow app cannot hide its queue) and measures acknowledgement and end-to-end latency,
//      webhook → WhatsApp request, and counts sent, duplicated and missing welcomes.
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class GeradorDeCarga {

    static final String HOTTOK = "hottok-da-carga-0001";
    static final String SENHA_ADMIN = "Senha-da-Carga-1";
    static final long PRODUTO = 4100001L;
    static final Pattern PARA = Pattern.compile("\"to\"\\s*:\\s*\"(\\d+)\"");

    // ----- parameters (--name value) -----
    static final Map<String, String> ARGS = new ConcurrentHashMap<>();

    static String arg(String nome, String padrao) {
        return ARGS.getOrDefault(nome, padrao);
    }

    static int argInt(String nome, int padrao) {
        return Integer.parseInt(arg(nome, String.valueOf(padrao)));
    }

    public static void main(String[] args) {
        try {
            executar(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the HTTP clients' and the stand-in's pools would keep the JVM alive
        }
    }

    static void executar(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            ARGS.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int taxa = argInt("taxa", 100);
        int duracao = argInt("duracao", 60);
        int concorrencia = argInt("concorrencia", 32);
        int ingestao = argInt("ingestao", 5000);
        String jar = arg("jar", "target/terceiriza-cs-flows-0.1.0-SNAPSHOT.jar");
        String banco = arg("banco", "terceiriza_carga");
        String pg = arg("pg", "jdbc:postgresql://127.0.0.1:5432/");
        int porta = argInt("porta", 18080);
        List<String> fases = List.of(arg("fases", "base,motor,ingestao,lancamento").split(","));

        Stub stub = new Stub();
        System.out.printf("Stand-in da Cloud API em http://127.0.0.1:%d%n", stub.porta());
        try (Connection admin = DriverManager.getConnection(pg + "postgres", "postgres", "")) {
            admin.createStatement().execute("drop database if exists " + banco);
            admin.createStatement().execute("create database " + banco);
        }
        App app = App.iniciar(jar, pg + banco, porta, stub.porta(), arg("jvm", ""));
        Relatorio relatorio = new Relatorio();
        try {
            app.prepararProdutor();
            if (fases.contains("base")) {
                try (Connection c = DriverManager.getConnection(pg + banco, "postgres", "")) {
                    relatorio.linha("baseline: insert JDBC puro", baseline(c, concorrencia, ingestao));
                }
            }
            if (fases.contains("motor")) {
                relatorio.linha("baseline: motor puro", MotorPuro.medir(pg, banco + "_motor", concorrencia, ingestao));
            }
            if (fases.contains("ingestao")) {
                Resultado ingest = postar(app, stub, Integer.MAX_VALUE, ingestao, concorrencia, "ingestao");
                relatorio.linha("ingestão (o mais rápido possível)", ingest.resumo());
                esperarEnvios(stub, ingest, Duration.ofMinutes(10)); // the next phase starts from an idle app
            }
            if (fases.contains("envio")) {
                relatorio.linha("envio: " + argInt("envios", 10_000) + " com limite de " + LIMITE + "/s",
                        envio(app, stub, argInt("envios", 10_000), concorrencia));
            }
            if (fases.contains("lancamento")) {
                Cpu antes = Cpu.agora(app);
                Resultado lancamento = postar(app, stub, taxa, taxa * duracao, concorrencia, "lancamento");
                // "missing" means not sent after the backlog had every chance to drain (ten minutes at most)
                esperarEnvios(stub, lancamento, Duration.ofMinutes(10));
                relatorio.linha("lançamento " + taxa + "/s por " + duracao + " s", lancamento.resumo());
                relatorio.linha("lançamento ponta a ponta", lancamento.pontaAPonta(stub));
                relatorio.linha("lançamento, onde foi a CPU", Cpu.agora(app).porCompra(antes, lancamento.ack.size()));
            }
            try (Connection c = DriverManager.getConnection(pg + banco, "postgres", "")) {
                relatorio.linha("banco depois da carga", conferir(c));
            }
        } finally {
            app.parar();
            stub.parar();
        }
        relatorio.imprimir();
        System.exit(0); // the HTTP clients' and the stand-in's pools are not daemon threads
    }

    // ----- the WhatsApp Cloud API stand-in -----

    /** How the stand-in answers: as Meta normally does, or one of the failures the fault scripts play. */
    enum Modo {
        NORMAL, ERRO_500, LIMITE_130429, LENTO, SEM_RESPOSTA
    }

    static final class Stub {
        static final Pattern CALLBACK = Pattern.compile("\"biz_opaque_callback_data\"\\s*:\\s*\"([^\"]*)\"");
        final com.sun.net.httpserver.HttpServer servidor;
        /** Accepted messages by recipient: when each arrived (what Meta would send; refused requests are not here). */
        final Map<String, List<Long>> chegadas = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Long> momentos = new ConcurrentLinkedQueue<>();
        final AtomicLong contador = new AtomicLong();
        final AtomicInteger recusados = new AtomicInteger();
        volatile Modo modo = Modo.NORMAL;
        /** How long an accepted send takes to be answered in NORMAL mode (Meta: 100-500 ms in production). */
        volatile long atrasoMs;
        /** Where the status posts run: on the two scheduling threads, or on more at once (Meta posts in parallel). */
        volatile java.util.concurrent.Executor postagem = Runnable::run;
        /** Where to post Meta's "sent" status webhooks (signed with the app secret); empty: none are posted. */
        volatile List<String> statusPara = List.of();
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        final java.util.concurrent.ScheduledExecutorService agenda = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "stub-status");
            t.setDaemon(true);
            return t;
        });

        Stub() throws IOException {
            servidor = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            servidor.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "stub-cloud-api");
                t.setDaemon(true);
                return t;
            }));
            servidor.createContext("/", troca -> {
                long agora = System.nanoTime();
                String corpo;
                try (InputStream in = troca.getRequestBody()) {
                    corpo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Modo agoraModo = modo;
                if (agoraModo == Modo.ERRO_500 || agoraModo == Modo.LIMITE_130429) {
                    recusados.incrementAndGet();
                    String erro = agoraModo == Modo.ERRO_500
                            ? "{\"error\":{\"message\":\"Something went wrong\",\"type\":\"OAuthException\",\"code\":131000,"
                            + "\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"Something went wrong\"},\"fbtrace_id\":\"CARGA500\"}}"
                            : AMOSTRA_130429;
                    responder(troca, agoraModo == Modo.ERRO_500 ? 500 : 429, erro);
                    return;
                }
                Matcher m = PARA.matcher(corpo);
                String para = m.find() ? m.group(1) : "?";
                Matcher c = CALLBACK.matcher(corpo);
                String callback = c.find() ? c.group(1) : null;
                chegadas.computeIfAbsent(para, k -> Collections.synchronizedList(new ArrayList<>())).add(agora);
                momentos.add(agora);
                String wamid = "wamid.CARGA" + contador.incrementAndGet();
                if (!statusPara.isEmpty()) {
                    agenda.schedule(() -> postagem.execute(() -> status(wamid, para, callback)), 300, TimeUnit.MILLISECONDS);
                }
                if (agoraModo == Modo.LENTO || agoraModo == Modo.SEM_RESPOSTA) {
                    dormir(agoraModo == Modo.LENTO ? 3_000 : 15_000); // the app reads for 10 s at most
                } else if (atrasoMs > 0) {
                    dormir(atrasoMs);
                }
                responder(troca, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + para
                        + "\",\"wa_id\":\"" + para + "\"}],\"messages\":[{\"id\":\"" + wamid
                        + "\",\"message_status\":\"accepted\"}]}");
            });
            servidor.start();
        }

        static void responder(com.sun.net.httpserver.HttpExchange troca, int codigo, String json) throws IOException {
            byte[] resposta = json.getBytes(StandardCharsets.UTF_8);
            troca.getResponseHeaders().add("Content-Type", "application/json");
            try {
                troca.sendResponseHeaders(codigo, resposta.length);
                try (OutputStream out = troca.getResponseBody()) {
                    out.write(resposta);
                }
            } catch (IOException e) {
                // the app gave up waiting (timeout): Meta would still have sent the message
            }
        }

        /** Meta's "sent" status for an accepted message, signed as Meta signs it. */
        void status(String wamid, String para, String callback) {
            String corpo = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"109876543210987\",\"changes\":[{\"value\":{"
                    + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"5511930000000\","
                    + "\"phone_number_id\":\"123456789012345\"},\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"sent\","
                    + "\"timestamp\":\"" + (System.currentTimeMillis() / 1000) + "\",\"recipient_id\":\"" + para + "\""
                    + (callback == null ? "" : ",\"biz_opaque_callback_data\":\"" + callback + "\"")
                    + "}]},\"field\":\"messages\"}]}]}";
            List<String> destinos = statusPara;
            String destino = destinos.get((int) (contador.get() % destinos.size()));
            for (int tentativa = 0; tentativa < 90; tentativa++) { // Meta retries failed deliveries too
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(destino + "/webhooks/whatsapp"))
                            .header("Content-Type", "application/json")
                            .header("X-Hub-Signature-256", "sha256=" + hmac(SEGREDO_WHATSAPP, corpo))
                            .timeout(Duration.ofSeconds(5))
                            .POST(HttpRequest.BodyPublishers.ofString(corpo)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() / 100 == 2) {
                        return;
                    }
                } catch (Exception e) {
                    // the app is down (a fault script): try again
                }
                dormir(1_000);
            }
        }

        /** The most accepted messages in any window of one second, wherever it starts. */
        int maximoEmUmSegundo() {
            List<Long> t = new ArrayList<>(momentos);
            Collections.sort(t);
            int maximo = 0;
            int inicio = 0;
            for (int fim = 0; fim < t.size(); fim++) {
                while (t.get(fim) - t.get(inicio) >= 1_000_000_000L) {
                    inicio++;
                }
                maximo = Math.max(maximo, fim - inicio + 1);
            }
            return maximo;
        }

        int porta() {
            return servidor.getAddress().getPort();
        }

        void parar() {
            servidor.stop(0);
        }
    }

    static final String SEGREDO_WHATSAPP = "segredo-da-carga";
    static final String AMOSTRA_130429 = "{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"type\":\"OAuthException\","
            + "\"code\":130429,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"Cloud API message "
            + "throughput has been reached for this business phone number. Try again later.\"},\"fbtrace_id\":\"CARGA429\"}}";

    static String hmac(String segredo, String corpo) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(segredo.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(corpo.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void dormir(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ----- the application under test -----

    static final class App {
        final Process processo;
        final String base;
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(8)).build();

        App(Process processo, String base) {
            this.processo = processo;
            this.base = base;
        }

        static App iniciar(String jar, String url, int porta, int portaStub, String jvm) throws Exception {
            return iniciar(jar, url, porta, portaStub, jvm, List.of(), Path.of("target", "carga-app.log"), false);
        }

        /** Starts the jar with extra application arguments; the log is appended to when {@code continuar}. */
        static App iniciar(String jar, String url, int porta, int portaStub, String jvm, List<String> extras, Path log,
                           boolean continuar) throws Exception {
            // as in the Dockerfile: processing threads niced below the ones that acknowledge webhooks
            List<String> comando = new ArrayList<>(List.of("java", "-XX:ThreadPriorityPolicy=1"));
            if (!jvm.isBlank()) {
                comando.addAll(List.of(jvm.split(" ")));
            }
            comando.addAll(List.of("-jar", jar, "--server.port=" + porta, "--terceiriza.whatsapp.limite-por-segundo=" + LIMITE));
            comando.addAll(extras);
            ProcessBuilder pb = new ProcessBuilder(comando);
            Map<String, String> env = pb.environment();
            env.put("SPRING_PROFILES_ACTIVE", "postgres");
            env.put("DB_URL", url);
            env.put("DB_USER", "postgres");
            env.put("DB_PASSWORD", "");
            env.put("ADMIN_PASSWORD", SENHA_ADMIN);
            env.put("WHATSAPP_BASE_URL", "http://127.0.0.1:" + portaStub);
            env.put("WHATSAPP_TOKEN", "token-da-carga");
            env.put("WHATSAPP_PHONE_NUMBER_ID", "123456789012345");
            env.put("WHATSAPP_APP_SECRET", SEGREDO_WHATSAPP);
            env.put("WHATSAPP_VERIFY_TOKEN", "verificacao-da-carga");
            Files.createDirectories(log.getParent());
            pb.redirectErrorStream(true).redirectOutput(continuar ? ProcessBuilder.Redirect.appendTo(log.toFile())
                    : ProcessBuilder.Redirect.to(log.toFile()));
            App app = new App(pb.start(), "http://127.0.0.1:" + porta);
            long limite = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < limite) {
                try {
                    if (app.get("/actuator/health").statusCode() == 200) {
                        System.out.println("Aplicação no ar (log em " + log + ")");
                        return app;
                    }
                } catch (IOException e) {
                    // not up yet
                }
                if (!app.processo.isAlive()) {
                    throw new IllegalStateException("a aplicação parou; veja " + log);
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("a aplicação não subiu em 120 s; veja " + log);
        }

        HttpResponse<String> get(String caminho) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + caminho)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        void admin(String caminho, String json) throws IOException, InterruptedException {
            admin("POST", caminho, json);
        }

        /** A request to the admin API or the engine's REST API (admin user); the body of the answer. */
        String admin(String metodo, String caminho, String json) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + caminho))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("admin:" + SENHA_ADMIN).getBytes(StandardCharsets.UTF_8)))
                    .method(metodo, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(caminho + " respondeu " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }

        /** Suspends or resumes the sends (job definition of "Enviar mensagem"), as an operator does in Cockpit. */
        void envios(boolean suspensos) throws IOException, InterruptedException {
            Matcher ids = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(
                    admin("GET", "/engine-rest/job-definition?processDefinitionKey=disparo&activityIdIn=enviarMensagem", null));
            while (ids.find()) {
                admin("PUT", "/engine-rest/job-definition/" + ids.group(1) + "/suspended",
                        "{\"suspended\":" + suspensos + ",\"includeJobs\":true}");
            }
        }

        long enviosNaFila() throws IOException, InterruptedException {
            Matcher m = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(
                    admin("GET", "/engine-rest/job/count?activityId=enviarMensagem", null));
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        }

        void prepararProdutor() throws IOException, InterruptedException {
            admin("/api/clientes", "{\"nome\":\"Produtora da Carga\",\"slug\":\"produtora-carga\",\"hottok\":\"" + HOTTOK + "\"}");
            admin("/api/clientes/produtora-carga/produtos", "{\"hotmartProductId\":" + PRODUTO
                    + ",\"nome\":\"Curso do Lançamento\",\"ativoMonitoramento\":true,"
                    + "\"urlAreaMembros\":\"https://curso-lancamento.club.hotmart.com\",\"templateBoasVindas\":\"boas_vindas_acesso\"}");
        }

        /** kill -9: no shutdown hook, no graceful stop, whatever was in flight is cut. */
        void matar() throws InterruptedException {
            processo.destroyForcibly();
            processo.waitFor();
        }

        void parar() throws InterruptedException {
            processo.destroy();
            if (!processo.waitFor(40, TimeUnit.SECONDS)) {
                processo.destroyForcibly().waitFor();
            }
        }
    }

    // ----- webhooks -----

    static final String AMOSTRA = lerAmostra();

    static String lerAmostra() {
        try {
            return Files.readString(Path.of("src/test/resources/samples/hotmart/purchase-approved.json"));
        } catch (IOException e) {
            throw new IllegalStateException("rode a partir da raiz do repositório", e);
        }
    }

    static final AtomicLong SEQUENCIA = new AtomicLong();

    /** A unique purchase: event id, transaction, e-mail and phone of its own; approved now. */
    static String compra(long n) {
        long agora = System.currentTimeMillis();
        return AMOSTRA.replace("8908b78b-b1fe-483f-9e16-43ecce2a078f", UUID.randomUUID().toString())
                .replace("HP0000000001", "HPC" + String.format("%09d", n))
                .replace("mariana.souza@example.com", "aluno" + n + "@carga.example.com")
                .replace("\"900000001\"", "\"9" + String.format("%08d", n) + "\"")
                .replace("1772456162000", String.valueOf(agora)).replace("1772456100000", String.valueOf(agora));
    }

    static String telefone(long n) {
        return "55119" + String.format("%08d", n);
    }

    static final class Resultado {
        final String nome;
        final List<Long> ack = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Long> enviadoEm = new ConcurrentHashMap<>();   // phone → nanoTime the webhook was due
        final AtomicInteger erros = new AtomicInteger();
        final AtomicInteger atrasados = new AtomicInteger();
        long inicio;
        long fim;
        int pedidos;

        Resultado(String nome) {
            this.nome = nome;
        }

        String resumo() {
            List<Long> a = new ArrayList<>(ack);
            Collections.sort(a);
            double segundos = (fim - inicio) / 1e9;
            return String.format(Locale.ROOT, "%d pedidos, %d 2xx, %d erros, %.0f confirmados/s; ack p50 %s p99 %s máx %s%s",
                    pedidos, a.size(), erros.get(), a.size() / segundos, ms(p(a, 0.50)), ms(p(a, 0.99)),
                    ms(a.isEmpty() ? null : a.get(a.size() - 1)),
                    atrasados.get() > 0 ? "; " + atrasados.get() + " saíram atrasados (concorrência esgotada)" : "");
        }

        String pontaAPonta(Stub stub) {
            List<Long> e2e = new ArrayList<>();
            int enviados = 0;
            int duplicados = 0;
            int faltando = 0;
            for (Map.Entry<String, Long> e : enviadoEm.entrySet()) {
                List<Long> chegadas = stub.chegadas.get(e.getKey());
                if (chegadas == null || chegadas.isEmpty()) {
                    faltando++;
                    continue;
                }
                enviados++;
                duplicados += chegadas.size() - 1;
                e2e.add(Collections.min(chegadas) - e.getValue());
            }
            Collections.sort(e2e);
            long ultima = enviadoEm.keySet().stream().map(stub.chegadas::get).filter(l -> l != null && !l.isEmpty())
                    .mapToLong(Collections::max).max().orElse(inicio);
            return String.format(Locale.ROOT, "%d enviados, %d duplicados, %d faltando; webhook → pedido à Cloud API p50 %s p95 %s p99 %s máx %s; %.0f envios/s do primeiro webhook ao último envio",
                    enviados, duplicados, faltando, ms(p(e2e, 0.50)), ms(p(e2e, 0.95)), ms(p(e2e, 0.99)),
                    ms(e2e.isEmpty() ? null : e2e.get(e2e.size() - 1)), enviados / ((ultima - inicio) / 1e9));
        }
    }

    static Long p(List<Long> ordenados, double q) {
        if (ordenados.isEmpty()) {
            return null;
        }
        return ordenados.get(Math.min(ordenados.size() - 1, (int) Math.ceil(q * ordenados.size()) - 1));
    }

    static String ms(Long nanos) {
        return nanos == null ? "—" : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    /**
     * Posts {@code total} webhooks. With a rate, open loop: request i is due at start + i/rate and its latency counts
     * from then. Without (MAX_VALUE), closed loop: as fast as {@code concorrencia} requests in flight allow.
     */
    static Resultado postar(App app, Stub stub, int taxa, int total, int concorrencia, String nome) throws Exception {
        Resultado r = new Resultado(nome);
        r.pedidos = total;
        Semaphore vagas = new Semaphore(concorrencia);
        CountDownLatch fim = new CountDownLatch(total);
        HttpClient cliente = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(concorrencia)).build();
        r.inicio = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long devido = taxa == Integer.MAX_VALUE ? System.nanoTime() : r.inicio + (long) (i * 1e9 / taxa);
            long espera = devido - System.nanoTime();
            if (espera > 0) {
                TimeUnit.NANOSECONDS.sleep(espera);
            }
            if (!vagas.tryAcquire()) {
                r.atrasados.incrementAndGet();
                vagas.acquire();
            }
            long n = SEQUENCIA.incrementAndGet();
            String tel = telefone(n);
            HttpRequest req = HttpRequest.newBuilder(URI.create(app.base + "/webhooks/hotmart"))
                    .header("Content-Type", "application/json").header("X-HOTMART-HOTTOK", HOTTOK)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(compra(n))).build();
            long due = taxa == Integer.MAX_VALUE ? System.nanoTime() : devido;
            cliente.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((resp, erro) -> {
                long agora = System.nanoTime();
                if (erro == null && resp.statusCode() / 100 == 2) {
                    r.ack.add(agora - due);
                    r.enviadoEm.put(tel, due);
                } else {
                    r.erros.incrementAndGet();
                }
                vagas.release();
                fim.countDown();
            });
        }
        fim.await(5, TimeUnit.MINUTES);
        r.fim = System.nanoTime();
        return r;
    }

    static final int LIMITE = 80;

    /**
     * The dispatch rate: sends are held (their job definition suspended) while {@code total} purchases come in, then
     * released at once, so the only thing between them and Meta is the sending rate limit. Reports the rate achieved
     * and the most sends the stand-in saw in any 1-second window.
     */
    static String envio(App app, Stub stub, int total, int concorrencia) throws Exception {
        app.envios(true);
        Resultado r = postar(app, stub, Integer.MAX_VALUE, total, concorrencia, "envio");
        long ate = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (app.enviosNaFila() < r.ack.size() && System.nanoTime() < ate) {
            Thread.sleep(1000);
        }
        long naFila = app.enviosNaFila();
        stub.momentos.clear();
        long inicio = System.nanoTime();
        app.envios(false);
        esperarEnvios(stub, r, Duration.ofMinutes(10));
        List<Long> t = new ArrayList<>(stub.momentos);
        Collections.sort(t);
        double segundos = t.size() < 2 ? 0 : (t.get(t.size() - 1) - t.get(0)) / 1e9;
        double taxa = segundos == 0 ? 0 : (t.size() - 1) / segundos;
        return String.format(Locale.ROOT, "%d envios na fila, %d chegaram à Cloud API em %.1f s (1º após %.0f ms): "
                        + "%.1f/s = %.1f%% do limite; máximo em qualquer janela de 1 s: %d",
                naFila, t.size(), segundos, t.isEmpty() ? 0 : (t.get(0) - inicio) / 1e6, taxa, 100 * taxa / LIMITE,
                stub.maximoEmUmSegundo());
    }

    static void esperarEnvios(Stub stub, Resultado r, Duration limite) throws InterruptedException {
        long ate = System.nanoTime() + limite.toNanos();
        while (System.nanoTime() < ate) {
            long faltam = r.enviadoEm.keySet().stream().filter(t -> !stub.chegadas.containsKey(t)).count();
            if (faltam == 0) {
                return;
            }
            Thread.sleep(500);
        }
    }

    // ----- where the CPU went: the app, PostgreSQL, this generator (Linux /proc; 100 ticks per second) -----

    record Cpu(double app, double postgres, double gerador) {

        static Cpu agora(App app) {
            double pg = 0;
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path d : (Iterable<Path>) dirs::iterator) {
                    String nome = d.getFileName().toString();
                    if (nome.chars().allMatch(Character::isDigit)) {
                        try {
                            if (Files.readString(d.resolve("comm")).trim().startsWith("postgres")) {
                                pg += segundos(d);
                            }
                        } catch (IOException e) {
                            // the process ended meanwhile
                        }
                    }
                }
            } catch (IOException e) {
                return new Cpu(0, 0, 0);
            }
            return new Cpu(app == null ? 0 : segundosDe(app.processo.pid()), pg, segundosDe(ProcessHandle.current().pid()));
        }

        static double segundosDe(long pid) {
            try {
                return segundos(Path.of("/proc", String.valueOf(pid)));
            } catch (IOException e) {
                return 0;
            }
        }

        static double segundos(Path proc) throws IOException {
            String stat = Files.readString(proc.resolve("stat"));
            String[] campos = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(campos[11]) + Long.parseLong(campos[12])) / 100.0; // utime + stime
        }

        /** CPU milliseconds per purchase between two samples (a PostgreSQL backend that ended in between is lost). */
        String porCompra(Cpu antes, int compras) {
            return String.format(Locale.ROOT, "CPU por compra: app %.1f ms, PostgreSQL %.1f ms, gerador %.1f ms",
                    (app - antes.app) * 1000 / compras, (postgres - antes.postgres) * 1000 / compras,
                    (gerador - antes.gerador) * 1000 / compras);
        }
    }

    // ----- the floor for ingest: the same row, bare JDBC, same concurrency -----

    static String baseline(Connection c, int concorrencia, int total) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("create table if not exists carga_base_insert (like eventos_hotmart including defaults including identity)");
            s.execute("truncate carga_base_insert");
        }
        ExecutorService pool = Executors.newFixedThreadPool(concorrencia);
        ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
        AtomicLong proximo = new AtomicLong();
        String url = c.getMetaData().getURL();
        long inicio = System.nanoTime();
        List<java.util.concurrent.Future<?>> tarefas = new ArrayList<>();
        for (int t = 0; t < concorrencia; t++) {
            tarefas.add(pool.submit(() -> {
                try (Connection con = DriverManager.getConnection(url, "postgres", "");
                     PreparedStatement ps = con.prepareStatement("""
                             insert into carga_base_insert (cliente_id, chave_evento, hotmart_event_id, evento, chave_negocio,
                                 transacao, produto_hotmart_id, email, ocorrido_em, recebido_em, payload, payload_sha256,
                                 situacao, ultima_entrega_em)
                             values (1, ?, ?, 'PURCHASE_APPROVED', ?, ?, 4100001, ?, now(), now(), ?, ?, 'PENDENTE', now())""")) {
                    long n;
                    while ((n = proximo.incrementAndGet()) <= total) {
                        long t0 = System.nanoTime();
                        String id = UUID.randomUUID().toString();
                        ps.setString(1, id);
                        ps.setString(2, id);
                        ps.setString(3, "PURCHASE_APPROVED:HPB" + n);
                        ps.setString(4, "HPB" + n);
                        ps.setString(5, "aluno" + n + "@base.example.com");
                        ps.setString(6, compra(1_000_000_000L + n));
                        ps.setString(7, String.format("%064d", n));
                        ps.executeUpdate();
                        lat.add(System.nanoTime() - t0);
                    }
                }
                return null;
            }));
        }
        for (var f : tarefas) {
            f.get();
        }
        double segundos = (System.nanoTime() - inicio) / 1e9;
        pool.shutdown();
        List<Long> a = new ArrayList<>(lat);
        Collections.sort(a);
        return String.format(Locale.ROOT, "%d linhas, %.0f inserts/s com %d conexões; p50 %s p99 %s", total,
                total / segundos, concorrencia, ms(p(a, 0.5)), ms(p(a, 0.99)));
    }

    static String conferir(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select (select count(*) from eventos_hotmart) as eventos,
                       (select count(*) from eventos_hotmart where situacao <> 'PROCESSADO') as nao_processados,
                       (select count(*) from matriculas) as matriculas,
                       (select count(*) from mensagens) as mensagens,
                       (select count(*) from (select aluno_id from mensagens group by aluno_id having count(*) > 1) x)
                           as alunos_com_duas_mensagens""")) {
            rs.next();
            return String.format("%d eventos (%d não processados), %d matrículas, %d mensagens, %d alunos com mais de uma",
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
        }
    }

    static final class Relatorio {
        final List<String> linhas = new ArrayList<>();

        void linha(String titulo, String texto) {
            String l = String.format("%-36s %s", titulo + ":", texto);
            linhas.add(l);
            System.out.println(l);
        }

        void imprimir() {
            System.out.println();
            System.out.println("==== Resultado (" + Instant.now() + ") ====");
            linhas.forEach(System.out::println);
        }
    }

    // ----- the floor for the engine: an empty process with one async step, same server, a database of its own -----

    static final class MotorPuro {

        /**
         * A setting of the application, read from its own files (the floor is the same engine with the same
         * settings, minus everything the application does): {@code caminho} in application-postgres.yaml, else in
         * application.yaml.
         */
        @SuppressWarnings("unchecked")
        static int configuracao(String... caminho) throws IOException {
            for (String arquivo : List.of("application-postgres.yaml", "application.yaml")) {
                Object no;
                try (InputStream in = Files.newInputStream(Path.of("src/main/resources", arquivo))) {
                    no = new org.yaml.snakeyaml.Yaml().load(in);
                }
                for (String chave : caminho) {
                    no = no instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(chave) : null;
                }
                if (no instanceof Number n) {
                    return n.intValue();
                }
            }
            throw new IllegalStateException("configuração ausente: " + String.join(".", caminho));
        }

        /**
         * Starts {@code total} instances of start → async service task → end from {@code concorrencia} threads on a
         * standalone Camunda engine (history full, HikariCP and job executor sized as the application's), and waits
         * until all completed. Latency = end − start of each instance, from Camunda's history.
         */
        static String medir(String pg, String banco, int concorrencia, int total) throws Exception {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            try (Connection admin = DriverManager.getConnection(pg + "postgres", "postgres", "")) {
                admin.createStatement().execute("drop database if exists " + banco);
                admin.createStatement().execute("create database " + banco);
            }
            com.zaxxer.hikari.HikariConfig conexoes = new com.zaxxer.hikari.HikariConfig();
            conexoes.setJdbcUrl(pg + banco);
            conexoes.setUsername("postgres");
            conexoes.setMaximumPoolSize(configuracao("spring", "datasource", "hikari", "maximum-pool-size"));
            com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource(conexoes);
            org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration cfg =
                    new org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration();
            cfg.setProcessEngineName("motor-puro");
            cfg.setDataSource(ds);
            // as the Spring Boot starter does: the default DbIdGenerator takes a second connection for each block of
            // ids, which deadlocks a full pool
            cfg.setIdGenerator(new org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator());
            cfg.setDatabaseSchemaUpdate("true");
            cfg.setHistory(arg("historico", "full"));
            cfg.setJobExecutorActivate(true);
            org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor executor =
                    new org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor();
            executor.setCorePoolSize(configuracao("camunda", "bpm", "job-execution", "core-pool-size"));
            executor.setMaxPoolSize(configuracao("camunda", "bpm", "job-execution", "max-pool-size"));
            executor.setQueueSize(configuracao("camunda", "bpm", "job-execution", "queue-capacity"));
            executor.setMaxJobsPerAcquisition(configuracao("camunda", "bpm", "job-execution", "max-jobs-per-acquisition"));
            cfg.setJobExecutor(executor);
            org.camunda.bpm.engine.ProcessEngine motor = cfg.buildProcessEngine();
            try {
                motor.getRepositoryService().createDeployment().addModelInstance("vazio.bpmn",
                        org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("vazio").camundaHistoryTimeToLive(1)
                                .startEvent().serviceTask("passo").camundaAsyncBefore().camundaExpression("${true}")
                                .endEvent().done()).deploy();
                ExecutorService pool = Executors.newFixedThreadPool(concorrencia);
                AtomicLong proximo = new AtomicLong();
                long inicio = System.nanoTime();
                List<java.util.concurrent.Future<?>> tarefas = new ArrayList<>();
                for (int t = 0; t < concorrencia; t++) {
                    tarefas.add(pool.submit(() -> {
                        while (proximo.incrementAndGet() <= total) {
                            motor.getRuntimeService().startProcessInstanceByKey("vazio");
                        }
                        return null;
                    }));
                }
                for (var f : tarefas) {
                    f.get();
                }
                pool.shutdown();
                long limite = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
                while (motor.getHistoryService().createHistoricProcessInstanceQuery().finished().count() < total
                        && System.nanoTime() < limite) {
                    Thread.sleep(200);
                }
                double segundos = (System.nanoTime() - inicio) / 1e9;
                List<Long> lat = new ArrayList<>();
                for (var h : motor.getHistoryService().createHistoricProcessInstanceQuery().finished().list()) {
                    lat.add(TimeUnit.MILLISECONDS.toNanos(h.getEndTime().getTime() - h.getStartTime().getTime()));
                }
                Collections.sort(lat);
                return String.format(Locale.ROOT, "%d instâncias concluídas de %d em %.1f s (%.0f/s); início → fim p50 %s p95 %s p99 %s",
                        lat.size(), total, segundos, lat.size() / segundos, ms(p(lat, 0.5)), ms(p(lat, 0.95)),
                        ms(p(lat, 0.99)));
            } finally {
                motor.close();
                ds.close();
            }
        }
    }
}
