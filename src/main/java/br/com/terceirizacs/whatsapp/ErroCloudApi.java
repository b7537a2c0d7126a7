package br.com.terceirizacs.whatsapp;

/** Meta answered the request with an error: the message was not accepted. */
public class ErroCloudApi extends RuntimeException {

    private final int statusHttp;
    private final int codigo;
    private final ClasseErro classe;

    public ErroCloudApi(int statusHttp, int codigo, String mensagem) {
        super("(#" + codigo + ") " + mensagem);
        this.statusHttp = statusHttp;
        this.codigo = codigo;
        this.classe = ClasseErro.de(codigo, statusHttp);
    }

    public int getStatusHttp() {
        return statusHttp;
    }

    public int getCodigo() {
        return codigo;
    }

    public ClasseErro getClasse() {
        return classe;
    }
}
