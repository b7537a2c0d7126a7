package br.com.terceirizacs.tour;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * README.md's tour, run as written: the packaged jar ({@code java -jar target/terceiriza-cs-flows-*.jar}) starts with
 * no configuration in a folder of its own ({@code target/tour-readme}, a fresh {@code ./data}) on a free port, and
 * every bash block of the tour runs with {@code bash}, in order, from that folder (where {@code src} links to the
 * project's), with only {@code localhost:8080} replaced by that port. What a block's comments say it prints must be in
 * its output ({@link TourReadme}); a read-only block is repeated for up to 30 s while the events it reads are still
 * being processed, as a person reading the previous answer would give them time. Then what the prose promises: the
 * rescue task disappears with the first access and no welcome task is left but the one step 5 approves in Tasklist;
 * and after a restart on the same {@code ./data} the exported {@code SENHA} still works.
 * <p>
 * Run by failsafe in {@code ./mvnw verify}, after {@code package}; the output of each block and the app's log stay in
 * {@code target/tour-readme}. The JVM runs with C1 only ({@code -XX:TieredStopAtLevel=1}): it starts twice, and
 * starting is most of the test's time. Skipped, with the reason, without curl (the tour's commands need it).
 */
class TourReadmeIT {

    private static final Path PASTA = Path.of("target/tour-readme");
    private static final Duration PARTIDA = Duration.ofMinutes(3);
    private static final Duration ESPERA_BLOCO = Duration.ofSeconds(30);
    private static final List<String> BANNERS = List.of("Usuário de CS da demo", "Painel do produtor da demo",
            "Usuário administrador local");
    private static final Pattern NOME_TAREFA = Pattern.compile("\"name\":\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void oTourDoReadmeRodaComoEscritoContraOJarEmpacotado() throws Exception {
        Assumptions.assumeTrue(executar("command -v curl", Path.of("."), Duration.ofSeconds(10)).codigo() == 0,
                "curl não encontrado: os comandos do tour do README precisam dele");
        Path jar = jar();
        FileSystemUtils.deleteRecursively(PASTA);
        Files.createDirectories(PASTA);
        Files.createSymbolicLink(PASTA.resolve("src"), Path.of("src").toAbsolutePath());
        int porta = portaLivre();
        TourReadme tour = TourReadme.ler(Path.of("README.md"), porta);
        assertThat(tour.blocos()).as("blocos bash do tour").hasSizeGreaterThanOrEqualTo(10);

        String senha;
        Process app = iniciar(jar, porta, "app.log");
        try {
            aguardarPartida(app, "app.log");
            StringBuilder registro = new StringBuilder();
            for (int i = 0; i < tour.blocos().size(); i++) {
                rodar(i + 1, tour.blocos().get(i), registro);
            }
            senha = senhaAdmin();
            await().atMost(ESPERA_BLOCO).untilAsserted(() -> assertThat(tarefas(porta, senha))
                    .as("o resgate some com o primeiro acesso; com a regra de volta a automática, Bruna não tem "
                            + "tarefa de boas-vindas: só a de Joana (aprovada no Tasklist no tour) fica")
                    .singleElement().asString().startsWith("Boas-vindas: Joana Lima"));
        } finally {
            parar(app);
        }

        Process denovo = iniciar(jar, porta, "app-reinicio.log");
        try {
            aguardarPartida(denovo, "app-reinicio.log");
            assertThat(senhaAdmin()).as("a senha guardada em ./data sobrevive ao reinício").isEqualTo(senha);
            assertThat(get(porta, "/api/regras/1", senha).statusCode()).as("o SENHA exportado continua valendo")
                    .isEqualTo(200);
            assertThat(Files.readString(PASTA.resolve("app-reinicio.log"))).contains("Senha: " + senha);
        } finally {
            parar(denovo);
        }
    }

