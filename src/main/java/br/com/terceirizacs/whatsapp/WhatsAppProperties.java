package br.com.terceirizacs.whatsapp;

import java.time.Duration;

import br.com.terceirizacs.comum.ModoEnvio;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code terceiriza.whatsapp.*}. Without a token the channel runs dry: it renders and records what it would have sent.
 *
 * @param limitePorSegundo  Meta's throughput per sending number (80 by default; 1,000 after Meta's upgrade)
 * @param esperaMaximaLimite how long a send may wait for the rate limiter before it is retried later
 */
@ConfigurationProperties("terceiriza.whatsapp")
public record WhatsAppProperties(
        @DefaultValue("https://graph.facebook.com") String baseUrl,
        @DefaultValue("v23.0") String apiVersion,
        String token,
        String phoneNumberId,
        String appSecret,
        String verifyToken,
        @DefaultValue("80") int limitePorSegundo,
        @DefaultValue("PT30S") Duration esperaMaximaLimite,
        @DefaultValue("PT2S") Duration timeoutConexao,
        @DefaultValue("PT10S") Duration timeoutLeitura) implements ModoEnvio {

    @Override
    public boolean simulado() {
        return token == null || token.isBlank();
    }

    /** The number whose limiter and block apply; the dry-run channel has one too. */
    public String numeroRemetente() {
        return phoneNumberId == null || phoneNumberId.isBlank() ? "simulado" : phoneNumberId;
    }
}
