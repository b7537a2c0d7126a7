package br.com.terceirizacs.bi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The "modo simulação" band: rendered when WhatsApp runs dry, and part of every dashboard page. */
class AvisoSimulacaoTest {

    private static String renderizar(boolean simulacao) {
        ClassLoaderTemplateResolver resolvedor = new ClassLoaderTemplateResolver();
        resolvedor.setPrefix("templates/");
        resolvedor.setSuffix(".html");
        SpringTemplateEngine motor = new SpringTemplateEngine();
        motor.setTemplateResolver(resolvedor);
        return motor.process("fragmentos/simulacao", Set.of("aviso"),
                new Context(null, Map.of("modoSimulacao", simulacao)));
    }

    @Test
    void aFaixaApareceSoEmModoSimulacao() {
        assertThat(renderizar(true)).contains("class=\"modo-simulacao\"").contains("Modo simulação");
        assertThat(renderizar(false)).doesNotContain("modo-simulacao");
    }

    @Test
    void todaPaginaDoPainelIncluiAFaixa() throws IOException {
        for (String pagina : new String[] {"painel.html", "painel-clientes.html", "painel-impressao.html"}) {
            assertThat(Files.readString(Path.of("src/main/resources/templates", pagina))).as(pagina)
                    .contains("~{fragmentos/simulacao :: aviso}");
        }
        assertThat(new PainelController(null, null, null, null, null, () -> true).modoSimulacao()).isTrue();
    }
}
