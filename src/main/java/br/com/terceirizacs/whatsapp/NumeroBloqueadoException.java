package br.com.terceirizacs.whatsapp;

import br.com.terceirizacs.comum.FalhaSemRetentativa;

/** The sending number is stopped (invalid access token): nothing leaves until the token is replaced. */
public class NumeroBloqueadoException extends RuntimeException implements FalhaSemRetentativa {

    public NumeroBloqueadoException(String mensagem) {
        super(mensagem);
    }
}
