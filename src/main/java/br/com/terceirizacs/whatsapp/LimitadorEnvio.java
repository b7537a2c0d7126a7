package br.com.terceirizacs.whatsapp;

import java.time.Duration;

import javax.sql.DataSource;

import br.com.terceirizacs.comum.BaldesPorChave;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
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

    private final Duration esperaMaxima;
    private final BaldesPorChave baldes;

    @Autowired
    LimitadorEnvio(WhatsAppProperties props, DataSource dataSource) {
        this(props, BaldesPorChave.ehPostgres(dataSource, "Não foi possível ler o tipo do banco para o limite de envio")
                        ? compartilhado(dataSource, TimeMeter.SYSTEM_MILLISECONDS) : null,
                TimeMeter.SYSTEM_MILLISECONDS, BlockingStrategy.PARKING);
    }

    /** With {@code proxies} null, buckets in memory; the clock and the way of waiting are the tests' to choose. */
    LimitadorEnvio(WhatsAppProperties props, ProxyManager<String> proxies, TimeMeter relogio, BlockingStrategy espera) {
        this.esperaMaxima = props.esperaMaximaLimite();
        this.baldes = new BaldesPorChave(configuracao(props.limitePorSegundo()), esperaMaxima, espera, relogio, proxies);
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
        return BaldesPorChave.postgres(dataSource, "limites_envio", "numero", "estado", relogio);
    }

    /** Waits for this number's next slot; false when it is further away than the configured wait. */
    boolean aguardarVez(String phoneNumberId) {
        if (esperaMaxima.isZero() || esperaMaxima.isNegative()) {
            return baldes.balde(phoneNumberId).tryConsume(1);
        }
        return baldes.aguardarVez(phoneNumberId);
    }
}
