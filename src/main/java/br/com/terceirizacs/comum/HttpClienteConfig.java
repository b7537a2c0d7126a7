package br.com.terceirizacs.comum;

import org.springframework.cloud.openfeign.clientconfig.HttpClient5FeignConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client under every Feign client: no automatic retries. Apache HttpClient 5 would otherwise resend a POST
 * answered 429/503 on its own, around our rate limiter and back-off; retries are the job engine's decision.
 */
@Configuration
class HttpClienteConfig {

    @Bean
    HttpClient5FeignConfiguration.HttpClientBuilderCustomizer semRetentativasAutomaticas() {
        return builder -> builder.disableAutomaticRetries();
    }
}
