package br.com.terceirizacs.seguranca;

import java.util.List;
import java.util.Optional;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.Cliente;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Signs producer users in by e-mail and password; they get role CLIENTE and a principal bound to their cliente. */
@Component
class UsuarioClienteAuthenticationProvider implements AuthenticationProvider {

    private final UsuarioClienteService usuarios;
    private final CatalogoService catalogo;
    private final PasswordEncoder senhas;
    /** Compared against when the e-mail is unknown, so that a wrong e-mail costs as long as a wrong password. */
    private final String hashFicticio;

    UsuarioClienteAuthenticationProvider(UsuarioClienteService usuarios, CatalogoService catalogo,
                                         PasswordEncoder senhas) {
        this.usuarios = usuarios;
        this.catalogo = catalogo;
        this.senhas = senhas;
        this.hashFicticio = senhas.encode("senha-que-nenhum-usuario-tem");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName();
        Object credencial = authentication.getCredentials();
        if (email == null || !email.contains("@") || credencial == null) {
            return null; // not a producer login: let the next provider (Camunda users) try
        }
        Optional<UsuarioCliente> usuario = usuarios.porEmail(email);
        String hash = usuario.map(UsuarioCliente::getSenhaHash).orElse(hashFicticio);
        boolean confere = senhas.matches(credencial.toString(), hash);
        if (usuario.isEmpty() || !confere || !usuario.get().isAtivo()) {
            throw new BadCredentialsException("E-mail ou senha inválidos");
        }
        UsuarioCliente u = usuario.get();
        Cliente cliente = catalogo.clientePorId(u.getClienteId()).orElseThrow();
        UsuarioPainel principal = new UsuarioPainel(u.getId(), u.getEmail(), u.getNome(), cliente.getId(),
                cliente.getSlug());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Papeis.CLIENTE)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
