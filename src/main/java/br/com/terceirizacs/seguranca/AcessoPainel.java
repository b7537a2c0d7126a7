package br.com.terceirizacs.seguranca;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Tenant isolation of the dashboard: ADMIN and CS may open any producer; a CLIENTE user only the
 * producer they belong to, and only while their user is active. Everything else is "not found", so that a producer
 * cannot even learn which other producers exist.
 */
@Component
public class AcessoPainel {

    private final UsuarioClienteService usuarios;

    AcessoPainel(UsuarioClienteService usuarios) {
        this.usuarios = usuarios;
    }

    public boolean podeVer(Authentication autenticacao, String slug) {
        if (autenticacao == null || slug == null) {
            return false;
        }
        if (equipe(autenticacao)) {
            return true;
        }
        return usuarioCliente(autenticacao)
                .filter(u -> u.clienteSlug().equals(slug))
                .filter(u -> usuarios.ativo(u.id()))
                .isPresent();
    }

    /** Terceiriza staff (ADMIN or CS): may choose any producer. */
    public boolean equipe(Authentication autenticacao) {
        return autenticacao.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(p -> p.equals("ROLE_" + Papeis.ADMIN) || p.equals("ROLE_" + Papeis.CS));
    }

    /** The producer user behind this login, if it is one. */
    public Optional<UsuarioPainel> usuarioCliente(Authentication autenticacao) {
        return autenticacao != null && autenticacao.getPrincipal() instanceof UsuarioPainel u
                ? Optional.of(u) : Optional.empty();
    }
}
