package br.com.terceirizacs.comum;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * One Bucket4j bucket per key (a sending number, a Chatwoot account), all with the same configuration. With a
 * {@link ProxyManager} every node of the cluster shares each key's bucket (one row per key); without one, the buckets
 * live in this JVM's memory on the given clock. Guarantee: the same key always gets the same bucket for the life of
 * this object, so the configured rate holds per key; a shared bucket stored with an older configuration is replaced
 * by this one (the version is the moment this object was made, so the newest node's configuration wins).
 */
public final class BaldesPorChave {

    private final Duration esperaMaxima;
    private final BlockingStrategy espera;
    private final Function<String, Bucket> fabrica;
    private final Map<String, Bucket> baldes = new ConcurrentHashMap<>();

    /** With {@code proxies} null, buckets in memory measured by {@code relogio}. */
    public BaldesPorChave(BucketConfiguration configuracao, Duration esperaMaxima, BlockingStrategy espera,
            TimeMeter relogio, ProxyManager<String> proxies) {
        this.esperaMaxima = esperaMaxima;
        this.espera = espera;
        long versao = relogio.currentTimeNanos();
        this.fabrica = proxies != null
                ? chave -> proxies.builder()
                .withImplicitConfigurationReplacement(versao, TokensInheritanceStrategy.RESET)
                .build(chave, () -> configuracao)
                : chave -> Bucket.builder().withCustomTimePrecision(relogio)
                .addLimit(configuracao.getBandwidths()[0]).build();
    }

    /** The key's bucket, made on first use. */
    public Bucket balde(String chave) {
        return baldes.computeIfAbsent(chave, fabrica);
    }

    /**
     * Waits for the key's next token up to the configured wait; false when it is further away, or when the thread is
     * interrupted while waiting (the interrupt flag is restored).
     */
    public boolean aguardarVez(String chave) {
        try {
            return balde(chave).asBlocking().tryConsume(1, esperaMaxima, espera);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Bucket4j's select-for-update proxy over {@code tabela} (string key in {@code colunaId}, state in
     * {@code colunaEstado}); {@code relogio} null means the database's clock.
     */
    public static ProxyManager<String> postgres(DataSource dataSource, String tabela, String colunaId,
            String colunaEstado, TimeMeter relogio) {
        var construtor = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(tabela).idColumn(colunaId).stateColumn(colunaEstado);
        if (relogio != null) {
            construtor.clientClock(relogio);
        }
        return construtor.build();
    }

    /** Whether {@code dataSource} is PostgreSQL; {@code mensagemDeErro} names the limit when the database can't be read. */
    public static boolean ehPostgres(DataSource dataSource, String mensagemDeErro) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException(mensagemDeErro, e);
        }
    }
}
