package br.com.terceirizacs.seguranca;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Local demo only: a CS user ({@code csdemo}, group cs) with a fresh password printed at every start (one that
 * Camunda's password policy accepts).
 */
@Component
@ConditionalOnProperty(name = "terceiriza.demo.semear", havingValue = "true")
class DemoUsuarioCs {

    static final String USUARIO = "csdemo";
    private static final Logger log = LoggerFactory.getLogger(DemoUsuarioCs.class);

    private final IdentityService identity;

    DemoUsuarioCs(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    void criar() {
        User usuario = identity.createUserQuery().userId(USUARIO).singleResult();
        if (usuario == null) {
            usuario = identity.newUser(USUARIO);
            usuario.setFirstName("CS");
            usuario.setLastName("Demo");
            usuario.setEmail("cs.demo@terceirizacs.example.com");
        }
        String senha = PoliticaDeSenha.gerar(usuario);
        usuario.setPassword(senha);
        identity.saveUser(usuario);
        if (identity.createUserQuery().userId(USUARIO).memberOfGroup(Papeis.GRUPO_CS).count() == 0) {
            identity.createMembership(USUARIO, Papeis.GRUPO_CS);
        }
        log.warn("""

                ================================================================
                 Usuário de CS da demo (Tasklist): {}
                 Senha gerada nesta execução: {}
                ================================================================""", USUARIO, senha);
    }
}
