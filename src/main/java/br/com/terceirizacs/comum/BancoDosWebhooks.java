package br.com.terceirizacs.comum;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connections that acknowledge webhooks: a small HikariCP pool of its own on the application's database, used
 * only by what must happen before Hotmart gets its answer (the hottok look-up, the inbox insert). The job executor,
 * the inbox processing and the sweeps take their connections from the main pool, so however long they hold it,
 * Hotmart waits for one of these connections at most {@code terceiriza.webhooks.espera-conexao}; past that (the
 * database is down or restarting) it gets a 503 with {@code Retry-After} and delivers again.
 * <p>
 * Deliberately not a {@link DataSource} bean: the engine, JPA and Flyway keep the one main pool. Same database (the
 * main pool's URL, user, password and driver properties, so H2's per-context in-memory database is shared too).
 */
@Component
public class BancoDosWebhooks implements DisposableBean {

    private final HikariDataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transacao;
    private final Duration repetirApos;

    BancoDosWebhooks(DataSource principal, MeterRegistry metricas,
                     @Value("${terceiriza.webhooks.conexoes}") int conexoes,
                     @Value("${terceiriza.webhooks.espera-conexao}") Duration espera,
                     @Value("${terceiriza.webhooks.repetir-apos}") Duration repetirApos) throws SQLException {
        HikariConfig config = SegundaConexao.mesmoBanco(principal.unwrap(HikariDataSource.class), "webhooks");
        config.setMaximumPoolSize(conexoes);
        config.setConnectionTimeout(espera.toMillis());
        // a connection found dead on checkout is replaced within the same wait (Hikari needs it below the timeout)
        config.setValidationTimeout(Math.max(250, Math.min(1000, espera.toMillis() / 2)));
        // start without the database: a node that boots during an outage answers 503 until it is back
        config.setInitializationFailTimeout(-1);
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metricas));
        this.dataSource = new HikariDataSource(config);
        this.jdbc = JdbcClient.create(dataSource);
        this.transacao = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.repetirApos = repetirApos;
    }

    /** Statements on the webhooks' pool; inside {@link #transacao()} they join its transaction. */
    public JdbcClient jdbc() {
        return jdbc;
    }

    public TransactionTemplate transacao() {
        return transacao;
    }

    /** The pool itself, for tests and diagnostics; the application goes through {@link #jdbc()}. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether a failure means "the database did not answer", which a webhook reports as 503 (nothing stored). */
    public static boolean bancoIndisponivel(Throwable e) {
        return e instanceof DataAccessException || e instanceof TransactionException;
    }

    /**
     * The answer to a webhook whose delivery could not be stored: 503, {@code Retry-After} in seconds, a pt-BR
     * body. Never a 2xx (the sender would not deliver it again) and never a 500 (the sender may count it against
     * the hook).
     */
    public ResponseEntity<Map<String, Object>> indisponivel() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, repetirApos.toSeconds())))
                .body(Map.of("erro", "Banco de dados indisponível no momento; a entrega não foi registrada. "
                        + "Envie de novo em alguns segundos."));
    }

    @Override
    public void destroy() {
        dataSource.close();
    }
}
