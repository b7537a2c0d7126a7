package br.com.terceirizacs.whatsapp;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LimitadorEnvioTest {

    private static WhatsAppProperties props(int porSegundo) {
        return new WhatsAppProperties("http://x", "v23.0", "t", "n", null, null, porSegundo, Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void cadaNumeroTemSeuProprioLimitePorSegundo() {
        LimitadorEnvio limitador = new LimitadorEnvio(props(3));

        int aceitos = 0;
        for (int i = 0; i < 10; i++) {
            aceitos += limitador.aguardarVez("111") ? 1 : 0;
        }

        assertThat(aceitos).as("no máximo 3 por período de 1 s (um período pode virar no meio)").isBetween(3, 6);
        assertThat(limitador.aguardarVez("222")).as("outro número, outro limite").isTrue();
        assertThat(limitador.limitador("111").getRateLimiterConfig().getLimitForPeriod()).isEqualTo(3);
        assertThat(limitador.limitador("111").getRateLimiterConfig().getLimitRefreshPeriod()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void oPadraoEhOLimiteDaMeta() {
        LimitadorEnvio limitador = new LimitadorEnvio(props(80));

        assertThat(limitador.limitador("123").getRateLimiterConfig().getLimitForPeriod()).isEqualTo(80);
    }
}
