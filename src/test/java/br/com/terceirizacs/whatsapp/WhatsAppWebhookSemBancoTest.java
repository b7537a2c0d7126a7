package br.com.terceirizacs.whatsapp;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import br.com.terceirizacs.IntegracaoBase;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** Meta's webhook answers within its wait: 503 with Retry-After when the database does not, never a hang or a 500. */
class WhatsAppWebhookSemBancoTest extends IntegracaoBase {

    @Autowired
    DataSource dataSource;

    @Value("${terceiriza.webhooks.whatsapp-espera}")
    Duration espera;

    @Test
    void semConexaoNoPoolPrincipalRespondeServicoIndisponivelComRetryAfterDentroDaEspera() throws Exception {
        HikariDataSource principal = dataSource.unwrap(HikariDataSource.class);
        String status = amostraWhatsApp("webhook-status-sent.json");
        List<Connection> tomadas = new ArrayList<>();
        HttpResponse<String> r;
        long inicio;
        long fim;
        try {
            while (tomadas.size() < principal.getMaximumPoolSize()) {
                tomadas.add(principal.getConnection());
            }
            inicio = System.nanoTime();
            r = postarWhatsAppAssinado(status);
            fim = System.nanoTime();
        } finally {
            for (Connection c : tomadas) {
                c.close();
            }
        }

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json(r.body()).path("erro").asText()).contains("indisponível");
        assertThat(Duration.ofNanos(fim - inicio)).isLessThan(espera.plusSeconds(1));
        // Meta delivers it again: applied (a batch that finished after its 503 is a duplicate, tolerated)
        assertThat(postarWhatsAppAssinado(status).statusCode()).isEqualTo(200);
    }
}
