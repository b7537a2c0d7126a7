package br.com.terceirizacs.seguranca;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts {@link LimitadorLogin} around the providers of one security chain: a waiting account or address is refused
 * before any password is checked, a wrong password is counted once per attempt (not once per provider that tried
 * it), and a success clears the account's count.
 */
final class AutenticacaoLimitada implements AuthenticationManager {

    private final AuthenticationManager provedores;
    private final LimitadorLogin limitador;
    private final LimitadorLogin.Entrada entrada;

    AutenticacaoLimitada(AuthenticationManager provedores, LimitadorLogin limitador, LimitadorLogin.Entrada entrada) {
        this.provedores = provedores;
        this.limitador = limitador;
        this.entrada = entrada;
    }

    @Override
    public Authentication authenticate(Authentication pedido) {
        String conta = pedido.getName();
        String endereco = pedido.getDetails() instanceof WebAuthenticationDetails detalhes
                ? detalhes.getRemoteAddress() : null;
        Duration espera = limitador.espera(conta, endereco, entrada);
        if (espera.compareTo(Duration.ZERO) > 0) {
            throw new LoginEmEsperaException(espera);
        }
        Authentication autenticado;
        try {
            autenticado = provedores.authenticate(pedido);
        } catch (BadCredentialsException e) {
            limitador.falhou(conta, endereco, entrada);
            throw e;
        }
        limitador.entrou(conta);
        return autenticado;
    }
}
