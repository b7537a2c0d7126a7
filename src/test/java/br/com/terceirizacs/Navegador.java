package br.com.terceirizacs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for the screens people use. Explicit binary and driver paths (Selenium Manager never
 * runs). Without Chromium the test is skipped with the reason, unless TERCEIRIZA_NAVEGADOR_OBRIGATORIO=true (CI).
 */
public final class Navegador implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path perfil;

    private Navegador(ChromeDriver driver, Path perfil) {
        this.driver = driver;
        this.perfil = perfil;
    }

    public static Navegador abrir() throws IOException {
        boolean disponivel = CHROMIUM.canExecute() && DRIVER.canExecute();
        if (!disponivel) {
            String motivo = "Chromium ausente (" + CHROMIUM + ", " + DRIVER + "): instale os pacotes Debian chromium e "
                    + "chromium-driver para rodar os testes de navegador";
            if ("true".equals(System.getenv("TERCEIRIZA_NAVEGADOR_OBRIGATORIO"))) {
                throw new IllegalStateException(motivo);
            }
            Assumptions.abort(motivo);
        }
        Path perfil = Files.createTempDirectory("chromium-teste-");
        ChromeOptions opcoes = new ChromeOptions();
        opcoes.setBinary(CHROMIUM);
        opcoes.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + perfil, "--window-size=1400,1000", "--lang=pt-BR");
        // a Brazilian person's browser: navigator.languages and Accept-Language say pt-BR first
        opcoes.setExperimentalOption("prefs", Map.of("intl.accept_languages", "pt-BR,pt"));
        ChromeDriverService servico = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
        ChromeDriver driver = new ChromeDriver(servico, opcoes);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return new Navegador(driver, perfil);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Keeps a screenshot under target/ (test artifact). */
    public void fotografar(String nome) throws IOException {
        Path destino = Path.of("target", "capturas", nome + ".png");
        Files.createDirectories(destino.getParent());
        Files.write(destino, driver.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Keeps a screenshot of the whole page, below the fold included, at the window's width (Chromium's own capture),
     * once the charts' animations are over.
     */
    public void fotografarPaginaInteira(String nome) throws IOException, InterruptedException {
        Thread.sleep(1500);
        Object altura = driver.executeScript("return document.documentElement.scrollHeight");
        Object largura = driver.executeScript("return document.documentElement.clientWidth");
        Map<String, Object> resultado = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", largura, "height", altura, "scale", 1)));
        Path destino = Path.of("target", "capturas", nome + ".png");
        Files.createDirectories(destino.getParent());
        Files.write(destino, Base64.getDecoder().decode((String) resultado.get("data")));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> arquivos = Files.walk(perfil)) {
                arquivos.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
