package br.com.terceirizacs.chatwoot;

import java.time.Duration;

import javax.sql.DataSource;

import br.com.terceirizacs.comum.BaldesPorChave;
import br.com.terceirizacs.comum.Hashes;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
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

    private final BaldesPorChave baldes;

    @Autowired
    LimitadorBusca(ChatwootProperties props, DataSource dataSource) {
        this(props, BaldesPorChave.ehPostgres(dataSource,
                        "Não foi possível ler o tipo do banco para o limite de buscas do Chatwoot")
                        ? compartilhado(dataSource) : null,
                TimeMeter.SYSTEM_MILLISECONDS, BlockingStrategy.PARKING);
    }

    /** With {@code proxies} null, buckets in memory; the clock and the way of waiting are the tests' to choose. */
    LimitadorBusca(ChatwootProperties props, ProxyManager<String> proxies, TimeMeter relogio, BlockingStrategy espera) {
        this.baldes = new BaldesPorChave(configuracao(props.buscasPorMinuto()), props.esperaMaximaBusca(), espera,
                relogio, proxies);
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
        return BaldesPorChave.postgres(dataSource, "chatwoot_limites_busca", "conta", "estado", null);
    }

    /** Waits for the account's next search; false when it is further away than the configured wait. */
    boolean aguardarVez(String chaveConta) {
        // the key is a hash: the base URL of a producer's Chatwoot is no business of the limiter's table
        return baldes.aguardarVez(Hashes.sha256(chaveConta));
    }
}
