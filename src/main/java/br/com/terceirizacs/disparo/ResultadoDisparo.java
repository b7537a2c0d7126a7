package br.com.terceirizacs.disparo;

/**
 * What became of a send, as the diagrams read it: the process variable {@code resultadoEnvio} holds the constant's
 * name, and the gateways of {@code disparo.bpmn} and {@code onboarding.bpmn} compare against these names (a test
 * checks that every name they use is here).
 */
public enum ResultadoDisparo {
    /** Meta accepted it, or the dry-run channel recorded it. */
    ENVIADO,
    /** The request may have reached Meta without an answer: an operator decides (incident on "Confirmar envio incerto"). */
    INCERTO,
    /** After an uncertain send, the operator chose to send again. */
    REENVIAR,
    /** Meta refused it for good, or the operator gave up an uncertain send. */
    FALHOU,
    /** It will not go: stopped by the policy, discarded, expired or cancelled before the send. The row says why. */
    CANCELADO;

    /** The outcome a closed (or no longer approved) queue row stands for. */
    static ResultadoDisparo de(StatusFila status) {
        return switch (status) {
            case ENVIADO -> ENVIADO;
            case FALHOU -> FALHOU;
            default -> CANCELADO;
        };
    }
}
