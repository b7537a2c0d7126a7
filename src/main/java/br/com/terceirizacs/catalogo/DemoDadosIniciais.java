package br.com.terceirizacs.catalogo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local demo only ({@code terceiriza.demo.semear=true}, off in the postgres profile): the producer "Produtora Demo"
 * with hottok {@code demo-hottok} and the two monitored products of the Hotmart samples.
 */
@Component
@ConditionalOnProperty(name = "terceiriza.demo.semear", havingValue = "true")
@Order(0)
class DemoDadosIniciais implements ApplicationRunner {

    static final String SLUG = "produtora-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoDadosIniciais.class);

    private final CatalogoService catalogo;
    private final ClienteRepository clientes;

    DemoDadosIniciais(CatalogoService catalogo, ClienteRepository clientes) {
        this.catalogo = catalogo;
        this.clientes = clientes;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (clientes.existsBySlug(SLUG)) {
            return;
        }
        catalogo.criarCliente("Produtora Demo", SLUG, "demo-hottok");
        catalogo.criarProduto(SLUG, 4100001L, "Curso Exemplo de Marketing Digital", true,
                "https://curso-exemplo-marketing.club.hotmart.com", "boas_vindas_acesso");
        catalogo.criarProduto(SLUG, 4100002L, "Clube Exemplo de Mentorias", true,
                "https://clube-exemplo-mentorias.club.hotmart.com", "boas_vindas_acesso");
        log.info("Demo: cliente '{}' criado com os produtos 4100001 e 4100002 (hottok demo-hottok)", SLUG);
    }
}
