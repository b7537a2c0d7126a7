package br.com.terceirizacs.whatsapp;

import br.com.terceirizacs.comum.FalhaSemRetentativa;

/**
 * Meta refused the template itself (errors 132xxx): the template is stopped for the sending number and this send,
 * the first to meet the error, becomes the one incident an operator acts on.
 */
public class TemplateBloqueadoException extends RuntimeException implements FalhaSemRetentativa {

    public TemplateBloqueadoException(String mensagem) {
        super(mensagem);
    }
}
