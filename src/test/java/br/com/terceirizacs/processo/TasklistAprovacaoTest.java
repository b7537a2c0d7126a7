package br.com.terceirizacs.processo;

import java.time.Duration;

import br.com.terceirizacs.IntegracaoBase;
import br.com.terceirizacs.Navegador;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** A CS person approves a suggested message in Tasklist, in a real browser; the send reaches (Wire)Meta. */
class TasklistAprovacaoTest extends IntegracaoBase {

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tarefas;

    @BeforeEach
    void umaPessoaDoCsEUmaSugestaoPendente() {
        if (identity.createUserQuery().userId("julianacs").singleResult() == null) {
            User u = identity.newUser("julianacs");
            u.setFirstName("Juliana");
            u.setLastName("Costa");
            u.setPassword("senha-da-juliana-cs");
            identity.saveUser(u);
            identity.createMembership("julianacs", "cs");
        }
        jdbc.sql("update regras_automacao set modo_execucao = 'SUGERIR_APENAS' where chave = 'ONBOARDING:global'").update();
        postarEProcessar(amostra("purchase-approved.json"));
        executarJobs();
    }

    /** Tasklist's footer covers the bottom of the form: bring the element to the middle first. */
    private static void clicar(ChromeDriver b, WebElement elemento) {
        b.executeScript("arguments[0].scrollIntoView({block: 'center'});", elemento);
        elemento.click();
    }

    @Test
    void oCsEntraNoTasklistVeAMensagemEAprovaEAMensagemSai() throws Exception {
        try (Navegador navegador = Navegador.abrir()) {
            ChromeDriver b = navegador.driver();
            WebDriverWait espera = new WebDriverWait(b, Duration.ofSeconds(40));
            try {
                b.get(url("/camunda/app/tasklist/default/"));
                espera.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                        .sendKeys("julianacs");
                b.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("senha-da-juliana-cs");
                b.findElement(By.cssSelector("button[type='submit']")).click();

                espera.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Disparos para aprovar"))).click();
                espera.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[contains(@class,'tasks-list')]//a[contains(., 'Boas-vindas: Mariana Souza')]"))).click();
                espera.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();

                WebElement mensagem = espera.until(d -> {
                    WebElement m = d.findElement(By.cssSelector(".fjs-container textarea[id$='campoMensagem']"));
                    return m.getAttribute("value") != null && !m.getAttribute("value").isBlank() ? m : null;
                });
                assertThat(mensagem.getAttribute("value"))
                        .startsWith("Olá, Mariana! Sua compra de *Curso Exemplo de Marketing Digital* foi aprovada.");
                navegador.fotografar("tasklist-aprovar-disparo");

                clicar(b, b.findElement(By.xpath("//*[contains(@class,'fjs-container')]//label[contains(., 'Aprovar e enviar')]")));
                clicar(b, espera.until(ExpectedConditions.presenceOfElementLocated(
                        By.xpath("//button[normalize-space()='Complete' or normalize-space()='Concluir']"))));
                espera.until(d -> tarefas.createTaskQuery().count() == 0);
            } catch (RuntimeException | AssertionError e) {
                navegador.fotografar("tasklist-falha");
                throw e;
            }
        }

        executarJobs();
        META.verify(1, postRequestedFor(urlPathEqualTo("/v23.0/123456789012345/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo("5511900000001"))));
        assertThat(jdbc.sql("select decidido_por from filas_disparo").query(String.class).single()).isEqualTo("julianacs");
        assertThat(jdbc.sql("select status from filas_disparo").query(String.class).single()).isEqualTo("ENVIADO");
    }
}
