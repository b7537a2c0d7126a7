package br.com.terceirizacs.seguranca;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * The account or the address must wait before trying again ({@link LimitadorLogin}). A {@link LockedException}, so
 * that Spring's ProviderManager stops at it instead of asking the next provider.
 */
class LoginEmEsperaException extends LockedException {

    private final transient Duration espera;

    LoginEmEsperaException(Duration espera) {
        super(RespostaLoginEmEspera.mensagem(espera));
        this.espera = espera;
    }

    Duration espera() {
        return espera;
    }
}
