// Fault scripts of the launch-day spine (docs/benchmarks.md, "Fault scripts"). Run them with ./carga/falhas.
// Plain Java 17; the stand-in for the Cloud API, the app launcher and the purchases come from GeradorDeCarga.
//
// Each scenario starts from an empty PostgreSQL database, plays "Hotmart" (unique PURCHASE_APPROVED webhooks at a
// steady rate; what did not get a 2xx is delivered again later, as Hotmart does) and "Meta" (the stand-in, which
// also posts the signed "sent" status webhooks Meta posts), breaks something, and then checks the database and the
// stand-in: every acknowledged purchase processed exactly once, nobody messaged twice, nothing acknowledged lost.
// Scenarios (--cenarios): matar (kill -9 ×20), whatsapp (the Cloud API failing), dois-nos (two nodes, one database),
// postgres (PostgreSQL stopped for 15 s), postgres-fila (PostgreSQL restarted for about a second while a send backlog
// drains: Hotmart's answers within 2 s or a 503 with Retry-After, never a 500; thread dumps of the app taken meanwhile).
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public class Falhas {

    static final String PG = "jdbc:postgresql://127.0.0.1:5432/";

    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            GeradorDeCarga.ARGS.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String jar = GeradorDeCarga.arg("jar", "target/terceiriza-cs-flows-0.1.0-SNAPSHOT.jar");
        Map<String, String> resultados = new LinkedHashMap<>();
        boolean tudoPassou = true;
        for (String cenario : GeradorDeCarga.arg("cenarios", "matar,whatsapp,dois-nos,postgres,postgres-fila").split(",")) {
            System.out.println("\n######## cenário " + cenario + " ########");
            long inicio = System.nanoTime();
            Veredito v;
            try {
                v = switch (cenario) {
                    case "matar" -> matar(jar, GeradorDeCarga.argInt("tentativas", 20));
                    case "whatsapp" -> whatsapp(jar);
                    case "dois-nos" -> doisNos(jar);
                    case "postgres" -> postgres(jar);
                    case "postgres-fila" -> postgresFila(jar);
                    default -> throw new IllegalArgumentException("cenário desconhecido: " + cenario);
                };
            } catch (Exception e) {
                e.printStackTrace();
                v = new Veredito(false, "erro do script: " + e);
            }
            String linha = String.format(Locale.ROOT, "%s em %.0f s: %s", v.passou() ? "PASSOU" : "FALHOU",
                    (System.nanoTime() - inicio) / 1e9, v.texto());
            System.out.println(cenario + ": " + linha);
            resultados.put(cenario, linha);
            tudoPassou &= v.passou();
        }
        System.out.println("\n==== Cenários de falha ====");
        resultados.forEach((c, l) -> System.out.printf("%-13s %s%n", c, l));
        System.exit(tudoPassou ? 0 : 1);
    }

    record Veredito(boolean passou, String texto) {
    }

    // ----- Hotmart: posts, remembers what was acknowledged, delivers the rest again -----

    static final class Compra {
        final long n;
        final String telefone;
        final String corpo;
        volatile boolean confirmada;
        final AtomicInteger entregas = new AtomicInteger();

        Compra(long n) {
            this.n = n;
            this.telefone = GeradorDeCarga.telefone(n);
            this.corpo = GeradorDeCarga.compra(n);
        }

        String transacao() {
            return "HPC" + String.format("%09d", n);
        }
    }

    static final class Hotmart {
        final List<Compra> compras = new ArrayList<>();
        final ConcurrentLinkedQueue<Compra> pendentes = new ConcurrentLinkedQueue<>();
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).executor(Executors.newFixedThreadPool(16)).build();
        final AtomicInteger confirmadas = new AtomicInteger();
        final AtomicInteger recusadas = new AtomicInteger();
        final AtomicInteger semResposta = new AtomicInteger();
        /** Set while a scenario's outage lasts: any 2xx then would be a false acknowledgement. */
        final AtomicBoolean foraDoAr = new AtomicBoolean();
        final AtomicInteger confirmadasForaDoAr = new AtomicInteger();
        final AtomicInteger recusadasForaDoAr = new AtomicInteger();
        /** How long each delivery took to be answered (or to fail), and the answers by status code (0: none). */
        final ConcurrentLinkedQueue<Long> latencias = new ConcurrentLinkedQueue<>();
        final Map<Integer, AtomicInteger> codigos = new ConcurrentHashMap<>();
        final AtomicInteger status503SemRetryAfter = new AtomicInteger();
        final AtomicLong proximo = new AtomicLong();
        volatile List<String> nos;
        volatile boolean postando;

        Hotmart(List<String> nos) {
            this.nos = nos;
        }

        /** Posts new purchases at {@code porSegundo} until {@link #parar()}; redelivers the unacknowledged every 2 s. */
        Thread iniciar(int porSegundo) {
            postando = true;
            Thread t = new Thread(() -> {
                long inicio = System.nanoTime();
                long i = 0;
                long ultimaReentrega = System.nanoTime();
                while (postando) {
                    long devido = inicio + (long) (i * 1e9 / porSegundo);
                    long espera = devido - System.nanoTime();
                    if (espera > 0) {
                        GeradorDeCarga.dormir(TimeUnit.NANOSECONDS.toMillis(espera) + 1);
                    }
                    Compra c = new Compra(GeradorDeCarga.SEQUENCIA.incrementAndGet());
                    synchronized (compras) {
                        compras.add(c);
                    }
                    entregar(c);
                    i++;
                    if (System.nanoTime() - ultimaReentrega > TimeUnit.SECONDS.toNanos(2)) {
                        reentregar();
                        ultimaReentrega = System.nanoTime();
                    }
                }
            }, "hotmart");
            t.start();
            return t;
        }

        void parar() {
            postando = false;
        }

        void entregar(Compra c) {
            List<String> destinos = nos;
            String no = destinos.get((int) (proximo.getAndIncrement() % destinos.size()));
            boolean fora = foraDoAr.get();
            c.entregas.incrementAndGet();
            long enviadaEm = System.nanoTime();
            http.sendAsync(HttpRequest.newBuilder(URI.create(no + "/webhooks/hotmart"))
                            .header("Content-Type", "application/json")
                            .header("X-HOTMART-HOTTOK", GeradorDeCarga.HOTTOK).timeout(Duration.ofSeconds(15))
                            .POST(HttpRequest.BodyPublishers.ofString(c.corpo)).build(),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((r, erro) -> {
                latencias.add(System.nanoTime() - enviadaEm);
                codigos.computeIfAbsent(erro == null ? r.statusCode() : 0, k -> new AtomicInteger()).incrementAndGet();
                if (erro == null && r.statusCode() == 503 && r.headers().firstValue("Retry-After").isEmpty()) {
                    status503SemRetryAfter.incrementAndGet();
                }
                boolean ok = erro == null && r.statusCode() / 100 == 2;
                if (ok) {
                    if (!c.confirmada) {
                        c.confirmada = true;
                        confirmadas.incrementAndGet();
                    }
                    if (fora && foraDoAr.get()) {
                        confirmadasForaDoAr.incrementAndGet();
                    }
                } else {
                    if (erro == null) {
                        recusadas.incrementAndGet();
                    } else {
                        semResposta.incrementAndGet();
                    }
                    if (fora) {
                        recusadasForaDoAr.incrementAndGet();
                    }
                    if (!c.confirmada) {
                        pendentes.add(c);
                    }
                }
            });
        }

        void reentregar() {
            int n = pendentes.size();
            for (int i = 0; i < n; i++) {
                Compra c = pendentes.poll();
                if (c != null && !c.confirmada) {
                    entregar(c);
                }
            }
        }

        /** After the run: delivers again until every purchase got its 2xx (Hotmart keeps trying for days). */
        boolean entregarTudo(Duration limite) {
            long ate = System.nanoTime() + limite.toNanos();
            while (System.nanoTime() < ate) {
                GeradorDeCarga.dormir(2000);
                if (todas().stream().allMatch(c -> c.confirmada)) {
                    return true;
                }
                reentregar();
            }
            return false;
        }

        List<Compra> todas() {
            synchronized (compras) {
                return new ArrayList<>(compras);
            }
        }

        /** Answer time p50/p99/max over every delivery of the run, and the answers by status code. */
        String respostas() {
            List<Long> t = new ArrayList<>(latencias);
            Collections.sort(t);
            return String.format(Locale.ROOT, "resposta à Hotmart p50 %s, p99 %s, máx %s; códigos %s",
                    GeradorDeCarga.ms(GeradorDeCarga.p(t, 0.50)), GeradorDeCarga.ms(GeradorDeCarga.p(t, 0.99)),
                    GeradorDeCarga.ms(t.isEmpty() ? null : t.get(t.size() - 1)), new java.util.TreeMap<>(codigos));
        }

        long p99() {
            List<Long> t = new ArrayList<>(latencias);
            Collections.sort(t);
            Long p = GeradorDeCarga.p(t, 0.99);
            return p == null ? 0 : p;
        }

        int respostas(int codigo) {
            AtomicInteger n = codigos.get(codigo);
            return n == null ? 0 : n.get();
        }

        String resumo() {
            return String.format(Locale.ROOT, "%d compras, %d entregas, %d confirmadas, %d recusadas (não 2xx), %d sem resposta",
                    todas().size(), todas().stream().mapToInt(c -> c.entregas.get()).sum(), confirmadas.get(),
                    recusadas.get(), semResposta.get());
        }
    }

    // ----- the checks after a scenario -----

    /**
     * Every acknowledged purchase: one event row, processed; one enrolment; at most one message; at the stand-in, at
     * most one accepted request per student. A purchase without a welcome is accepted only when the spine is waiting
     * for a person on it (an uncertain send: killed between claiming the send and Meta's answer).
     */
    static Veredito conferir(String banco, Hotmart hotmart, GeradorDeCarga.Stub stub, Duration espera) throws Exception {
        List<Compra> confirmadas = hotmart.todas().stream().filter(c -> c.confirmada).toList();
        long ate = System.nanoTime() + espera.toNanos();
        Map<String, String> status = Map.of();
        int faltando = Integer.MAX_VALUE;
        while (System.nanoTime() < ate) {
            status = statusDasMensagens(banco);
            final Map<String, String> s = status;
            faltando = (int) confirmadas.stream().filter(c -> !stub.chegadas.containsKey(c.telefone)
                    && !"INCERTA".equals(s.get(c.telefone))).count();
            if (faltando == 0
                    && contar(banco, "select count(*) from eventos_hotmart where situacao = 'PROCESSADO'") >= confirmadas.size()) {
                break;
            }
            GeradorDeCarga.dormir(2000);
        }
        int duplicadas = 0;
        int enviadas = 0;
        int incertas = 0;
        for (Compra c : confirmadas) {
            List<Long> chegadas = stub.chegadas.get(c.telefone);
            if (chegadas != null) {
                enviadas++;
                duplicadas += chegadas.size() - 1;
            } else if ("INCERTA".equals(status.get(c.telefone))) {
                incertas++;
            }
        }
        List<String> problemas = new ArrayList<>();
        try (Connection con = DriverManager.getConnection(PG + banco, "postgres", "");
             Statement st = con.createStatement()) {
            Map<String, Long> n = new HashMap<>();
            for (String[] q : new String[][]{
                    {"eventos", "select count(*) from eventos_hotmart where evento = 'PURCHASE_APPROVED'"},
                    {"naoProcessados", "select count(*) from eventos_hotmart where situacao <> 'PROCESSADO'"},
                    {"matriculas", "select count(*) from matriculas"},
                    {"matriculasRepetidas", "select count(*) from (select transacao_codigo from matriculas group by transacao_codigo having count(*) > 1) x"},
                    {"filasRepetidas", "select count(*) from (select matricula_id from filas_disparo group by matricula_id having count(*) > 1) x"},
                    {"mensagensRepetidas", "select count(*) from (select aluno_id from mensagens group by aluno_id having count(*) > 1) x"},
                    // root causes only: an incident in disparo is echoed on the onboarding's call activity
                    {"incidentes", "select count(*) from act_ru_incident where id_ = root_cause_incident_id_"},
                    // an uncertain send waits for an operator's decision: a task, not an incident
                    {"tarefasIncertas", "select count(*) from act_ru_task"
                            + " where task_def_key_ = 'Tarefa_ConfirmarEnvioIncerto'"}}) {
                try (ResultSet rs = st.executeQuery(q[1])) {
                    rs.next();
                    n.put(q[0], rs.getLong(1));
                }
            }
            int semEvento = 0;
            try (ResultSet rs = st.executeQuery("select transacao from eventos_hotmart where situacao = 'PROCESSADO'")) {
                java.util.Set<String> processadas = new java.util.HashSet<>();
                while (rs.next()) {
                    processadas.add(rs.getString(1));
                }
                for (Compra c : confirmadas) {
                    if (!processadas.contains(c.transacao())) {
                        semEvento++;
                    }
                }
            }
            if (semEvento > 0) {
                problemas.add(semEvento + " compras confirmadas sem evento processado");
            }
            if (n.get("matriculas") != confirmadas.size()) {
                problemas.add(n.get("matriculas") + " matrículas para " + confirmadas.size() + " compras confirmadas");
            }
            for (String k : List.of("naoProcessados", "matriculasRepetidas", "filasRepetidas", "mensagensRepetidas")) {
                if (n.get(k) != 0) {
                    problemas.add(k + " = " + n.get(k));
                }
            }
            if (duplicadas > 0) {
                problemas.add(duplicadas + " mensagens repetidas na Cloud API");
            }
            if (faltando > 0) {
                problemas.add(faltando + " compras confirmadas sem boas-vindas e sem envio incerto à espera da operação");
            }
            if (n.get("incidentes") != 0) {
                problemas.add(n.get("incidentes") + " incidentes");
            }
            String texto = String.format(Locale.ROOT, "%s; %d confirmadas: %d eventos, %d matrículas, %d boas-vindas na Cloud API, "
                            + "%d repetidas, %d envios incertos à espera da operação (tarefas 'Confirmar envio incerto': %d), %d incidentes",
                    hotmart.resumo(), confirmadas.size(), n.get("eventos"), n.get("matriculas"), enviadas, duplicadas,
                    incertas, n.get("tarefasIncertas"), n.get("incidentes"));
            return new Veredito(problemas.isEmpty(), texto + (problemas.isEmpty() ? "" : " — PROBLEMAS: " + problemas));
        }
    }

    static Map<String, String> statusDasMensagens(String banco) throws Exception {
        Map<String, String> m = new HashMap<>();
        try (Connection con = DriverManager.getConnection(PG + banco, "postgres", "");
             Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("select telefone, status from mensagens")) {
            while (rs.next()) {
                m.put(rs.getString(1).replaceAll("\\D", ""), rs.getString(2));
            }
        }
        return m;
    }

    static String novoBanco(String nome) throws Exception {
        String banco = "terceiriza_falha_" + nome.replace('-', '_');
        try (Connection admin = DriverManager.getConnection(PG + "postgres", "postgres", "")) {
            admin.createStatement().execute("drop database if exists " + banco);
            admin.createStatement().execute("create database " + banco);
        }
        return banco;
    }

    static Path log(String nome) {
        return Path.of("target", "falhas", nome + ".log");
    }

    /** One node on a fresh database, the producer created, "Meta" posting statuses to it, "Hotmart" posting. */
    record Palco(String banco, GeradorDeCarga.Stub stub, GeradorDeCarga.App app, Hotmart hotmart) {

        static Palco montar(String nome, String jar, int porSegundo) throws Exception {
            String banco = novoBanco(nome);
            GeradorDeCarga.Stub stub = new GeradorDeCarga.Stub();
            GeradorDeCarga.App app = GeradorDeCarga.App.iniciar(jar, PG + banco, GeradorDeCarga.argInt("porta", 18080),
                    stub.porta(), "", List.of(), log(nome), false);
            app.prepararProdutor();
            stub.statusPara = List.of(app.base);
            Hotmart hotmart = new Hotmart(List.of(app.base));
            hotmart.iniciar(GeradorDeCarga.argInt("taxa", porSegundo));
            return new Palco(banco, stub, app, hotmart);
        }

        void desmontar() throws InterruptedException {
            hotmart.parar();
            app.parar();
            stub.parar();
        }
    }

    // ----- kill -9 at random moments while webhooks flow -----

    static Veredito matar(String jar, int tentativas) throws Exception {
        String banco = novoBanco("matar");
        GeradorDeCarga.Stub stub = new GeradorDeCarga.Stub();
        int porta = GeradorDeCarga.argInt("porta", 18080);
        GeradorDeCarga.App app = GeradorDeCarga.App.iniciar(jar, PG + banco, porta, stub.porta(), "", List.of(),
                log("matar"), false);
        app.prepararProdutor();
        stub.statusPara = List.of(app.base);
        Hotmart hotmart = new Hotmart(List.of(app.base));
        // a steady trickle: the app is down about half of the time, and what it missed is delivered again
        hotmart.iniciar(GeradorDeCarga.argInt("taxa", 5));
        Random sorte = new Random(GeradorDeCarga.argInt("semente", 42));
        try {
            for (int i = 1; i <= tentativas; i++) {
                long vivo = 2_000 + sorte.nextInt(6_000);
                GeradorDeCarga.dormir(vivo);
                app.matar();
                System.out.printf("kill -9 %d/%d após %d ms no ar (%s)%n", i, tentativas, vivo, hotmart.resumo());
                app = GeradorDeCarga.App.iniciar(jar, PG + banco, porta, stub.porta(), "", List.of(), log("matar"), true);
            }
            GeradorDeCarga.dormir(3_000);
        } finally {
            hotmart.parar();
        }
        try {
            if (!hotmart.entregarTudo(Duration.ofMinutes(2))) {
                return new Veredito(false, "a Hotmart não conseguiu entregar tudo: " + hotmart.resumo());
            }
            return conferir(banco, hotmart, stub, Duration.ofMinutes(10));
        } finally {
            app.parar();
            stub.parar();
        }
    }

    // ----- the Cloud API failing for a while -----

    static Veredito whatsapp(String jar) throws Exception {
        Palco palco = Palco.montar("whatsapp", jar, 10);
        GeradorDeCarga.Stub stub = palco.stub();
        Hotmart hotmart = palco.hotmart();
        try {
            int fase = GeradorDeCarga.argInt("fase", 15);
            for (GeradorDeCarga.Modo modo : List.of(GeradorDeCarga.Modo.ERRO_500, GeradorDeCarga.Modo.LIMITE_130429,
                    GeradorDeCarga.Modo.LENTO, GeradorDeCarga.Modo.SEM_RESPOSTA)) {
                GeradorDeCarga.dormir(5_000);
                stub.modo = modo;
                System.out.printf("Cloud API: %s por %d s (%s)%n", modo, fase, hotmart.resumo());
                GeradorDeCarga.dormir(fase * 1000L);
                stub.modo = GeradorDeCarga.Modo.NORMAL;
            }
            GeradorDeCarga.dormir(5_000);
            hotmart.parar();
            hotmart.entregarTudo(Duration.ofMinutes(1));
            // failed sends retry after 10 s, 30 s, 2 min (the activity's retry cycle)
            Veredito v = conferir(palco.banco(), hotmart, stub, Duration.ofMinutes(5));
            return new Veredito(v.passou(), v.texto() + String.format("; a Cloud API recusou %d pedidos", stub.recusados.get()));
        } finally {
            palco.desmontar();
        }
    }

    // ----- two nodes on one database -----

    static Veredito doisNos(String jar) throws Exception {
        String banco = novoBanco("dois_nos");
        GeradorDeCarga.Stub stub = new GeradorDeCarga.Stub();
        ZoneId fuso = ZoneId.of("America/Sao_Paulo");
        int porta = GeradorDeCarga.argInt("porta", 18080);
        GeradorDeCarga.App a = GeradorDeCarga.App.iniciar(jar, PG + banco, porta, stub.porta(), "", List.of(),
                log("dois-nos-a"), false);
        GeradorDeCarga.App b = GeradorDeCarga.App.iniciar(jar, PG + banco, porta + 1, stub.porta(), "", List.of(),
                log("dois-nos-b"), false);
        // the rescue's hour lives in the diagram's timer: move it to two minutes from now, as a process owner
        // would, by deploying the changed diagram to one node (docs/runbook.md, "Schedules")
        LocalTime disparo = LocalTime.now(fuso).plusMinutes(2).withSecond(0).withNano(0);
        implantarComoOModeler(a, "resgate-acesso.bpmn", java.nio.file.Files.readString(Path.of("processes/resgate-acesso.bpmn"))
                .replaceFirst("(<timeCycle[^>]*>)[^<]*(</timeCycle>)",
                        "$1R/" + java.time.LocalDate.now(fuso) + "T" + disparo + ":00-03:00/PT24H$2"));
        try {
            a.prepararProdutor();
            stub.statusPara = List.of(a.base, b.base);
            Hotmart hotmart = new Hotmart(List.of(a.base, b.base));
            hotmart.iniciar(GeradorDeCarga.argInt("taxa", 30));
            GeradorDeCarga.dormir(GeradorDeCarga.argInt("duracao", 40) * 1000L);
            hotmart.parar();
            hotmart.entregarTudo(Duration.ofMinutes(1));
            Veredito v = conferir(banco, hotmart, stub, Duration.ofMinutes(3));
            // the daily rescue: one timer job for the cluster, fired once, whichever node took it
            long ate = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            long execucoes = 0;
            while (System.nanoTime() < ate) {
                execucoes = contar(banco, "select count(*) from resgate_execucoes");
                if (execucoes > 0 && LocalTime.now(fuso).isAfter(disparo.plusSeconds(30))) {
                    break;
                }
                GeradorDeCarga.dormir(2000);
            }
            long erros = contarNoLog(log("dois-nos-a"), "OptimisticLockingException")
                    + contarNoLog(log("dois-nos-b"), "OptimisticLockingException");
            boolean passou = v.passou() && execucoes == 1 && hotmart.recusadas.get() == 0 && hotmart.semResposta.get() == 0;
            return new Veredito(passou, v.texto() + String.format("; resgate diário das %s executado %d vez(es); "
                    + "%d respostas não 2xx à Hotmart; %d linhas de OptimisticLockingException nos logs (resolvidas pelo motor)",
                    disparo, execucoes, hotmart.recusadas.get() + hotmart.semResposta.get(), erros));
        } finally {
            a.parar();
            b.parar();
            stub.parar();
        }
    }

    /** What Camunda Modeler's "Deploy" sends (multipart, deployment name, source, changed only), as the admin. */
    static void implantarComoOModeler(GeradorDeCarga.App app, String arquivo, String xml) throws Exception {
        String f = "----fronteira" + System.nanoTime();
        StringBuilder corpo = new StringBuilder();
        for (String[] campo : List.of(new String[] {"deployment-name", "resgate-acesso"},
                new String[] {"deploy-changed-only", "true"}, new String[] {"deployment-source", "Camunda Modeler"})) {
            corpo.append("--").append(f).append("\r\nContent-Disposition: form-data; name=\"").append(campo[0])
                    .append("\"\r\n\r\n").append(campo[1]).append("\r\n");
        }
        corpo.append("--").append(f).append("\r\nContent-Disposition: form-data; name=\"").append(arquivo)
                .append("\"; filename=\"").append(arquivo).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .append(xml).append("\r\n--").append(f).append("--\r\n");
        HttpResponse<String> r = app.http.send(HttpRequest.newBuilder(URI.create(app.base + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + f)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("admin:" + GeradorDeCarga.SENHA_ADMIN).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(corpo.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("implantação de " + arquivo + " respondeu " + r.statusCode() + ": " + r.body());
        }
    }

    static long contar(String banco, String sql) throws Exception {
        try (Connection con = DriverManager.getConnection(PG + banco, "postgres", "");
             Statement st = con.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long contarNoLog(Path log, String texto) throws Exception {
        try (var linhas = java.nio.file.Files.lines(log)) {
            return linhas.filter(l -> l.contains(texto)).count();
        }
    }

    // ----- PostgreSQL restarted under load -----

    static Veredito postgres(String jar) throws Exception {
        Palco palco = Palco.montar("postgres", jar, 20);
        Hotmart hotmart = palco.hotmart();
        try {
            GeradorDeCarga.dormir(10_000);
            String versao = new String(new ProcessBuilder("bash", "-c", "ls /etc/postgresql | sort -V | tail -n 1")
                    .start().getInputStream().readAllBytes()).trim();
            hotmart.foraDoAr.set(true);
            executar("pg_ctlcluster", "--skip-systemctl-redirect", versao, "main", "stop", "-m", "fast");
            System.out.println("PostgreSQL parado (" + hotmart.resumo() + ")");
            GeradorDeCarga.dormir(GeradorDeCarga.argInt("queda", 15) * 1000L);
            executar("pg_ctlcluster", "--skip-systemctl-redirect", versao, "main", "start");
            hotmart.foraDoAr.set(false);
            System.out.println("PostgreSQL de volta (" + hotmart.resumo() + ")");
            int recusadasNaQueda = hotmart.recusadasForaDoAr.get();
            GeradorDeCarga.dormir(20_000);
            int antes = hotmart.confirmadas.get();
            GeradorDeCarga.dormir(5_000);
            boolean voltou = hotmart.confirmadas.get() > antes;
            hotmart.parar();
            hotmart.entregarTudo(Duration.ofMinutes(1));
            Veredito v = conferir(palco.banco(), hotmart, palco.stub(), Duration.ofMinutes(4));
            // a 2xx is false only if its purchase is not in the database: conferir() checks every one of them
            boolean passou = v.passou() && recusadasNaQueda > 0 && voltou;
            return new Veredito(passou, v.texto() + String.format("; com o banco fora do ar: %d não 2xx, %d 2xx "
                    + "(todas gravadas, ver acima); depois da volta a aplicação %s sem reinício", recusadasNaQueda,
                    hotmart.confirmadasForaDoAr.get(), voltou ? "voltou a confirmar" : "NÃO voltou a confirmar"));
        } finally {
            palco.desmontar();
        }
    }

    // ----- PostgreSQL restarted for about a second while a send backlog drains -----

    /**
     * Builds a send backlog (the sends held while purchases come in, then released; Meta answering in
     * {@code --latencia-meta} ms and posting its status webhooks up to {@code --concorrencia-meta} at once), restarts
     * PostgreSQL ({@code pg_ctlcluster … restart}, about a second) while Hotmart keeps posting, and takes thread
     * dumps of the app 3, 8 and 15 s after. Passes when Hotmart's answers keep p99
     * ≤ 2 s (a 503 with Retry-After counts as an answer), no 500 and no request left unanswered, and the usual checks
     * hold (every acknowledged purchase processed once, welcomed at most once).
     */
    static Veredito postgresFila(String jar) throws Exception {
        Palco palco = Palco.montar("postgres-fila", jar, 20);
        GeradorDeCarga.App app = palco.app();
        Hotmart hotmart = palco.hotmart();
        palco.stub().atrasoMs = GeradorDeCarga.argInt("latencia-meta", 200);
        // Meta posts its status webhooks in parallel, and again after each failure
        palco.stub().postagem = Executors.newFixedThreadPool(GeradorDeCarga.argInt("concorrencia-meta", 64), r -> {
            Thread t = new Thread(r, "meta-status");
            t.setDaemon(true);
            return t;
        });
        try {
            app.envios(true);
            GeradorDeCarga.dormir(GeradorDeCarga.argInt("acumular", 40) * 1000L);
            long naFila = app.enviosNaFila();
            app.envios(false);
            System.out.printf("%d envios liberados de uma vez (%s)%n", naFila, hotmart.resumo());
            GeradorDeCarga.dormir(3_000);
            // a send job whose transaction read the definition as suspended but committed after the release stays
            // suspended: release once more, now that every such transaction has ended
            app.envios(false);
            String versao = new String(new ProcessBuilder("bash", "-c", "ls /etc/postgresql | sort -V | tail -n 1")
                    .start().getInputStream().readAllBytes()).trim();
            long reinicio = System.nanoTime();
            executar("pg_ctlcluster", "--skip-systemctl-redirect", versao, "main", "restart");
            double queda = (System.nanoTime() - reinicio) / 1e9;
            System.out.printf(Locale.ROOT, "PostgreSQL reiniciado em %.1f s (%s)%n", queda, hotmart.resumo());
            List<String> despejos = new ArrayList<>();
            for (int segundos : new int[]{3, 8, 15}) {
                GeradorDeCarga.dormir(Math.max(0, reinicio + TimeUnit.SECONDS.toNanos(segundos) - System.nanoTime()) / 1_000_000);
                despejos.add(segundos + " s: " + despejo(app, "postgres-fila-" + segundos + "s"));
            }
            despejos.forEach(d -> System.out.println("threads à espera de conexão " + d));
            GeradorDeCarga.dormir(Math.max(0, reinicio + TimeUnit.SECONDS.toNanos(40) - System.nanoTime()) / 1_000_000);
            hotmart.parar();
            hotmart.entregarTudo(Duration.ofMinutes(2));
            Veredito v = conferir(palco.banco(), hotmart, palco.stub(), Duration.ofMinutes(5));
            long p99 = hotmart.p99();
            int outros5xx = hotmart.codigos.entrySet().stream().filter(e -> e.getKey() / 100 == 5 && e.getKey() != 503)
                    .mapToInt(e -> e.getValue().get()).sum();
            long esgotado = contarNoLog(log("postgres-fila"), "Connection is not available");
            boolean passou = v.passou() && p99 <= TimeUnit.SECONDS.toNanos(2) && outros5xx == 0
                    && hotmart.semResposta.get() == 0 && hotmart.status503SemRetryAfter.get() == 0;
            return new Veredito(passou, v.texto() + String.format(Locale.ROOT, "; %d envios represados, PostgreSQL "
                            + "reiniciado em %.1f s; %s; %d respostas 503 (%d sem Retry-After), %d outras 5xx; "
                            + "%d linhas 'Connection is not available' no log; threads à espera de conexão: %s",
                    naFila, queda, hotmart.respostas(), hotmart.respostas(503), hotmart.status503SemRetryAfter.get(),
                    outros5xx, esgotado, despejos));
        } finally {
            palco.desmontar();
        }
    }

    /**
     * {@code jcmd <pid> Thread.print -l} into target/falhas/{nome}.txt; returns how many threads wait for a pooled
     * connection (a HikariPool.getConnection frame), by thread name without its number.
     */
    static String despejo(GeradorDeCarga.App app, String nome) throws Exception {
        Path arquivo = Path.of("target", "falhas", nome + ".txt");
        Process p = new ProcessBuilder("jcmd", String.valueOf(app.processo.pid()), "Thread.print", "-l")
                .redirectErrorStream(true).redirectOutput(arquivo.toFile()).start();
        p.waitFor(30, TimeUnit.SECONDS);
        Map<String, Integer> esperando = new java.util.TreeMap<>();
        for (String bloco : java.nio.file.Files.readString(arquivo).split("\n\\s*\n")) {
            if (bloco.startsWith("\"") && bloco.contains("HikariPool.getConnection")) {
                String thread = bloco.substring(1, bloco.indexOf('"', 1)).replaceAll("-?\\d+$", "");
                esperando.merge(thread, 1, Integer::sum);
            }
        }
        return esperando + " (" + arquivo + ")";
    }

    static void executar(String... comando) throws Exception {
        Process p = new ProcessBuilder(comando).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", comando) + " saiu com " + p.exitValue());
        }
    }
}
