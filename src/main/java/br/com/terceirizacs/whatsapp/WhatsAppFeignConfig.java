package br.com.terceirizacs.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;
import feign.Response;
import feign.Retryer;
import feign.codec.ErrorDecoder;
import org.springframework.context.annotation.Bean;

/**
 * Feign settings of the Cloud API client only (deliberately not a @Configuration: it must not apply to other
 * clients). No Feign retries: retries are Camunda job retries, decided by error class.
 */
class WhatsAppFeignConfig {

    @Bean
    Retryer whatsappRetryer() {
        return Retryer.NEVER_RETRY;
    }

    @Bean
    Request.Options whatsappTimeouts(WhatsAppProperties props) {
        return new Request.Options(props.timeoutConexao().toMillis(), TimeUnit.MILLISECONDS,
                props.timeoutLeitura().toMillis(), TimeUnit.MILLISECONDS, true);
    }

    @Bean
    ErrorDecoder whatsappErros(ObjectMapper mapper) {
        return (metodo, resposta) -> decodificar(mapper, resposta);
    }

    /** {@code {"error": {"code": 130429, "message": "..."}}} → {@link ErroCloudApi}; code -1 when there is none. */
    static ErroCloudApi decodificar(ObjectMapper mapper, Response resposta) {
        int codigo = -1;
        String mensagem = "HTTP " + resposta.status();
        if (resposta.body() != null) {
            try (InputStream in = resposta.body().asInputStream()) {
                JsonNode erro = mapper.readTree(in).path("error");
                if (erro.path("code").canConvertToInt()) {
                    codigo = erro.path("code").asInt();
                }
                if (erro.hasNonNull("message")) {
                    mensagem = erro.path("message").asText();
                }
            } catch (IOException | RuntimeException e) {
                // not Meta's error shape (a proxy's HTML page, say): classified by HTTP status
            }
        }
        return new ErroCloudApi(resposta.status(), codigo, mensagem);
    }
}
