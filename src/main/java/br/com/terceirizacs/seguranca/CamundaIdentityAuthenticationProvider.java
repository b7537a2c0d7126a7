package br.com.terceirizacs.seguranca;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * One identity for the whole application: the users and groups of the Camunda engine (managed in Camunda Admin)
 * also sign in to our API. Group membership gives the Spring role ({@link Papeis}).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String usuario = authentication.getName();
        Object credencial = authentication.getCredentials();
        if (usuario == null || credencial == null || !identityService.checkPassword(usuario, credencial.toString())) {
            throw new BadCredentialsException("Usuário ou senha inválidos");
        }
        List<SimpleGrantedAuthority> papeis = identityService.createGroupQuery().groupMember(usuario).list().stream()
                .map(Group::getId)
                .map(Papeis::papelDoGrupo)
                .filter(Objects::nonNull)
                .map(papel -> new SimpleGrantedAuthority("ROLE_" + papel))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(usuario, null, papeis);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
