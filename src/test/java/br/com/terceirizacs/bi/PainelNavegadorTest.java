package br.com.terceirizacs.bi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import br.com.terceirizacs.Navegador;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's dashboard in headless Chromium: login, the headline of a turma, a live change on screen, and the
 * layout at 1280 px (every column of the turma table, charts in pt-BR, nothing cut) and on a 390 px phone (a card per
 * turma with every figure). Screenshots of each stay in target/capturas.
 */
class PainelNavegadorTest extends PainelBase {

    /** Headers of the turma table that are not wholly inside its card and the window (clipped or scrolled away). */
    private static final String COLUNAS_FORA_DA_TELA = """
            var caixa = document.querySelector('.tabela-rolavel'), c = caixa.getBoundingClientRect();
            var limite = Math.min(c.right, document.documentElement.clientWidth) + 0.5, fora = [];
            document.querySelectorAll('table.turmas thead th').forEach(function (th) {
              var r = th.getBoundingClientRect();
              if (r.width === 0 || r.left < c.left - 0.5 || r.right > limite) { fora.push(th.textContent); }
            });
            if (caixa.scrollWidth > caixa.clientWidth) { fora.push('rolagem lateral ' + caixa.scrollWidth); }
            return fora;""";

    /** Per turma row, the figures (by column name) that are missing, empty or not wholly inside the window. */
    private static final String NUMEROS_FORA_DO_CARTAO = """
            var largura = document.documentElement.clientWidth, problemas = [];
            // the card labels are the table's own headers, in order: a column added to one and not the other shows
            var colunas = Array.prototype.map.call(document.querySelectorAll('table.turmas thead th'),
              function (th) { return th.textContent.replace(/\s+/g, ' ').trim(); });
            var linhas = document.querySelectorAll('#linhas-turmas tr');
            if (linhas.length < 2) { problemas.push('turmas: ' + linhas.length); }
            linhas.forEach(function (tr, i) {
              var rotulos = Array.prototype.map.call(tr.children, function (td) { return td.dataset.rotulo; });
              if (rotulos.join('|') !== colunas.join('|')) {
                problemas.push('linha ' + (i + 1) + ': rótulos ' + rotulos.join('|') + ' ≠ cabeçalhos ' + colunas.join('|'));
              }
              colunas.forEach(function (coluna) {
                var td = tr.querySelector('td[data-rotulo="' + coluna + '"]'), r = td && td.getBoundingClientRect();
                if (!td || !td.textContent.trim() || r.width === 0 || r.height === 0 || r.left < 0 || r.right > largura + 0.5) {
                  problemas.push('linha ' + (i + 1) + ': ' + coluna);
                }
              });
            });
            return problemas;""";

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

            // every turma, at 1280 px: all eleven columns of the table visible, charts in pt-BR, nothing cut
            driver.get(url("/painel/" + SLUG));
            driver.manage().window().setSize(new Dimension(1280, 900));
            espera.until(d -> js(d, "return document.querySelectorAll('#linhas-turmas tr').length > 1"
                    + " && document.querySelectorAll('#grafico-reembolsos svg text').length > 0"));
            assertThat(js(driver, "return window.innerWidth")).as("janela de 1280 px (com a barra de rolagem)").isEqualTo(1280L);
            assertThat(js(driver, COLUNAS_FORA_DA_TELA)).as("colunas da tabela por turma cortadas a 1280 px").asList()
                    .isEmpty();
            assertThat(textosDoGrafico(driver, "grafico-reembolsos"))
                    .as("percentuais com vírgula, como o texto ao lado").anyMatch(t -> t.matches(".*\\d,\\d%"))
                    .noneMatch(t -> t.matches(".*\\d\\.\\d.*"));
            assertThat(textosDoGrafico(driver, "grafico-origem")).as("rótulos da rosca inteiros")
                    .contains("Link do WhatsApp", "E-mail da Hotmart").noneMatch(t -> t.contains("…") || t.contains("..."));
            navegador.fotografarPaginaInteira("painel-produtor-1280");

            // on a phone: no sideways scroll, the headline, and every figure of every turma on its card
            driver.manage().window().setSize(new Dimension(390, 844));
            assertThat(driver.findElement(By.id("manchete")).isDisplayed()).isTrue();
            assertThat(js(driver, "return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("sem rolagem lateral").isEqualTo(true);
            assertThat(js(driver, NUMEROS_FORA_DO_CARTAO)).as("números das turmas fora da tela a 390 px").asList()
                    .isEmpty();
            assertThat(textosDoGrafico(driver, "grafico-origem")).noneMatch(t -> t.contains("…") || t.contains("..."));
            navegador.fotografarPaginaInteira("painel-produtor-celular");
        }
    }

    private static Object js(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    @SuppressWarnings("unchecked")
    private static List<String> textosDoGrafico(WebDriver driver, String id) {
        return (List<String>) js(driver, "return Array.from(document.querySelectorAll('#" + id
                + " svg text')).map(function (t) { return t.textContent; })");
    }
}
