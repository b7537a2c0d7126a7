package br.com.terceirizacs.disparo;

import br.com.terceirizacs.comum.FalhaSemRetentativa;

/** An uncertain send the process cannot settle by itself: an incident whose message tells the operator what to do. */
public class EnvioIncertoException extends RuntimeException implements FalhaSemRetentativa {

    public EnvioIncertoException(String mensagem) {
        super(mensagem);
    }
}
