package br.com.terceirizacs;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a CS person does in Camunda Tasklist 7.24, as page actions for browser tests. */
public final class TasklistPagina {

    private final ChromeDriver b;
    private final WebDriverWait espera;

    public TasklistPagina(ChromeDriver b) {
        this.b = b;
        this.espera = new WebDriverWait(b, Duration.ofSeconds(40));
    }

    public void entrar(String url, String usuario, String senha) {
        b.get(url);
        espera.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys(usuario);
        b.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(senha);
        b.findElement(By.cssSelector("button[type='submit']")).click();
    }

    public void abrirFiltro(String nome) {
        espera.until(ExpectedConditions.elementToBeClickable(By.partialLinkText(nome))).click();
    }

    /** Opens the task whose name contains the text, in the task list of the open filter, and claims it. */
    public void abrirEReivindicar(String trechoDoNome) {
        clicarQuandoEstavel(By.xpath("//*[contains(@class,'tasks-list')]//a[contains(., '" + trechoDoNome + "')]"));
        clicarQuandoEstavel(By.cssSelector("button.claim"));
        // the claim reloads the form, enabled: a choice made before that reload is lost (seen on a loaded machine)
        espera.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
        espera.ignoring(StaleElementReferenceException.class).until(d -> {
            java.util.List<WebElement> escolhas = d.findElements(
                    By.cssSelector(".fjs-container input[type='radio'], .fjs-container input[type='checkbox']"));
            return escolhas.stream().allMatch(WebElement::isEnabled);
        });
    }

    /** The task list re-renders after every completion: find and click again if the element went stale meanwhile. */
    private void clicarQuandoEstavel(By alvo) {
        espera.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement elemento = ExpectedConditions.elementToBeClickable(alvo).apply(d);
            if (elemento == null) {
                return false;
            }
            elemento.click();
            return true;
        });
    }

    /** The value of a form field (waits until the form has loaded the task's variables). */
    public String valor(String idDoCampo) {
        return espera.until(d -> {
            WebElement campo = d.findElement(By.cssSelector(".fjs-container [id$='" + idDoCampo + "']"));
            String v = campo.getAttribute("value");
            return v != null && !v.isBlank() ? v : null;
        });
    }

    /** The message preview of the approval form, as WhatsApp draws it (waits until the form shows it). */
    public WebElement previaDaMensagem() {
        WebElement balao = espera.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".fjs-container .whatsapp-balao")));
        b.executeScript("arguments[0].scrollIntoView({block: 'center'});", balao);
        return balao;
    }

    public void escolher(String rotulo) {
        clicar(espera.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[contains(@class,'fjs-container')]//label[contains(., '" + rotulo + "')]"))));
    }

    /**
     * Types into a form field as a person would. form-js may lay the form out again right after a choice shows the
     * field (conditional fields, variables arriving late), dropping what was typed into the field it replaced: look
     * the field up again and type again until the value sticks.
     */
    public void preencher(String idDoCampo, String texto) {
        By seletor = By.cssSelector(".fjs-container [id$='" + idDoCampo + "']");
        espera.until(d -> {
            try {
                WebElement campo = ExpectedConditions.visibilityOfElementLocated(seletor).apply(d);
                if (campo == null) {
                    return false;
                }
                if (!texto.equals(campo.getAttribute("value"))) {
                    b.executeScript("arguments[0].scrollIntoView({block: 'center'});", campo);
                    campo.clear();
                    campo.sendKeys(texto);
                    // form-js debounces text input and flushes on blur: leave the field before completing
                    campo.sendKeys(Keys.TAB);
                    Thread.sleep(300);
                }
                return texto.equals(d.findElement(seletor).getAttribute("value"));
            } catch (org.openqa.selenium.StaleElementReferenceException relaidOut) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    public void concluir() {
        clicar(espera.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//button[normalize-space()='Complete' or normalize-space()='Concluir']"))));
    }

    /**
     * Tasklist's footer covers the bottom of the form and the form re-lays itself out as fields appear, so a
     * pointer click may land on a neighbour: scroll the element into the middle and click it through the DOM.
     */
    private void clicar(WebElement elemento) {
        b.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", elemento);
    }
}
