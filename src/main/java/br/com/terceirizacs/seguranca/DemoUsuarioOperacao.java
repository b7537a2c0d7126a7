package br.com.terceirizacs.seguranca;

import java.nio.file.Path;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Local demo only: an operator ({@code operacaodemo}, group operacao) who decides uncertain sends in Tasklist; the
 * password is generated once, kept in {@link SenhasDemo}'s file and printed at every start, like {@code csdemo}'s.
 */
@Component
@ConditionalOnProperty(name = "terceiriza.demo.semear", havingValue = "true")
class DemoUsuarioOperacao {

    static final String USUARIO = "operacaodemo";
    private static final Logger log = LoggerFactory.getLogger(DemoUsuarioOperacao.class);

    private final IdentityService identity;
    private final Path arquivoSenhas;

    DemoUsuarioOperacao(IdentityService identity, Environment env) {
        this.identity = identity;
        this.arquivoSenhas = SenhasDemo.arquivo(env);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    void criar() {
        String senha = DemoUsuarioCs.garantir(identity, arquivoSenhas, USUARIO, "Operação", "Demo",
                "operacao.demo@terceirizacs.example.com", Papeis.GRUPO_OPERACAO);
        log.warn("""

                ================================================================
                 Usuário de operação da demo (Tasklist, envios incertos): {}
                 Senha: {}
                 {}
                ================================================================""", USUARIO, senha,
                DemoUsuarioCs.ondeFica(arquivoSenhas));
    }
}
