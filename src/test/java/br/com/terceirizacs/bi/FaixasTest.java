package br.com.terceirizacs.bi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The median from the delay histogram: within half a band of percentile_cont over the exact values. */
class FaixasTest {

    @Test
    void semNinguemNaoHaMediana() {
        assertThat(new Faixas().medianaEmSegundos()).isNull();
    }

    @Test
    void naPrimeiraHoraAMedianaFicaAMeioMinutoDaExata() {
        Faixas f = new Faixas();
        f.somar(3, 1);   // 3 min 20 s
        f.somar(7, 1);   // 7 min 40 s
        f.somar(40, 1);  // 40 min
        // exact median: 7 min 40 s = 460 s; band [7, 8) → 7.5 min
        assertThat(f.medianaEmSegundos()).isCloseTo(460.0, within(30.0));
    }

    @Test
    void comQuantidadeParInterpolaEntreOsDoisDoMeioComoPercentileCont() {
        Faixas f = new Faixas();
        f.somar(120, 1);          // 2 h 00 … 2 h 05 (5-minute band)
        f.somar(24 * 60 + 60, 1); // 25 h … 26 h (1-hour band)
        double esperado = (122.5 + 1530) / 2 * 60;
        assertThat(f.medianaEmSegundos()).isEqualTo(esperado);
    }

    @Test
    void muitosNaMesmaFaixaSeEspalhamPorEla() {
        Faixas f = new Faixas();
        f.somar(10, 4); // four values in [10, 11) min: 10.125, 10.375, 10.625, 10.875
        assertThat(f.medianaEmSegundos()).isCloseTo(10.5 * 60, within(0.001));
    }

    @Test
    void asFaixasAlarganDepoisDeUmaHoraUmDiaEUmMes() {
        assertThat(Faixas.largura(59)).isEqualTo(1);
        assertThat(Faixas.largura(60)).isEqualTo(5);
        assertThat(Faixas.largura(24 * 60)).isEqualTo(60);
        assertThat(Faixas.largura(30 * 24 * 60)).isEqualTo(24 * 60);
    }
}
