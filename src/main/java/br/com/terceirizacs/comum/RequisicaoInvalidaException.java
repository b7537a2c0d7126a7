package br.com.terceirizacs.comum;

/** A request field is invalid in a way bean validation cannot see (HTTP 400, message in pt-BR). */
public class RequisicaoInvalidaException extends RuntimeException {

    private final String campo;

    public RequisicaoInvalidaException(String campo, String mensagem) {
        super(mensagem);
        this.campo = campo;
    }

    public String getCampo() {
        return campo;
    }
}
