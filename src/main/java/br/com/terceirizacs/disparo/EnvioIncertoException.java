package br.com.terceirizacs.disparo;

import br.com.terceirizacs.comum.FalhaSemRetentativa;

/** The send may have happened: an operator decides (Cockpit incident) unless a status webhook settles it first. */
public class EnvioIncertoException extends RuntimeException implements FalhaSemRetentativa {

    public EnvioIncertoException(String mensagem) {
        super(mensagem);
    }
}
