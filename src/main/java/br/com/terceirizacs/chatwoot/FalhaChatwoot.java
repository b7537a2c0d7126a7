package br.com.terceirizacs.chatwoot;

import br.com.terceirizacs.comum.FalhaSemRetentativa;

/**
 * Chatwoot refused us in a way retrying cannot fix (wrong token, account or inbox; data it will not take): the
 * step becomes an incident at once, with a pt-BR message that says what the operator does.
 */
public class FalhaChatwoot extends RuntimeException implements FalhaSemRetentativa {

    FalhaChatwoot(String mensagem, Throwable causa) {
        super(mensagem, causa);
    }
}
