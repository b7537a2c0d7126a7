package br.com.terceirizacs.seguranca;

import br.com.terceirizacs.comum.Aleatorio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Local demo only: the producer user of "Produtora Demo" (role CLIENTE), with a fresh password printed at every start,
 * so a newcomer can open the dashboard at /login right after the README's run command.
 */
@Component
@ConditionalOnProperty(name = "terceiriza.demo.semear", havingValue = "true")
class DemoUsuarioCliente {

    static final String SLUG = "produtora-demo";
    static final String EMAIL = "produtora@demo.example.com";
    private static final Logger log = LoggerFactory.getLogger(DemoUsuarioCliente.class);

    private final UsuarioClienteService usuarios;

    DemoUsuarioCliente(UsuarioClienteService usuarios) {
        this.usuarios = usuarios;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(3)
    void criar(ApplicationReadyEvent pronto) {
        String senha = Aleatorio.texto(12);
        usuarios.garantir(SLUG, EMAIL, "Produtora Demo", senha);
        log.warn("""

                ================================================================
                 Painel do produtor da demo: http://localhost:{}/login
                 E-mail: {}
                 Senha gerada nesta execução: {}
                ================================================================""",
                pronto.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080"), EMAIL, senha);
    }
}
