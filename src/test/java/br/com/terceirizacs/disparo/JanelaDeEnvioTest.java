package br.com.terceirizacs.disparo;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's sending window (quiet hours outside it), read on the producer's clock: São Paulo is UTC−3 all year,
 * Manaus UTC−4; every instant below is written in UTC with the local time beside it.
 */
class JanelaDeEnvioTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final ZoneId MANAUS = ZoneId.of("America/Manaus");

    /** The default window: 09:00–21:00, end exclusive. */
    private static final JanelaDeEnvio PADRAO = new JanelaDeEnvio(SAO_PAULO, LocalTime.of(9, 0), LocalTime.of(21, 0));

    private static Instant em(String utc) {
        return Instant.parse(utc);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "2026-03-10T18:00:00Z,                15:00 em São Paulo",
            "2026-03-10T12:00:00Z,                09:00 em ponto: o início faz parte da janela",
            "2026-03-10T23:59:59.999999999Z,      20:59:59.999999999: o último instante antes do fim",
            "2026-03-10T23:30:00Z,                20:30 em São Paulo, quando em UTC já é noite"})
    void dentroDaJanelaSaiAgora(String agora, String quando) {
        assertThat(PADRAO.proxima(em(agora))).isEqualTo(em(agora));
    }

    @Test
    void antesDoInicioEsperaOInicioDeHoje() {
        // 06:30 in São Paulo
        assertThat(PADRAO.proxima(em("2026-03-10T09:30:00Z"))).isEqualTo(em("2026-03-10T12:00:00Z"));
    }

    @Test
    void umInstanteAntesDoInicioEsperaOInicio() {
        // 08:59:59.999999999 in São Paulo
        assertThat(PADRAO.proxima(em("2026-03-10T11:59:59.999999999Z"))).isEqualTo(em("2026-03-10T12:00:00Z"));
    }

    @Test
    void exatamenteNoFimJaEstaForaEEsperaOInicioDeAmanha() {
        // 21:00 in São Paulo, midnight in UTC
        assertThat(PADRAO.proxima(em("2026-03-11T00:00:00Z"))).isEqualTo(em("2026-03-11T12:00:00Z"));
    }

    @Test
    void depoisDoFimEsperaOInicioDeAmanha() {
        // 22:00 in São Paulo
        assertThat(PADRAO.proxima(em("2026-03-10T01:00:00Z"))).isEqualTo(em("2026-03-10T12:00:00Z"));
        assertThat(PADRAO.proxima(em("2026-03-11T01:00:00Z"))).isEqualTo(em("2026-03-11T12:00:00Z"));
    }

    @Test
    void quandoEmUtcJaEhAmanhaMasEmSaoPauloAindaEhHojeAmanhaEhODiaSeguinteDeSaoPaulo() {
        // 23:30 of the 10th in São Paulo is 02:30 of the 11th in UTC: the next start is the 11th, not the 12th
        assertThat(PADRAO.proxima(em("2026-03-11T02:30:00Z"))).isEqualTo(em("2026-03-11T12:00:00Z"));
    }

    @Test
    void depoisDaMeiaNoiteDeSaoPauloOInicioEhODoMesmoDia() {
        // 00:30 of the 11th in São Paulo: today's start, still ahead
        assertThat(PADRAO.proxima(em("2026-03-11T03:30:00Z"))).isEqualTo(em("2026-03-11T12:00:00Z"));
    }

    @Test
    void umProdutorEmManausSegueOProprioRelogio() {
        JanelaDeEnvio manaus = new JanelaDeEnvio(MANAUS, LocalTime.of(9, 0), LocalTime.of(21, 0));

        // 08:30 in Manaus (09:30 in São Paulo, where the window would be open): waits for 09:00 in Manaus
        assertThat(manaus.proxima(em("2026-03-10T12:30:00Z"))).isEqualTo(em("2026-03-10T13:00:00Z"));
        // 20:30 in Manaus (21:30 in São Paulo, where it would be closed): goes now
        assertThat(manaus.proxima(em("2026-03-11T00:30:00Z"))).isEqualTo(em("2026-03-11T00:30:00Z"));
        // 21:00 in Manaus: tomorrow at 09:00 in Manaus
        assertThat(manaus.proxima(em("2026-03-11T01:00:00Z"))).isEqualTo(em("2026-03-11T13:00:00Z"));
    }

    @Test
    void aJanelaDoProdutorValeComoFoiConfigurada() {
        JanelaDeEnvio manha = new JanelaDeEnvio(SAO_PAULO, LocalTime.of(7, 30), LocalTime.of(12, 0));

        assertThat(manha.proxima(em("2026-03-10T10:29:00Z"))).as("07:29").isEqualTo(em("2026-03-10T10:30:00Z"));
        assertThat(manha.proxima(em("2026-03-10T14:59:00Z"))).as("11:59").isEqualTo(em("2026-03-10T14:59:00Z"));
        assertThat(manha.proxima(em("2026-03-10T15:00:00Z"))).as("12:00").isEqualTo(em("2026-03-11T10:30:00Z"));
    }

    @Test
    void naMudancaDeHorarioOInicioDeAmanhaEhNoRelogioLocal() {
        // New York moves to summer time in the night of 2026-03-08: 09:00 that day is 13:00 UTC, not 14:00
        JanelaDeEnvio novaYork = new JanelaDeEnvio(ZoneId.of("America/New_York"), LocalTime.of(9, 0),
                LocalTime.of(21, 0));

        // 22:00 of the 7th in New York (UTC−5)
        assertThat(novaYork.proxima(em("2026-03-08T03:00:00Z"))).isEqualTo(em("2026-03-08T13:00:00Z"));
    }
}
