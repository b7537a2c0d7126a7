package br.com.terceirizacs.seguranca;

import java.io.Serializable;
import java.security.Principal;

/**
 * The signed-in producer user: who they are and the one cliente whose data they may read. Kept in the session as
 * the principal of the authentication; only ids and names, never the password hash.
 */
public record UsuarioPainel(Long id, String email, String nome, Long clienteId, String clienteSlug)
        implements Principal, Serializable {

    @Override
    public String getName() {
        return email;
    }
}
