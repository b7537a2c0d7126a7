package br.com.terceirizacs.seguranca;

import java.nio.file.Path;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Local demo only: a CS user ({@code csdemo}, group cs) whose password (one that Camunda's password policy accepts) is
 * generated once, kept in {@link SenhasDemo}'s file and printed at every start.
 */
@Component
@ConditionalOnProperty(name = "terceiriza.demo.semear", havingValue = "true")
class DemoUsuarioCs {

    static final String USUARIO = "csdemo";
    private static final Logger log = LoggerFactory.getLogger(DemoUsuarioCs.class);

    private final IdentityService identity;
    private final Path arquivoSenhas;

    DemoUsuarioCs(IdentityService identity, Environment env) {
        this.identity = identity;
        this.arquivoSenhas = SenhasDemo.arquivo(env);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    void criar() {
        String senha = garantir(identity, arquivoSenhas, USUARIO, "CS", "Demo", "cs.demo@terceirizacs.example.com",
                Papeis.GRUPO_CS);
        log.warn("""

                ================================================================
                 Usuário de CS da demo (Tasklist): {}
                 Senha: {}
                 {}
                ================================================================""", USUARIO, senha, ondeFica(arquivoSenhas));
    }

    /**
     * A demo user of one Camunda group, with the password kept in {@link SenhasDemo}'s file (generated once so that
     * Camunda's password policy accepts it); returns the password.
     */
    static String garantir(IdentityService identity, Path arquivoSenhas, String id, String nome, String sobrenome,
                           String email, String grupo) {
        User usuario = identity.createUserQuery().userId(id).singleResult();
        if (usuario == null) {
            usuario = identity.newUser(id);
            usuario.setFirstName(nome);
            usuario.setLastName(sobrenome);
            usuario.setEmail(email);
        }
        User dono = usuario;
        String senha = SenhasDemo.obter(arquivoSenhas, id, () -> PoliticaDeSenha.gerar(dono),
                guardada -> PoliticaDeSenha.regrasVioladas(guardada, dono).isEmpty());
        usuario.setPassword(senha);
        identity.saveUser(usuario);
        if (identity.createUserQuery().userId(id).memberOfGroup(grupo).count() == 0) {
            identity.createMembership(id, grupo);
        }
        return senha;
    }

    /** The banner's line that says where the password is kept (or that it changes at every start). */
    static String ondeFica(Path arquivo) {
        return arquivo == null ? "(nova a cada partida)" : "(guardada em " + arquivo + ")";
    }
}
