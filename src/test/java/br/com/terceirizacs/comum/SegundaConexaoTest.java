package br.com.terceirizacs.comum;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import br.com.terceirizacs.IntegracaoBase;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thread that holds a main-pool connection (a job's engine transaction) and opens a transaction of its own inside
 * (the send's REQUIRES_NEW) gets the second connection from the other pool, however busy the main pool is.
 */
class SegundaConexaoTest extends IntegracaoBase {

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager tm;

    @Test
    void umaTransacaoNovaDentroDeOutraNaoEsperaPeloPoolPrincipal() throws Exception {
        HikariDataSource principal = dataSource.unwrap(HikariDataSource.class);
        TransactionTemplate externa = new TransactionTemplate(tm);
        TransactionTemplate nova = new TransactionTemplate(tm);
        nova.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // every main-pool connection but one taken, as by other jobs; the last one goes to the outer transaction
        List<Connection> tomadas = new ArrayList<>();
        long inicio;
        long fim;
        HikariDataSource segundo = dataSource.unwrap(SegundaConexao.UmaPorThread.class).segunda()
                .unwrap(HikariDataSource.class);
        Integer ativasDuranteAInterna;
        int[] doSegundoDuranteAInterna = new int[1];
        try {
            while (tomadas.size() < principal.getMaximumPoolSize() - 1) {
                tomadas.add(principal.getConnection());
            }
            inicio = System.nanoTime();
            ativasDuranteAInterna = externa.execute(s -> {
                jdbc.sql("select count(*) from clientes").query(Long.class).single();
                return nova.execute(s2 -> {
                    jdbc.sql("select count(*) from clientes").query(Long.class).single();
                    doSegundoDuranteAInterna[0] = segundo.getHikariPoolMXBean().getActiveConnections();
                    return principal.getHikariPoolMXBean().getActiveConnections();
                });
            });
            fim = System.nanoTime();
        } finally {
            for (Connection c : tomadas) {
                c.close();
            }
        }

        assertThat(Duration.ofNanos(fim - inicio)).isLessThan(Duration.ofSeconds(2));
        assertThat(ativasDuranteAInterna).isEqualTo(principal.getMaximumPoolSize());
        assertThat(doSegundoDuranteAInterna[0]).isPositive();
    }

    @Test
    void aPrimeiraConexaoDeCadaThreadVemDoPoolPrincipalEAsOutrasDoSegundo() throws SQLException {
        HikariDataSource segundo = dataSource.unwrap(SegundaConexao.UmaPorThread.class).segunda()
                .unwrap(HikariDataSource.class);
        // nothing else in the suite holds two connections at once (the job executor is off): the count is ours
        int antes = segundo.getHikariPoolMXBean().getActiveConnections();
        try (Connection primeira = dataSource.getConnection()) {
            assertThat(segundo.getHikariPoolMXBean().getActiveConnections()).isEqualTo(antes);
            try (Connection segunda = dataSource.getConnection()) {
                assertThat(segunda.isValid(1)).isTrue();
                assertThat(segundo.getHikariPoolMXBean().getActiveConnections()).isEqualTo(antes + 1);
            }
        }
        // the first one closed: the thread's next connection is a first one again
        try (Connection outra = dataSource.getConnection()) {
            assertThat(segundo.getHikariPoolMXBean().getActiveConnections()).isEqualTo(antes);
        }
    }
}
