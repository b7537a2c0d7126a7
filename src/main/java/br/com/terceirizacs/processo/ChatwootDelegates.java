package br.com.terceirizacs.processo;

import br.com.terceirizacs.chatwoot.EtiquetaService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Chatwoot steps of the diagrams. {@code etiquetaChatwoot}: an asynchronous service task placed after a
 * successful send; reads {@code matriculaId}, the optional {@code filaId} (the send, whose WhatsApp id helps find the
 * contact) and its local input parameter {@code etiqueta} (e.g. {@code conquista}). Retried by its retry cycle while
 * Chatwoot is unavailable; an incident when the account refuses us; nothing when the producer has no Chatwoot.
 */
@Configuration
class ChatwootDelegates {

    static final String ETIQUETA = "etiqueta";

    @Bean("etiquetaChatwoot")
    JavaDelegate etiquetaChatwoot(EtiquetaService etiquetas) {
        return ex -> etiquetas.aplicar((Long) ex.getVariable(Variaveis.MATRICULA_ID),
                (Long) ex.getVariable(Variaveis.FILA_ID), (String) ex.getVariableLocal(ETIQUETA));
    }
}
