package br.com.terceirizacs.whatsapp;

/** Nothing was sent (Meta refused for now, or the request never left): the job retries with back-off. */
public class EnvioTransitorioException extends RuntimeException {

    /** What an operator does once the retry cycle is over and the failure became an incident (pt-BR, Cockpit). */
    public static final String SE_VIROU_INCIDENTE = "Se isto virou incidente, as novas tentativas acabaram: confira o "
            + "status da plataforma do WhatsApp e os limites do número no WhatsApp Manager e tente o incidente de novo "
            + "no Cockpit (a mensagem sai uma vez só).";

    public EnvioTransitorioException(String mensagem, Throwable causa) {
        super(mensagem, causa);
    }
}
