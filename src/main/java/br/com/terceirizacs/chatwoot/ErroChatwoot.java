package br.com.terceirizacs.chatwoot;

/**
 * Chatwoot answered with an error, or could not be reached ({@code statusHttp} 0). The message is Chatwoot's own
 * {@code error}/{@code message} text (never a header, so never the token).
 */
public class ErroChatwoot extends RuntimeException {

    private final int statusHttp;
    private final ClasseErroChatwoot classe;

    ErroChatwoot(int statusHttp, String mensagem, Throwable causa) {
        super(mensagem, causa);
        this.statusHttp = statusHttp;
        this.classe = statusHttp == 0 ? ClasseErroChatwoot.TRANSITORIO : ClasseErroChatwoot.de(statusHttp);
    }

    public int getStatusHttp() {
        return statusHttp;
    }

    public ClasseErroChatwoot getClasse() {
        return classe;
    }
}
