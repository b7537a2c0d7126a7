package br.com.terceirizacs.catalogo;

import java.time.Duration;
import java.util.List;

import br.com.terceirizacs.IntegracaoBase;
import br.com.terceirizacs.Navegador;
import br.com.terceirizacs.seguranca.Papeis;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process owner edits a message template in the browser: signs in, sees the message as the student will on
 * WhatsApp (bold, line breaks, the button), is told in pt-BR what Meta would refuse, saves, and the change is audited.
 */
class TemplatesNavegadorTest extends IntegracaoBase {

    private static final String DONO = "donapagina";
    private static final String SENHA = "Chave-Tela-61";

    @AfterEach
    void limpar() {
        jdbc.sql("delete from templates_mensagem_auditoria where template_id in "
                + "(select id from templates_mensagem where nome = 'novidade_teste_pagina')").update();
        jdbc.sql("delete from templates_mensagem where nome = 'novidade_teste_pagina'").update();
        identity.deleteUser(DONO);
    }

    @Test
    void umDonoDeProcessoCriaUmTemplateVendoAPreviaComoNoWhatsApp() throws Exception {
        User u = identity.newUser(DONO);
        u.setFirstName("Dona");
        u.setLastName("Pagina");
        u.setPassword(SENHA);
        identity.saveUser(u);
        identity.createMembership(DONO, Papeis.GRUPO_DONOS_PROCESSO);

        try (Navegador navegador = Navegador.abrir()) {
            WebDriver driver = navegador.driver();
            WebDriverWait espera = new WebDriverWait(driver, Duration.ofSeconds(15));
            driver.get(url("/login"));
            driver.findElement(By.id("username")).sendKeys(DONO);
            driver.findElement(By.id("password")).sendKeys(SENHA);
            driver.findElement(By.id("entrar")).click();
            espera.until(ExpectedConditions.urlContains("/templates"));
            espera.until(d -> d.findElements(By.cssSelector("#lista tbody tr")).size() >= 4);

            // the installed welcome, as the student reads it
            driver.findElements(By.cssSelector("#lista tbody tr")).stream()
                    .filter(tr -> tr.getText().startsWith("boas_vindas_acesso")).findFirst().orElseThrow().click();
            espera.until(ExpectedConditions.textToBePresentInElementLocated(By.id("previa"), "Olá, Mariana!"));
            assertThat(driver.findElement(By.cssSelector("#previa strong")).getText())
                    .isEqualTo("Curso Exemplo de Marketing Digital");
            assertThat(driver.findElement(By.id("previa")).getText()).doesNotContain("*");
            assertThat(driver.findElement(By.id("previa-botao")).getText()).isEqualTo("Acessar o curso");

            // a new one: markup typed by a person stays text, formatting and line breaks show as on WhatsApp
            driver.findElement(By.id("novo")).click();
            driver.findElement(By.id("nome")).sendKeys("novidade_teste_pagina");
            WebElement corpo = driver.findElement(By.id("corpo"));
            corpo.sendKeys("Oi, {{1}}! <img src=x onerror=alert(1)>\n_Novidade_ em *{{2}}*: {{3}}");
            espera.until(d -> d.findElements(By.cssSelector("#parametros select")).size() == 3);
            List<WebElement> parametros = driver.findElements(By.cssSelector("#parametros select"));
            new Select(parametros.get(0)).selectByValue("primeiro_nome");
            new Select(parametros.get(1)).selectByValue("produto");
            new Select(parametros.get(2)).selectByValue("texto_livre");
            driver.findElement(By.id("textoLivrePadrao")).sendKeys("uma aula nova.");
            driver.findElement(By.id("botaoRotulo")).sendKeys("Ver a aula");
            driver.findElement(By.id("botaoUrl")).sendKeys("/a/{{1}}");
            assertThat(driver.findElements(By.cssSelector("#previa img"))).isEmpty();
            assertThat(driver.findElement(By.id("previa")).getText()).contains("<img src=x onerror=alert(1)>")
                    .contains("\nNovidade em Curso Exemplo de Marketing Digital: uma aula nova.");
            assertThat(driver.findElement(By.cssSelector("#previa em")).getText()).isEqualTo("Novidade");
            assertThat(driver.findElement(By.id("previa-botao")).getText()).isEqualTo("Ver a aula");
            navegador.fotografarPaginaInteira("templates-previa");

            // Meta refuses a variable at the very end: the page says so and nothing is saved
            driver.findElement(By.id("salvar")).click();
            espera.until(ExpectedConditions.visibilityOfElementLocated(By.id("erros")));
            assertThat(driver.findElement(By.id("erros")).getText()).contains("Corpo:", "no fim do texto");
            assertThat(contar("select count(*) from templates_mensagem where nome = 'novidade_teste_pagina'")).isZero();

            corpo.sendKeys(" Bons estudos!");
            driver.findElement(By.id("salvar")).click();
            espera.until(ExpectedConditions.textToBe(By.id("salvo"), "Template criado."));
            espera.until(ExpectedConditions.textToBePresentInElementLocated(By.id("auditoria"), DONO + " criou"));
            navegador.fotografar("templates-salvo");
        }
        assertThat(catalogo.template("novidade_teste_pagina", "pt_BR").orElseThrow().parametros())
                .containsExactly("primeiro_nome", "produto", "texto_livre");
    }
}
