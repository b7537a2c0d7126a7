package br.com.terceirizacs.whatsapp;

/** Meta answered the request with an error: the message was not accepted. */
public class ErroCloudApi extends RuntimeException {

    private final int statusHttp;
    private final int codigo;
    private final ClasseErro classe;

    public ErroCloudApi(int statusHttp, int codigo, String mensagem) {
        super(comCodigo(codigo, mensagem));
        this.statusHttp = statusHttp;
        this.codigo = codigo;
        this.classe = ClasseErro.de(codigo, statusHttp);
    }

    /**
     * Meta's own message usually starts with the code already ("(#132001) Template name does not exist…"): the code
     * is written once, never twice.
     */
    static String comCodigo(int codigo, String mensagem) {
        String prefixo = "(#" + codigo + ")";
        String texto = mensagem == null ? "" : mensagem.strip();
        return texto.startsWith(prefixo) ? texto : (prefixo + " " + texto).strip();
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
