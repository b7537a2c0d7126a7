package br.com.terceirizacs.chatwoot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import br.com.terceirizacs.comum.RelogioDosBaldes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Chatwoot's 100 searches a minute per account, on a clock that only moves when someone waits. */
class LimitadorBuscaTest {

    static ChatwootProperties props(int porMinuto, Duration espera) {
        return new ChatwootProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), porMinuto, espera, 3,
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(2), 8);
    }

    @Test
    void nenhumMinutoVeMaisBuscasDoQueOLimiteDaConta() {
        RelogioDosBaldes relogio = new RelogioDosBaldes();
        LimitadorBusca limitador = new LimitadorBusca(props(80, Duration.ofMinutes(5)), null, relogio, relogio);

        List<Long> momentos = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            assertThat(limitador.aguardarVez("https://chatwoot.exemplo#7")).isTrue();
            momentos.add(relogio.currentTimeNanos());
        }

        int maximo = 0;
        int inicio = 0;
        for (int fim = 0; fim < momentos.size(); fim++) {
            while (momentos.get(fim) - momentos.get(inicio) >= 60_000_000_000L) {
                inicio++;
            }
            maximo = Math.max(maximo, fim - inicio + 1);
        }
        assertThat(maximo).isEqualTo(80).isLessThanOrEqualTo(100);
    }

    @Test
    void contasDiferentesNaoDividemOLimiteEUmaEsperaLongaDemaisDevolveFalso() {
        RelogioDosBaldes relogio = new RelogioDosBaldes();
        LimitadorBusca limitador = new LimitadorBusca(props(60, Duration.ofMillis(500)), null, relogio, relogio);

        assertThat(limitador.aguardarVez("https://a#7")).isTrue();
        assertThat(limitador.aguardarVez("https://b#7")).isTrue();
        assertThat(limitador.aguardarVez("https://a#7")).as("a próxima da conta a só daqui a 1 s").isFalse();
        relogio.park(1_000_000_000L);
        assertThat(limitador.aguardarVez("https://a#7")).isTrue();
    }

    @Test
    void oLimiteConfiguradoNuncaPassaODoChatwoot() {
        assertThatThrownBy(() -> LimitadorBusca.configuracao(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LimitadorBusca.configuracao(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
