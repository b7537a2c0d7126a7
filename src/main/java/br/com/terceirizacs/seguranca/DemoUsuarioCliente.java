package br.com.terceirizacs.seguranca;

import java.nio.file.Path;

import br.com.terceirizacs.comum.Aleatorio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Local demo only: the producer user of "Produtora Demo" (role CLIENTE), whose password is generated once, kept in
 * {@link SenhasDemo}'s file and printed at every start, so a newcomer can open the dashboard at /login right after the
 * README's run command (and stays logged in across restarts).
 */
@Component
@ConditionalOnProperty(name = "terceiriza.demo.semear", havingValue = "true")
class DemoUsuarioCliente {

    static final String SLUG = "produtora-demo";
    static final String EMAIL = "produtora@demo.example.com";
    private static final Logger log = LoggerFactory.getLogger(DemoUsuarioCliente.class);

    private final UsuarioClienteService usuarios;
    private final Path arquivoSenhas;

    DemoUsuarioCliente(UsuarioClienteService usuarios, Environment env) {
        this.usuarios = usuarios;
        this.arquivoSenhas = SenhasDemo.arquivo(env);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(3)
    void criar(ApplicationReadyEvent pronto) {
        String senha = SenhasDemo.obter(arquivoSenhas, EMAIL, () -> Aleatorio.texto(12), guardada -> guardada.length() >= 10);
        usuarios.garantir(SLUG, EMAIL, "Produtora Demo", senha);
        log.warn("""

                ================================================================
                 Painel do produtor da demo: http://localhost:{}/login
                 E-mail: {}
                 Senha: {}
                 {}
                ================================================================""",
                pronto.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080"), EMAIL, senha,
                DemoUsuarioCs.ondeFica(arquivoSenhas));
    }
}
