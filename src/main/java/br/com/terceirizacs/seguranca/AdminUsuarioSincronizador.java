package br.com.terceirizacs.seguranca;

import br.com.terceirizacs.comum.Mascara;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The Camunda starter creates the admin user (and the {@code camunda-admin} group with all authorizations) only when
 * it does not exist yet, so a changed ADMIN_PASSWORD would otherwise be ignored. This sets the stored password to the
 * configured one at every start, and prints a generated demo password (kept across restarts by {@link SenhasDemo}).
 * <p>
 * It is also the way back for a locked-out admin (docs/runbook.md): every start lifts the admin account's login wait
 * and Camunda's lock of the user, and forgets the failures of every client address ({@link LimitadorLogin}), so that
 * restarting with the same ADMIN_PASSWORD always lets the admin in again.
 */
@Component
class AdminUsuarioSincronizador {

    private static final Logger log = LoggerFactory.getLogger(AdminUsuarioSincronizador.class);

    private final IdentityService identityService;
    private final LimitadorLogin limitador;
    private final Environment env;
    private final String adminId;

    AdminUsuarioSincronizador(IdentityService identityService, LimitadorLogin limitador, Environment env,
                              @Value("${camunda.bpm.admin-user.id}") String adminId) {
        this.identityService = identityService;
        this.limitador = limitador;
        this.env = env;
        this.adminId = adminId;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sincronizar() {
        String senha = env.getRequiredProperty(ConfiguracaoObrigatoriaPostProcessor.SENHA);
        User admin = identityService.createUserQuery().userId(adminId).singleResult();
        if (admin != null) {
            // Always rewrite (a cheap re-hash): comparing first with checkPassword would count a failed attempt.
            admin.setPassword(senha);
            identityService.saveUser(admin);
            identityService.unlockUser(adminId);
        }
        limitador.liberarConta(adminId);
        limitador.liberarEnderecos();
        log.info("Login do usuário {} e de todos os endereços liberado (senha sincronizada com ADMIN_PASSWORD)",
                Mascara.usuario(adminId));
        if (env.getProperty(ConfiguracaoObrigatoriaPostProcessor.SENHA_GERADA, Boolean.class, false)) {
            log.warn("""

                    ================================================================
                     Usuário administrador local: {}
                     Senha: {}
                     {}
                     (defina ADMIN_PASSWORD para escolher a senha)
                    ================================================================""", adminId, senha,
                    DemoUsuarioCs.ondeFica(SenhasDemo.arquivo(env)));
        }
    }
}
