package br.com.terceirizacs.whatsapp;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Meta's throughput limit per sending number, held for the whole cluster: on PostgreSQL every node takes its slots
 * from one row per number ({@code limites_envio}, Bucket4j's select-for-update proxy); on H2 (one JVM by
 * construction) from a bucket in memory. The bucket holds a single token refilled every 1/limit second, so sends are
 * spaced evenly and no 1-second window, wherever it starts, sees more than the limit (a bucket of "limit per second"
 * would let a burst of the limit in at the end of one second and again at the start of the next). Slots are granted
 * at {@value #RITMO} of the limit: what happens between the slot and Meta's socket (the claim of the send, the
 * request itself, a GC pause) shifts arrivals by milliseconds, and the margin keeps that jitter from putting one
 * send too many into some second (measured with 10,000 sends in docs/benchmarks.md).
 * A send waits for its slot up to {@code esperaMaximaLimite}; past that it is retried later.
 */
@Component
class LimitadorEnvio {

    static final double RITMO = 0.975;

    private final BucketConfiguration configuracao;
    private final Duration esperaMaxima;
    private final Function<String, Bucket> fabrica;
    private final BlockingStrategy espera;
    private final Map<String, Bucket> baldes = new ConcurrentHashMap<>();

    @Autowired
    LimitadorEnvio(WhatsAppProperties props, DataSource dataSource) {
        this(props, postgres(dataSource) ? compartilhado(dataSource, TimeMeter.SYSTEM_MILLISECONDS) : null,
                TimeMeter.SYSTEM_MILLISECONDS, BlockingStrategy.PARKING);
    }

    /** With {@code proxies} null, buckets in memory; the clock and the way of waiting are the tests' to choose. */
    LimitadorEnvio(WhatsAppProperties props, ProxyManager<String> proxies, TimeMeter relogio, BlockingStrategy espera) {
        this.configuracao = configuracao(props.limitePorSegundo());
        this.esperaMaxima = props.esperaMaximaLimite();
        this.espera = espera;
        // The stored bucket keeps the configuration it was created with; a node started later (a new limit, a
        // deploy) replaces it: the version is the moment this node started, so the newest node's limit wins.
        long versao = relogio.currentTimeNanos();
        this.fabrica = proxies != null
                ? numero -> proxies.builder()
                .withImplicitConfigurationReplacement(versao, TokensInheritanceStrategy.RESET)
                .build(numero, () -> configuracao)
                : numero -> Bucket.builder().withCustomTimePrecision(relogio)
                .addLimit(configuracao.getBandwidths()[0]).build();
    }

    static BucketConfiguration configuracao(int porSegundo) {
        if (porSegundo <= 0) {
            throw new IllegalArgumentException("terceiriza.whatsapp.limite-por-segundo precisa ser positivo");
        }
        return BucketConfiguration.builder()
                .addLimit(limite -> limite.capacity(1)
                        .refillGreedy(1, Duration.ofNanos(Math.round(1e9 / (porSegundo * RITMO)))))
                .build();
    }

    static ProxyManager<String> compartilhado(DataSource dataSource, TimeMeter relogio) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("limites_envio").idColumn("numero").stateColumn("estado")
                .clientClock(relogio)
                .build();
    }

    /** Waits for this number's next slot; false when it is further away than the configured wait. */
    boolean aguardarVez(String phoneNumberId) {
        Bucket balde = baldes.computeIfAbsent(phoneNumberId, fabrica);
        if (esperaMaxima.isZero() || esperaMaxima.isNegative()) {
            return balde.tryConsume(1);
        }
        try {
            return balde.asBlocking().tryConsume(1, esperaMaxima, espera);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean postgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Não foi possível ler o tipo do banco para o limite de envio", e);
        }
    }
}
