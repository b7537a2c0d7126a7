package br.com.terceirizacs.whatsapp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import br.com.terceirizacs.comum.RelogioDosBaldes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The limiter on a clock of its own: waiting moves the clock instead of sleeping, so nothing here is timed. */
class LimitadorEnvioTest {

    static WhatsAppProperties props(int porSegundo, Duration esperaMaxima) {
        return new WhatsAppProperties("http://x", "v23.0", "t", "n", null, null, porSegundo, esperaMaxima,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    /** The most slots found in any window of one second, wherever it starts. */
    static int maximoEmUmSegundo(List<Long> momentos) {
        int maximo = 0;
        int inicio = 0;
        for (int fim = 0; fim < momentos.size(); fim++) {
            while (momentos.get(fim) - momentos.get(inicio) >= 1_000_000_000L) {
                inicio++;
            }
            maximo = Math.max(maximo, fim - inicio + 1);
        }
        return maximo;
    }

    @Test
    void oitentaPorSegundoSaemEspacadosComFolgaENenhumSegundoPassaDoLimite() {
        RelogioDosBaldes relogio = new RelogioDosBaldes();
        LimitadorEnvio limitador = new LimitadorEnvio(props(80, Duration.ofSeconds(30)), null, relogio, relogio);

        List<Long> momentos = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(limitador.aguardarVez("111")).isTrue();
            momentos.add(relogio.currentTimeNanos());
        }

        assertThat(maximoEmUmSegundo(momentos)).as("78: 97,5 %% do limite, folga para o atraso até a Meta").isEqualTo(78);
        double segundos = (momentos.get(999) - momentos.get(0)) / 1e9;
        assertThat(999 / segundos).as("vazão").isCloseTo(78.0, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void cadaNumeroTemSeuProprioLimite() {
        RelogioDosBaldes relogio = new RelogioDosBaldes();
        LimitadorEnvio limitador = new LimitadorEnvio(props(80, Duration.ofMillis(1)), null, relogio, relogio);

        assertThat(limitador.aguardarVez("111")).isTrue();
        assertThat(limitador.aguardarVez("111")).as("a próxima vaga do mesmo número ainda não chegou").isFalse();
        assertThat(limitador.aguardarVez("222")).as("outro número, outro limite").isTrue();

        relogio.park(12_821_000L);
        assertThat(limitador.aguardarVez("111")).as("1/78 s depois").isTrue();
    }

    @Test
    void quemEsperariaMaisQueOPermitidoDesisteSemGastarVaga() {
        RelogioDosBaldes relogio = new RelogioDosBaldes();
        List<Long> esperas = new ArrayList<>();
        // sends in flight at once: each reserves its slot and waits; nobody's wait moves the clock
        LimitadorEnvio limitador = new LimitadorEnvio(props(10, Duration.ofMillis(250)), null, relogio, esperas::add);

        assertThat(limitador.aguardarVez("111")).isTrue();
        assertThat(limitador.aguardarVez("111")).isTrue();
        assertThat(limitador.aguardarVez("111")).isTrue();
        assertThat(limitador.aguardarVez("111")).as("a vaga estaria a 300 ms, mais que os 250 permitidos").isFalse();
        long intervalo = Math.round(1e9 / (10 * LimitadorEnvio.RITMO));
        assertThat(esperas).hasSize(2);
        assertThat(esperas.get(0)).isCloseTo(intervalo, org.assertj.core.data.Offset.offset(1_000L));
        assertThat(esperas.get(1)).isCloseTo(2 * intervalo, org.assertj.core.data.Offset.offset(1_000L));

        relogio.park(intervalo);
        assertThat(limitador.aguardarVez("111")).as("quem desistiu não gastou vaga: a próxima está a 2 intervalos").isTrue();
        assertThat(esperas).hasSize(3);
        assertThat(esperas.get(2)).isCloseTo(2 * intervalo, org.assertj.core.data.Offset.offset(1_000L));
    }

    @Test
    void umLimiteSemSentidoNaoSobe() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LimitadorEnvio.configuracao(0))
                .hasMessageContaining("limite-por-segundo");
    }
}
