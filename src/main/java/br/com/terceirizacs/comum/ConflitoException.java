package br.com.terceirizacs.comum;

/** The request contradicts stored data, e.g. a slug already in use (HTTP 409, message in pt-BR). */
public class ConflitoException extends RuntimeException {

    public ConflitoException(String mensagem) {
        super(mensagem);
    }
}
