package br.com.terceirizacs.hotmart;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import br.com.terceirizacs.IntegracaoBase;
import br.com.terceirizacs.comum.BancoDosWebhooks;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hotmart's acknowledgement has a pool of its own: it answers while the main pool is taken, and answers 503 with
 * Retry-After (never a 500, never a 2xx) when it gets no connection of its own pool.
 */
class ConfirmacaoSemBancoTest extends IntegracaoBase {

    @Autowired
    BancoDosWebhooks webhooks;

    @Autowired
    DataSource dataSource;

    @Test
    void semConexaoParaConfirmarRespondeServicoIndisponivelComRetryAfterENadaEhGravado() throws Exception {
        HikariDataSource pool = webhooks.dataSource().unwrap(HikariDataSource.class);
        byte[] compra = bytes(compraNova());
        HttpResponse<String> r;
        long inicio;
        long fim;
        List<Connection> tomadas = tomarTodas(pool);
        try {
            inicio = System.nanoTime();
            r = postarWebhook(compra, HOTTOK);
            fim = System.nanoTime();
        } finally {
            fechar(tomadas);
        }

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json(r.body()).path("erro").asText()).contains("indisponível");
        assertThat(Duration.ofNanos(fim - inicio)).isLessThan(Duration.ofSeconds(2));
        assertThat(contar("select count(*) from eventos_hotmart")).isZero();

        // Hotmart delivers it again once the database answers: stored and processed once
        assertThat(aguardarProcessamento(postarWebhook(compra))).isEqualTo("PROCESSADO");
        assertThat(contar("select count(*) from eventos_hotmart")).isEqualTo(1);
    }

    @Test
    void confirmaAHotmartComTodasAsConexoesDoPoolPrincipalOcupadas() throws Exception {
        HikariDataSource principal = dataSource.unwrap(HikariDataSource.class);
        HttpResponse<String> r;
        long inicio;
        long fim;
        long gravados;
        List<Connection> tomadas = tomarTodas(principal);
        try {
            inicio = System.nanoTime();
            r = postarWebhook(bytes(compraNova()), HOTTOK);
            fim = System.nanoTime();
            gravados = webhooks.jdbc().sql("select count(*) from eventos_hotmart").query(Long.class).single();
        } finally {
            fechar(tomadas);
        }

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(fim - inicio)).isLessThan(Duration.ofSeconds(2));
        assertThat(gravados).isEqualTo(1);
        // processed once the main pool has connections again
        assertThat(aguardarProcessamento(json(r.body()).path("id").asLong())).isEqualTo("PROCESSADO");
    }

    private static ObjectNode compraNova() {
        return amostra("purchase-approved.json").put("id", UUID.randomUUID().toString());
    }

    /** Every connection the pool can give, taken by this thread straight from the pool. */
    static List<Connection> tomarTodas(HikariDataSource pool) throws SQLException {
        List<Connection> tomadas = new ArrayList<>();
        try {
            while (tomadas.size() < pool.getMaximumPoolSize()) {
                tomadas.add(pool.getConnection());
            }
        } catch (SQLException | RuntimeException e) {
            fechar(tomadas);
            throw e;
        }
        return tomadas;
    }

    static void fechar(List<Connection> conexoes) throws SQLException {
        for (Connection c : conexoes) {
            c.close();
        }
    }
}
