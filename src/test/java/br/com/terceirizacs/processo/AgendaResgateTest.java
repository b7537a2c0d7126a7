package br.com.terceirizacs.processo;

import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgendaResgateTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    @Test
    void dezDaManhaEmSaoPauloEhTrezeHorasNumaMaquinaEmUtc() {
        assertThat(new AgendaResgate(LocalTime.of(10, 0), SAO_PAULO, ZoneId.of("UTC")).getCron()).isEqualTo("0 0 13 * * ?");
    }

    @Test
    void numaMaquinaNoFusoDoProdutorOHorarioFicaComoEsta() {
        assertThat(new AgendaResgate(LocalTime.of(10, 30), SAO_PAULO, SAO_PAULO).getCron()).isEqualTo("0 30 10 * * ?");
    }
}
