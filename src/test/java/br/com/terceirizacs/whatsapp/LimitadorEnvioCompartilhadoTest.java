package br.com.terceirizacs.whatsapp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import br.com.terceirizacs.IntegracaoBase;
import br.com.terceirizacs.comum.RelogioDosBaldes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static br.com.terceirizacs.whatsapp.LimitadorEnvioTest.maximoEmUmSegundo;
import static br.com.terceirizacs.whatsapp.LimitadorEnvioTest.props;
import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes on one PostgreSQL take their sending slots from the same row: together they keep one limit. */
class LimitadorEnvioCompartilhadoTest extends IntegracaoBase {

    @Autowired
    DataSource dataSource;

    @Test
    void doisNosNoMesmoPostgresDividemUmSoLimitePorNumero() {
        Assumptions.assumeTrue(isPostgres(), "o limite compartilhado mora no PostgreSQL; no H2 só há um nó");
        RelogioDosBaldes relogio = new RelogioDosBaldes();
        WhatsAppProperties props = props(80, Duration.ofSeconds(30));
        LimitadorEnvio noA = new LimitadorEnvio(props, LimitadorEnvio.compartilhado(dataSource, relogio), relogio, relogio);
        LimitadorEnvio noB = new LimitadorEnvio(props, LimitadorEnvio.compartilhado(dataSource, relogio), relogio, relogio);
        String numero = "teste-" + UUID.randomUUID();

        List<Long> momentos = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            assertThat((i % 2 == 0 ? noA : noB).aguardarVez(numero)).isTrue();
            momentos.add(relogio.currentTimeNanos());
        }

        assertThat(maximoEmUmSegundo(momentos)).as("os dois nós juntos, em qualquer janela de 1 s").isEqualTo(78);
        assertThat(contar("select count(*) from limites_envio where numero = ?", numero)).isEqualTo(1);
        jdbc.sql("delete from limites_envio where numero = ?").param(numero).update();
    }

    @Test
    void umNoIniciadoDepoisComOutroLimiteTrocaOLimiteGuardado() {
        Assumptions.assumeTrue(isPostgres(), "o limite compartilhado mora no PostgreSQL; no H2 só há um nó");
        RelogioDosBaldes relogio = new RelogioDosBaldes();
        String numero = "teste-" + UUID.randomUUID();
        LimitadorEnvio antigo = new LimitadorEnvio(props(80, Duration.ofSeconds(30)),
                LimitadorEnvio.compartilhado(dataSource, relogio), relogio, relogio);
        assertThat(antigo.aguardarVez(numero)).isTrue();
        relogio.park(1_000_000_000L);
        LimitadorEnvio novo = new LimitadorEnvio(props(10, Duration.ofSeconds(30)),
                LimitadorEnvio.compartilhado(dataSource, relogio), relogio, relogio);

        List<Long> momentos = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            assertThat((i % 2 == 0 ? novo : antigo).aguardarVez(numero)).isTrue();
            momentos.add(relogio.currentTimeNanos());
        }

        assertThat(maximoEmUmSegundo(momentos)).as("o limite do nó mais novo, 10/s × 97,5 %%").isEqualTo(10);
        jdbc.sql("delete from limites_envio where numero = ?").param(numero).update();
    }
}
