package br.com.terceirizacs.whatsapp;

import br.com.terceirizacs.comum.FalhaSemRetentativa;

/** The sending number is stopped (invalid access token): nothing leaves until the token is replaced. */
public class NumeroBloqueadoException extends RuntimeException implements FalhaSemRetentativa {

    /** The incident's instruction (pt-BR, Cockpit). */
    static final String O_QUE_FAZER = "gere um novo token de acesso no Meta for Developers, coloque-o em "
            + "WHATSAPP_TOKEN, reinicie o aplicativo e tente de novo os incidentes no Cockpit (Incidentes → "
            + "selecionar todos → Tentar de novo); cada mensagem sai uma vez só.";

    public NumeroBloqueadoException(String mensagem) {
        super(mensagem);
    }
}
