package br.com.terceirizacs.whatsapp;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code whatsapp} entry of {@code /actuator/health}: always UP (simulating is not an outage, and a load balancer
 * must not take the node out for it), with the detail {@code modo: SIMULADO|REAL}. Details are shown to an
 * authenticated admin only ({@code management.endpoint.health.show-details}); anyone else sees the status.
 */
@Component("whatsappHealthIndicator")
class SaudeWhatsApp implements HealthIndicator {

    static final String SIMULADO = "SIMULADO";
    static final String REAL = "REAL";

    private final WhatsAppProperties props;

    SaudeWhatsApp(WhatsAppProperties props) {
        this.props = props;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("modo", props.simulado() ? SIMULADO : REAL).build();
    }
}
