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
    static final String SENHA_ADMIN = "senha-admin-da-carga";
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

    public static void main(String[] args) throws Exception {
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
            try (Connection c = DriverManager.getConnection(pg + banco, "postgres", "")) {
                relatorio.linha("baseline: insert JDBC puro", baseline(c, concorrencia, ingestao));
            }
            relatorio.linha("baseline: motor puro", MotorPuro.medir(pg, banco + "_motor", concorrencia, ingestao));
            Resultado ingest = postar(app, stub, Integer.MAX_VALUE, ingestao, concorrencia, "ingestao");
            relatorio.linha("ingestão (o mais rápido possível)", ingest.resumo());
            esperarEnvios(stub, ingest, Duration.ofSeconds(120));
            Resultado lancamento = postar(app, stub, taxa, taxa * duracao, concorrencia, "lancamento");
            esperarEnvios(stub, lancamento, Duration.ofSeconds(60));
            relatorio.linha("lançamento " + taxa + "/s por " + duracao + " s", lancamento.resumo());
            relatorio.linha("lançamento ponta a ponta", lancamento.pontaAPonta(stub));
            try (Connection c = DriverManager.getConnection(pg + banco, "postgres", "")) {
                relatorio.linha("banco depois da carga", conferir(c));
            }
        } finally {
            app.parar();
            stub.parar();
        }
        relatorio.imprimir();
    }

    // ----- the WhatsApp Cloud API stand-in -----

    static final class Stub {
        final com.sun.net.httpserver.HttpServer servidor;
        final Map<String, List<Long>> chegadas = new ConcurrentHashMap<>();
        final AtomicLong contador = new AtomicLong();

        Stub() throws IOException {
            servidor = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            servidor.setExecutor(Executors.newFixedThreadPool(16));
            servidor.createContext("/", troca -> {
                long agora = System.nanoTime();
                String corpo;
                try (InputStream in = troca.getRequestBody()) {
                    corpo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Matcher m = PARA.matcher(corpo);
                String para = m.find() ? m.group(1) : "?";
                chegadas.computeIfAbsent(para, k -> Collections.synchronizedList(new ArrayList<>())).add(agora);
                String wamid = "wamid.CARGA" + contador.incrementAndGet();
                byte[] resposta = ("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + para
                        + "\",\"wa_id\":\"" + para + "\"}],\"messages\":[{\"id\":\"" + wamid
                        + "\",\"message_status\":\"accepted\"}]}").getBytes(StandardCharsets.UTF_8);
                troca.getResponseHeaders().add("Content-Type", "application/json");
                troca.sendResponseHeaders(200, resposta.length);
                try (OutputStream out = troca.getResponseBody()) {
                    out.write(resposta);
                }
            });
            servidor.start();
        }

        int porta() {
            return servidor.getAddress().getPort();
        }

        void parar() {
            servidor.stop(0);
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
            List<String> comando = new ArrayList<>(List.of("java"));
            if (!jvm.isBlank()) {
                comando.addAll(List.of(jvm.split(" ")));
            }
            comando.addAll(List.of("-jar", jar, "--server.port=" + porta));
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
            env.put("WHATSAPP_APP_SECRET", "segredo-da-carga");
            env.put("WHATSAPP_VERIFY_TOKEN", "verificacao-da-carga");
            Path log = Path.of("target", "carga-app.log");
            Files.createDirectories(log.getParent());
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
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
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + caminho))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("admin:" + SENHA_ADMIN).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(caminho + " respondeu " + r.statusCode() + ": " + r.body());
            }
        }

        void prepararProdutor() throws IOException, InterruptedException {
            admin("/api/clientes", "{\"nome\":\"Produtora da Carga\",\"slug\":\"produtora-carga\",\"hottok\":\"" + HOTTOK + "\"}");
            admin("/api/clientes/produtora-carga/produtos", "{\"hotmartProductId\":" + PRODUTO
                    + ",\"nome\":\"Curso do Lançamento\",\"ativoMonitoramento\":true,"
                    + "\"urlAreaMembros\":\"https://curso-lancamento.club.hotmart.com\",\"templateBoasVindas\":\"boas_vindas_acesso\"}");
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
            return String.format(Locale.ROOT, "%d enviados, %d duplicados, %d faltando; webhook → pedido à Cloud API p50 %s p95 %s p99 %s máx %s",
                    enviados, duplicados, faltando, ms(p(e2e, 0.50)), ms(p(e2e, 0.95)), ms(p(e2e, 0.99)),
                    ms(e2e.isEmpty() ? null : e2e.get(e2e.size() - 1)));
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
         * Starts {@code total} instances of start → async service task → end from {@code concorrencia} threads on a
         * standalone Camunda engine (history full, job executor with the Spring Boot starter's defaults), and waits
         * until all completed. Latency = end − start of each instance, from Camunda's history.
         */
        static String medir(String pg, String banco, int concorrencia, int total) throws Exception {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            try (Connection admin = DriverManager.getConnection(pg + "postgres", "postgres", "")) {
                admin.createStatement().execute("drop database if exists " + banco);
                admin.createStatement().execute("create database " + banco);
            }
            org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration cfg =
                    new org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration();
            cfg.setProcessEngineName("motor-puro");
            cfg.setJdbcUrl(pg + banco);
            cfg.setJdbcUsername("postgres");
            cfg.setJdbcPassword("");
            cfg.setJdbcDriver("org.postgresql.Driver");
            cfg.setJdbcMaxActiveConnections(concorrencia + 10);
            cfg.setDatabaseSchemaUpdate("true");
            cfg.setHistory("full");
            cfg.setJobExecutorActivate(true);
            org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor executor =
                    new org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor();
            executor.setCorePoolSize(3);
            executor.setMaxPoolSize(10);
            executor.setQueueSize(3);
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
            }
        }
    }
}
