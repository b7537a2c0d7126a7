package br.com.terceirizacs.whatsapp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Simulation must not be discovered by a student who never got a message: when the channel runs dry, start-up ends
 * with a WARN block that says so and how to turn real sending on. (Production refuses to start in simulation unless
 * it is intended: seguranca/NumeroWhatsAppObrigatorio.)
 */
@Component
class AvisoModoSimulado {

    private static final Logger log = LoggerFactory.getLogger(AvisoModoSimulado.class);

    private final WhatsAppProperties props;
    private final boolean intencional;

    AvisoModoSimulado(WhatsAppProperties props,
                      @Value("${terceiriza.whatsapp.simulacao-intencional:false}") boolean intencional) {
        this.props = props;
        this.intencional = intencional;
    }

    @EventListener(ApplicationReadyEvent.class)
    void avisar() {
        texto().ifPresent(log::warn);
    }

    /** The block, when there is something to say. */
    java.util.Optional<String> texto() {
        if (!props.simulado()) {
            return java.util.Optional.empty();
        }
        String linha = "=".repeat(100);
        return java.util.Optional.of(String.join(System.lineSeparator(), "", linha,
                "MODO SIMULAÇÃO DO WHATSAPP: nenhuma mensagem sai de verdade.",
                "Cada envio é apenas registrado (a mensagem fica SIMULADA e o disparo, ENVIADO) e nenhum aluno recebe",
                "nada. /actuator/health mostra whatsapp.modo = SIMULADO a um admin; o painel do produtor diz 'modo simulação'.",
                intencional ? "A simulação é intencional (WHATSAPP_SIMULACAO_INTENCIONAL=true)."
                        : "Para enviar de verdade: defina WHATSAPP_TOKEN e WHATSAPP_PHONE_NUMBER_ID.",
                linha));
    }
}
