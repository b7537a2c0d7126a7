package br.com.terceirizacs.processo;

import br.com.terceirizacs.whatsapp.EnvioTransitorioException;
import br.com.terceirizacs.whatsapp.NumeroBloqueadoException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An unexpected failure of a disparo step reaches Cockpit saying what to do; instructed failures stay as they are. */
class FalhaNoDisparoTest {

    @Test
    void umaFalhaInesperadaDizOPassoAFilaACausaEOQueFazer() {
        assertThatThrownBy(() -> FalhaNoDisparo.em("Enviar mensagem", 41L, () -> {
            throw new IllegalStateException("No value present");
        })).hasMessageStartingWith("Falha inesperada em \"Enviar mensagem\" (fila 41): java.lang.IllegalStateException: "
                        + "No value present.")
                .hasMessageContaining("tente o incidente de novo no Cockpit")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void falhasQueJaDizemOQueFazerPassamIntactas() {
        NumeroBloqueadoException bloqueio = new NumeroBloqueadoException("Envios do número 1 suspensos");
        EnvioTransitorioException transitoria = new EnvioTransitorioException("WhatsApp recusou por ora", null);
        OptimisticLockingException concorrencia = new OptimisticLockingException("concorrência");

        for (RuntimeException e : new RuntimeException[] {bloqueio, transitoria, concorrencia}) {
            assertThatThrownBy(() -> FalhaNoDisparo.em("Enviar mensagem", 41L, () -> {
                throw e;
            })).isSameAs(e);
        }
    }

    @Test
    void semFalhaDevolveOResultado() {
        assertThat(FalhaNoDisparo.em("Verificar regras antes do envio", 41L, () -> true)).isTrue();
    }
}
