package br.com.terceirizacs.whatsapp;

/** Nothing was sent (Meta refused for now, or the request never left): the job retries with back-off. */
public class EnvioTransitorioException extends RuntimeException {

    public EnvioTransitorioException(String mensagem, Throwable causa) {
        super(mensagem, causa);
    }
}