    private void rodar(int numero, TourReadme.Bloco bloco, StringBuilder registro) throws Exception {
        String script = "set -a\n[ -f .estado-tour ] && . ./.estado-tour\n" + bloco.comandos()
                + "\nstatus=$?\nexport -p > .estado-tour\nexit $status\n";
        long limite = System.nanoTime() + ESPERA_BLOCO.toNanos();
        Resultado r;
        while (true) {
            r = executar(script, PASTA, Duration.ofSeconds(60));
            boolean pronto = r.codigo() == 0 && bloco.faltando(r.saida()).isEmpty();
            if (pronto || bloco.alteraEstado() || System.nanoTime() > limite) {
                break;
            }
            Thread.sleep(500);
        }
        registro.append("### bloco ").append(numero).append('\n').append(bloco.comandos()).append("\n--- saída\n")
                .append(r.saida()).append("\n\n");
        Files.writeString(PASTA.resolve("saida-do-tour.txt"), registro);
        assertThat(r.codigo()).as("código de saída do bloco %d do tour:%n%s%n%s", numero, bloco.comandos(), r.saida())
                .isZero();
        assertThat(bloco.faltando(r.saida()))
                .as("o que o README diz que o bloco %d imprime:%n%s%n--- saída:%n%s", numero, bloco.comandos(), r.saida())
                .isEmpty();
    }

    private record Resultado(int codigo, String saida) {
    }

    private static Resultado executar(String script, Path pasta, Duration limite) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", script).directory(pasta.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] saida = p.getInputStream().readAllBytes();
        if (!p.waitFor(limite.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("o bloco passou de %s: %s", limite, script);
        }
        return new Resultado(p.exitValue(), new String(saida, StandardCharsets.UTF_8));
    }

    private static Path jar() throws IOException {
        try (Stream<Path> arquivos = Files.list(Path.of("target"))) {
            List<Path> jars = arquivos.filter(p -> p.getFileName().toString().matches("terceiriza-cs-flows-.*\\.jar"))
                    .toList();
            assertThat(jars).as("o jar de ./mvnw package em target/").hasSize(1);
            return jars.get(0).toAbsolutePath();
        }
    }

    private static Process iniciar(Path jar, int porta, String log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + porta)
                .directory(PASTA.toFile()).redirectErrorStream(true)
                .redirectOutput(PASTA.resolve(log).toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(nome -> nome.equals("ADMIN_PASSWORD") || nome.startsWith("DB_")
                || nome.startsWith("SPRING_") || nome.startsWith("TERCEIRIZA_") || nome.startsWith("WHATSAPP_"));
        return pb.start();
    }

    private static void aguardarPartida(Process app, String log) throws Exception {
        long limite = System.nanoTime() + PARTIDA.toNanos();
        while (System.nanoTime() < limite) {
            String texto = Files.readString(PASTA.resolve(log));
            if (BANNERS.stream().allMatch(texto::contains)) {
                return;
            }
            if (!app.isAlive()) {
                fail("a aplicação parou ao subir (%s):%n%s", log, texto);
            }
            Thread.sleep(250);
        }
        fail("a aplicação não subiu em %s (%s)", PARTIDA, log);
    }

    private static void parar(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(60, TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String senhaAdmin() throws IOException {
        return Files.readAllLines(PASTA.resolve("data/senhas-demo.properties")).stream()
                .filter(l -> l.startsWith("admin=")).map(l -> l.substring("admin=".length()))
                .findFirst().orElseThrow();
    }

    private List<String> tarefas(int porta, String senha) throws Exception {
        Matcher m = NOME_TAREFA.matcher(get(porta, "/engine-rest/task", senha).body());
        List<String> nomes = new ArrayList<>();
        while (m.find()) {
            nomes.add(m.group(1));
        }
        return nomes;
    }

    private HttpResponse<String> get(int porta, String caminho, String senha) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("admin:" + senha).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + porta + caminho))
                .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int portaLivre() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
