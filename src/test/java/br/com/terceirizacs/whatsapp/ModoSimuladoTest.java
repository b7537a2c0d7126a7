package br.com.terceirizacs.whatsapp;

import java.time.Duration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;

class ModoSimuladoTest {

    private static WhatsAppProperties props(String token) {
        return new WhatsAppProperties("http://x", "v23.0", token, token == null ? null : "123456789012345", null, null,
                80, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void aSaudeFicaUpEDizOModo() {
        var simulado = new SaudeWhatsApp(props(null)).health();
        var real = new SaudeWhatsApp(props("token-real")).health();

        assertThat(simulado.getStatus()).isEqualTo(Status.UP);
        assertThat(simulado.getDetails()).containsEntry("modo", "SIMULADO");
        assertThat(real.getStatus()).isEqualTo(Status.UP);
        assertThat(real.getDetails()).containsEntry("modo", "REAL");
    }

    @Test
    void aSubidaEmSimulacaoTerminaComUmBlocoDeAvisoNoLog() {
        Logger logger = (Logger) LoggerFactory.getLogger(AvisoModoSimulado.class);
        ListAppender<ILoggingEvent> linhas = new ListAppender<>();
        linhas.start();
        logger.addAppender(linhas);
        try {
            new AvisoModoSimulado(props(null), false).avisar();
            new AvisoModoSimulado(props("token-real"), false).avisar();

            assertThat(linhas.list).singleElement().satisfies(l -> {
                assertThat(l.getLevel()).isEqualTo(Level.WARN);
                assertThat(l.getFormattedMessage()).contains("MODO SIMULAÇÃO DO WHATSAPP")
                        .contains("defina WHATSAPP_TOKEN e WHATSAPP_PHONE_NUMBER_ID");
            });
        } finally {
            logger.detachAppender(linhas);
        }
        assertThat(new AvisoModoSimulado(props(null), true).texto()).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("intencional (WHATSAPP_SIMULACAO_INTENCIONAL=true)");
    }
}
