package br.com.terceirizacs.whatsapp;

import java.time.Duration;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.springframework.stereotype.Component;

/**
 * One rate limiter per sending number (Meta counts throughput per business phone number), from Resilience4j.
 * It holds within this JVM; several nodes sharing one number must divide the limit between them (see docs).
 */
@Component
class LimitadorEnvio {

    private final RateLimiterRegistry registro;

    LimitadorEnvio(WhatsAppProperties props) {
        this.registro = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(props.limitePorSegundo())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(props.esperaMaximaLimite())
                .build());
    }

    /** Waits for a slot; false when none came within the configured wait. */
    boolean aguardarVez(String phoneNumberId) {
        return registro.rateLimiter(phoneNumberId).acquirePermission();
    }

    RateLimiter limitador(String phoneNumberId) {
        return registro.rateLimiter(phoneNumberId);
    }
}
