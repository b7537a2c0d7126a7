package br.com.terceirizacs.bi;

import java.time.Duration;
import java.time.Instant;

import br.com.terceirizacs.Navegador;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** The producer's dashboard in headless Chromium: login, the headline of a turma, and a live change on screen. */
class PainelNavegadorTest extends PainelBase {

    @Test
    void oProdutorEntraLeAMancheteDaTurmaEVeUmNovoAcessoChegarSemRecarregar() throws Exception {
        Fixtura f = montarFixtura();
        criarUsuarioProdutor(SLUG, EMAIL_PRODUTOR, SENHA_PRODUTOR);
        // a ninth buyer in the turma by offer code, who has not accessed yet
        compra("Olga", 9, 4100001L, "vip10", Instant.now().minus(Duration.ofHours(2)));

        try (Navegador navegador = Navegador.abrir()) {
            WebDriver driver = navegador.driver();
            WebDriverWait espera = new WebDriverWait(driver, Duration.ofSeconds(10));
            driver.get(url("/painel"));
            espera.until(ExpectedConditions.urlContains("/login"));
            driver.findElement(By.id("username")).sendKeys(EMAIL_PRODUTOR);
            driver.findElement(By.id("password")).sendKeys(SENHA_PRODUTOR);
            driver.findElement(By.id("entrar")).click();
            espera.until(ExpectedConditions.urlContains("/painel/" + SLUG));

            // the filter: product, then the turma by offer code
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("filtro-produto")))
                    .selectByValue(String.valueOf(f.produtoCurso()));
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("filtro-turma")))
                    .selectByValue(String.valueOf(f.turmaOferta()));
            driver.findElement(By.cssSelector("form.filtros button[type=submit]")).click();
            espera.until(ExpectedConditions.urlContains("turma=" + f.turmaOferta()));

            // fixture: Ana came through the link, Olga has not accessed yet → 1 of 1
            String esperado = "Trouxemos 100% dos primeiros acessos da Turma VIP (Curso Exemplo de Marketing Digital): "
                    + "1 de 1 alunos entraram pelo nosso link no WhatsApp.";
            assertThat(driver.findElement(By.id("manchete")).getText()).isEqualTo(esperado);
            assertThat(driver.findElement(By.id("regra-atribuicao")).getText()).contains("até 24 h antes");
            espera.until(ExpectedConditions.textToBe(By.id("ao-vivo"), "Ao vivo"));
            espera.until(d -> ((JavascriptExecutor) d).executeScript(
                    "return document.querySelectorAll('#grafico-origem svg, #grafico-dias svg').length === 2"));

            // Olga opens her e-mail from Hotmart: the headline changes on screen, without a reload
            Object marcador = ((JavascriptExecutor) driver).executeScript("return window.marcadorDaPagina = Math.random()");
            Instant postado = Instant.now();
            primeiroAcesso("olga", 4100001L, Instant.now());
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.textToBe(By.id("manchete"),
                    "Trouxemos 50% dos primeiros acessos da Turma VIP (Curso Exemplo de Marketing Digital): "
                            + "1 de 2 alunos entraram pelo nosso link no WhatsApp."));
            assertThat(Duration.between(postado, Instant.now())).isLessThan(Duration.ofSeconds(5));
            assertThat(((JavascriptExecutor) driver).executeScript("return window.marcadorDaPagina"))
                    .as("a página não recarregou").isEqualTo(marcador);
            assertThat(driver.findElement(By.id("manchete-percentual")).getText()).isEqualTo("50%");
            navegador.fotografar("painel-produtor");

            // the phone layout keeps the headline readable
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            assertThat(driver.findElement(By.id("manchete")).isDisplayed()).isTrue();
            assertThat(((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth")).as("sem rolagem lateral")
                    .isEqualTo(true);
            navegador.fotografar("painel-produtor-celular");
        }
    }
}
