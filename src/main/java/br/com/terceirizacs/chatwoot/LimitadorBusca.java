package br.com.terceirizacs.chatwoot;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.sql.DataSource;

import br.com.terceirizacs.comum.Hashes;
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
 * Chatwoot's contact search allows 100 calls a minute per account (rack-attack answers 429 past it), for the whole
 * cluster: on PostgreSQL every node takes its searches from one row per account ({@code chatwoot_limites_busca},
 * Bucket4j's select-for-update proxy, the same pattern as the WhatsApp sending limit); on H2 (one JVM) from a bucket
 * in memory. One token refilled every 60/limit seconds spaces the searches evenly, so no minute, wherever it starts,
 * sees more than the limit. A search waits for its slot up to {@code esperaMaximaBusca}; past that the caller is
 * retried later.
 */
@Component
class LimitadorBusca {

    private final BucketConfiguration configuracao;
    private final Duration esperaMaxima;
    private final Function<String, Bucket> fabrica;
    private final Map<String, Bucket> baldes = new ConcurrentHashMap<>();
    private final BlockingStrategy espera;

    @Autowired
    LimitadorBusca(ChatwootProperties props, DataSource dataSource) {
        this(props, postgres(dataSource) ? compartilhado(dataSource) : null, TimeMeter.SYSTEM_MILLISECONDS,
                BlockingStrategy.PARKING);
    }

    /** With {@code proxies} null, buckets in memory; the clock and the way of waiting are the tests' to choose. */
    LimitadorBusca(ChatwootProperties props, ProxyManager<String> proxies, TimeMeter relogio, BlockingStrategy espera) {
        this.espera = espera;
        this.configuracao = configuracao(props.buscasPorMinuto());
        this.esperaMaxima = props.esperaMaximaBusca();
        long versao = relogio.currentTimeNanos();
        this.fabrica = proxies != null
                ? conta -> proxies.builder()
                .withImplicitConfigurationReplacement(versao, TokensInheritanceStrategy.RESET)
                .build(conta, () -> configuracao)
                : conta -> Bucket.builder().withCustomTimePrecision(relogio)
                .addLimit(configuracao.getBandwidths()[0]).build();
    }

    static BucketConfiguration configuracao(int porMinuto) {
        if (porMinuto <= 0 || porMinuto > 100) {
            throw new IllegalArgumentException("terceiriza.chatwoot.buscas-por-minuto deve estar entre 1 e 100");
        }
        return BucketConfiguration.builder()
                .addLimit(limite -> limite.capacity(1).refillGreedy(1, Duration.ofMillis(60_000L / porMinuto)))
                .build();
    }

    static ProxyManager<String> compartilhado(DataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("chatwoot_limites_busca").idColumn("conta").stateColumn("estado")
                .build();
    }

    /** Waits for the account's next search; false when it is further away than the configured wait. */
    boolean aguardarVez(String chaveConta) {
        // the key is a hash: the base URL of a producer's Chatwoot is no business of the limiter's table
        Bucket balde = baldes.computeIfAbsent(Hashes.sha256(chaveConta), fabrica);
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
            throw new IllegalStateException("Não foi possível ler o tipo do banco para o limite de buscas do Chatwoot", e);
        }
    }
}
