package br.com.terceirizacs.comum;

/** A resource named in the request does not exist (HTTP 404, message in pt-BR). */
public class NaoEncontradoException extends RuntimeException {

    public NaoEncontradoException(String mensagem) {
        super(mensagem);
    }
}
