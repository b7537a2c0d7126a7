package br.com.terceirizacs.whatsapp;

import br.com.terceirizacs.comum.EsperaPorOperador;

/**
 * The send's template is stopped for the number and another send of it is already the incident: this one waits,
 * nothing sent, no incident of its own, until the template is released.
 */
public class EnvioRetidoException extends RuntimeException implements EsperaPorOperador {

    public EnvioRetidoException(String mensagem) {
        super(mensagem);
    }
}
