package br.com.terceirizacs.chatwoot;

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
 * Feign settings of the Chatwoot client only (deliberately not a @Configuration). No Feign retries: a label is
 * retried by its Camunda job, a note by the outbox worker, each with back-off and a bound.
 */
class ChatwootFeignConfig {

    /** Chatwoot's error text is cut to this: it ends up in incidents and in our tables. */
    static final int MENSAGEM_MAXIMA = 200;

    @Bean
    Retryer chatwootRetryer() {
        return Retryer.NEVER_RETRY;
    }

    @Bean
    Request.Options chatwootTimeouts(ChatwootProperties props) {
        return new Request.Options(props.timeoutConexao().toMillis(), TimeUnit.MILLISECONDS,
                props.timeoutLeitura().toMillis(), TimeUnit.MILLISECONDS, true);
    }

    @Bean
    ErrorDecoder chatwootErros(ObjectMapper mapper) {
        return (metodo, resposta) -> decodificar(mapper, resposta);
    }

    /** {@code {"error": "..."}} or {@code {"message": "..."}} → {@link ErroChatwoot}; the HTTP status otherwise. */
    static ErroChatwoot decodificar(ObjectMapper mapper, Response resposta) {
        String mensagem = "HTTP " + resposta.status();
        if (resposta.body() != null) {
            try (InputStream in = resposta.body().asInputStream()) {
                JsonNode corpo = mapper.readTree(in);
                JsonNode texto = corpo.hasNonNull("error") ? corpo.get("error") : corpo.path("message");
                if (texto.isTextual() && !texto.asText().isBlank()) {
                    mensagem = "HTTP " + resposta.status() + ": " + texto.asText();
                }
            } catch (IOException | RuntimeException e) {
                // not Chatwoot's error shape (a proxy's HTML page): classified by the status alone
            }
        }
        if (mensagem.length() > MENSAGEM_MAXIMA) {
            mensagem = mensagem.substring(0, MENSAGEM_MAXIMA);
        }
        return new ErroChatwoot(resposta.status(), mensagem, null);
    }
}
