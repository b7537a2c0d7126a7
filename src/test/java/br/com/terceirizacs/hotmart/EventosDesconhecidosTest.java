package br.com.terceirizacs.hotmart;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventosDesconhecidosTest {

    @Test
    void aEtiquetaDoTipoEhLimpaELimitada() {
        assertThat(EventosDesconhecidos.etiqueta(" purchase_new-thing ")).isEqualTo("PURCHASE_NEW_THING");
        assertThat(EventosDesconhecidos.etiqueta("<script>alert(1)</script>")).matches("[A-Z0-9_]+");
        assertThat(EventosDesconhecidos.etiqueta("X".repeat(500))).hasSize(EventosDesconhecidos.TAMANHO_MAXIMO);
        assertThat(EventosDesconhecidos.etiqueta("  ")).isEqualTo("VAZIO");
    }

    @Test
    void tiposDemaisSaoContadosComoOutroParaAMetricaNaoCrescerSemLimite() {
        SimpleMeterRegistry registro = new SimpleMeterRegistry();
        EventosDesconhecidos desconhecidos = new EventosDesconhecidos(registro);

        for (int i = 0; i < EventosDesconhecidos.TIPOS_MAXIMOS + 30; i++) {
            desconhecidos.contar("TIPO_" + i);
        }
        desconhecidos.contar("TIPO_0");

        assertThat(registro.find(EventosDesconhecidos.METRICA).counters())
                .hasSize(EventosDesconhecidos.TIPOS_MAXIMOS + 1);
        assertThat(registro.get(EventosDesconhecidos.METRICA).tag("tipo", "OUTRO").counter().count()).isEqualTo(30);
        assertThat(registro.get(EventosDesconhecidos.METRICA).tag("tipo", "TIPO_0").counter().count()).isEqualTo(2);
    }
}
