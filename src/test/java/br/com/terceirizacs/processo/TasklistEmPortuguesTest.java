package br.com.terceirizacs.processo;

import java.time.Duration;
import java.util.List;

import br.com.terceirizacs.IntegracaoBase;
import br.com.terceirizacs.Navegador;
import br.com.terceirizacs.TasklistPagina;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CS person with a Brazilian browser sees Tasklist in Portuguese from the login on, with no "migrate to Camunda 8"
 * notice, and the suggested message drawn as WhatsApp draws it (bold, the button), not its markup.
 */
class TasklistEmPortuguesTest extends IntegracaoBase {

    /** English labels of the same screens: none may show. */
    private static final List<String> INGLES = List.of("Please Log in", "Username", "Password", "Log in",
            "Start process", "Create task", "Claim", "Complete", "Form", "History", "Diagram", "Powered by",
            "Date and Time displayed", "Created", "migrate", "Camunda 8");

    @BeforeEach
    void umaPessoaDoCsEUmaSugestaoPendente() {
        garantirUsuarioCs("anacs", "Ana", "Senha-Forte-Tasklist-2");
        jdbc.sql("update regras_automacao set modo_execucao = 'SUGERIR_APENAS' where chave = 'ONBOARDING:global'").update();
        postarEProcessar(amostra("purchase-approved.json"));
        executarJobs();
    }

    @Test
    void oTasklistFalaPortuguesSemAvisoDeMigracaoEAPreviaMostraONegritoEOBotao() throws Exception {
        try (Navegador navegador = Navegador.abrir()) {
            ChromeDriver b = navegador.driver();
            WebDriverWait espera = new WebDriverWait(b, Duration.ofSeconds(40));
            TasklistPagina tasklist = new TasklistPagina(b);
            try {
                assertThat(b.executeScript("return navigator.languages[0]")).isEqualTo("pt-BR");
                b.get(url("/camunda/app/tasklist/default/"));
                espera.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("button[type='submit']"),
                        "Entrar"));
                assertThat(b.findElement(By.cssSelector("input[ng-model='username']")).getAttribute("placeholder"))
                        .isEqualTo("Usuário");
                assertThat(b.findElement(By.cssSelector("input[ng-model='password']")).getAttribute("placeholder"))
                        .isEqualTo("Senha");
                assertThat(visivel(b)).contains("Datas e horas no fuso horário local", "Desenvolvido com");
                semInglesNemAviso(b, "login");
                navegador.fotografar("tasklist-pt-br-login");

                tasklist.entrar(url("/camunda/app/tasklist/default/"), "anacs", "Senha-Forte-Tasklist-2");
                tasklist.abrirFiltro("Disparos para aprovar");
                tasklist.abrirEReivindicar("Boas-vindas: Mariana Souza");
                WebElement balao = tasklist.previaDaMensagem();
                espera.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Concluir"));

                // filters, task list, task header and form: Portuguese
                assertThat(visivel(b)).contains("Disparos para aprovar", "Iniciar processo", "Criar tarefa",
                        "Formulário", "Histórico", "Diagrama", "Descrição", "Salvar", "Concluir",
                        "Datas e horas no fuso horário local", "Mensagem como o aluno vai ler", "Aprovar e enviar");
                semInglesNemAviso(b, "tarefa aberta");

                // the message as WhatsApp draws it: bold rendered, no asterisks, the button as a box
                assertThat(balao.findElement(By.tagName("strong")).getText())
                        .isEqualTo("Curso Exemplo de Marketing Digital");
                assertThat(balao.getText()).startsWith("Olá, Mariana! Sua compra de Curso Exemplo de Marketing Digital")
                        .doesNotContain("*");
                assertThat(b.findElement(By.cssSelector(".fjs-container .whatsapp-botao")).getText())
                        .isEqualTo("Acessar o curso");
                assertThat(b.findElements(By.cssSelector(".fjs-container textarea[id$='campoMensagem']")))
                        .as("the raw-text field is only for tasks created before the preview existed").isEmpty();
                navegador.fotografar("tasklist-pt-br");
            } catch (RuntimeException | AssertionError e) {
                navegador.fotografar("tasklist-pt-br-falha");
                throw e;
            }
        }
    }

    private static String visivel(ChromeDriver b) {
        return b.findElement(By.tagName("body")).getText();
    }

    /** No English label of these screens and no visible migration notice (Camunda still renders it, hidden). */
    private static void semInglesNemAviso(ChromeDriver b, String tela) {
        String texto = visivel(b);
        for (String ingles : INGLES) {
            assertThat(texto).as("%s: texto em inglês \"%s\"", tela, ingles).doesNotContainPattern("\\b"
                    + java.util.regex.Pattern.quote(ingles) + "\\b");
        }
        assertThat(texto).doesNotContain("Camunda 8");
        for (WebElement aviso : b.findElements(By.cssSelector(".ce-eol-banner"))) {
            assertThat(aviso.isDisplayed()).as("%s: aviso de migração visível", tela).isFalse();
        }
    }
}
