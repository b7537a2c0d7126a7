package br.com.terceirizacs.historia;

import java.time.Duration;
import java.util.List;

import br.com.terceirizacs.Navegador;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story page in headless Chromium, as CS uses it: sign in, search the student by phone, open her enrolment and
 * read the finished welcome's steps; on a phone, nothing scrolls sideways. Screenshots in target/capturas.
 */
class HistoriaNavegadorTest extends HistoriaBase {

    @Test
    void oCsEncontraAAlunaPeloTelefoneEVeOsPassosDaBoasVindasConcluida() throws Exception {
        garantirUsuarioCs("bia", "Bia", SENHA_EQUIPE);
        long matricula = boasVindasConcluida();

        try (Navegador navegador = Navegador.abrir()) {
            WebDriver driver = navegador.driver();
            WebDriverWait espera = new WebDriverWait(driver, Duration.ofSeconds(10));
            driver.get(url("/historia"));
            espera.until(ExpectedConditions.urlContains("/login"));
            driver.findElement(By.id("username")).sendKeys("bia");
            driver.findElement(By.id("password")).sendKeys(SENHA_EQUIPE);
            driver.findElement(By.id("entrar")).click();
            espera.until(ExpectedConditions.presenceOfElementLocated(By.id("busca")));
            assertThat(driver.getCurrentUrl()).as("de volta à busca, não ao painel").contains("/historia");

            driver.findElement(By.id("busca")).sendKeys("(11) 0000-0001"); // without the ninth digit
            driver.findElement(By.id("buscar")).click();
            WebElement resultado = espera.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#resultados .achados a")));
            assertThat(resultado.getText()).isEqualTo("Mariana Souza — Curso Exemplo de Marketing Digital");
            assertThat(driver.getCurrentUrl()).as("o telefone buscado não vai para o endereço").doesNotContain("0000");
            resultado.click();

            espera.until(ExpectedConditions.urlContains("/historia/matriculas/" + matricula));
            List<String> passos = driver.findElements(By.cssSelector("#linha-do-tempo .passo .titulo")).stream()
                    .map(WebElement::getText).toList();
            assertThat(passos).containsSubsequence("Compra aprovada", "Verificar WhatsApp do aluno",
                    "Enviar boas-vindas", "Disparo solicitado", "Enviar mensagem", "Boas-vindas enviadas");
            assertThat(passos).anyMatch(t -> t.endsWith(": entregue")).anyMatch(t -> t.endsWith(": lida"));
            assertThat(driver.findElement(By.id("processos")).getText())
                    .contains("Onboarding: boas-vindas após a compra").contains("concluído");
            assertThat(driver.findElement(By.id("resumo")).getText()).contains("HP0000000001")
                    .contains("Horários no fuso do produtor (America/Sao_Paulo)");
            assertThat(driver.findElements(By.cssSelector("#linha-do-tempo .passo.processo .quando time")))
                    .allSatisfy(t -> assertThat(t.getText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}"));
            navegador.fotografarPaginaInteira("historia");

            driver.manage().window().setSize(new Dimension(390, 844));
            assertThat(((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth")).as("sem rolagem lateral")
                    .isEqualTo(true);
            navegador.fotografarPaginaInteira("historia-celular");
        }
    }
}
