package br.com.terceirizacs.catalogo;

import java.util.List;

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
 * with hottok {@code demo-hottok} and the two monitored products of the Hotmart samples; the course has Produto
 * Progresso on and a module catalogue of five modules.
 */
@Component
@ConditionalOnProperty(name = "terceiriza.demo.semear", havingValue = "true")
@Order(0)
class DemoDadosIniciais implements ApplicationRunner {

    static final String SLUG = "produtora-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoDadosIniciais.class);

    private final CatalogoService catalogo;
    private final CatalogoModulos modulos;
    private final ClienteRepository clientes;

    DemoDadosIniciais(CatalogoService catalogo, CatalogoModulos modulos, ClienteRepository clientes) {
        this.catalogo = catalogo;
        this.modulos = modulos;
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
                "https://curso-exemplo-marketing.club.hotmart.com", "boas_vindas_acesso", true);
        // Produto Progresso on the course: its five modules (the first is the one of Hotmart's sample completion)
        modulos.substituir(SLUG, 4100001L, List.of(
                new CatalogoModulos.ModuloInformado("Qk3vB7mZ2p", "Módulo 1 — Primeiros passos", 1),
                new CatalogoModulos.ModuloInformado("Rw8nC4xT6q", "Módulo 2 — Público e oferta", 2),
                new CatalogoModulos.ModuloInformado("Ls5dF9hK3v", "Módulo 3 — Tráfego pago", 3),
                new CatalogoModulos.ModuloInformado("Pz2gJ7mN8b", "Módulo 4 — Funil de vendas", 4),
                new CatalogoModulos.ModuloInformado("Xy6tV1cR4w", "Módulo 5 — Escala e próximos passos", 5)));
        catalogo.criarProduto(SLUG, 4100002L, "Clube Exemplo de Mentorias", true,
                "https://clube-exemplo-mentorias.club.hotmart.com", "boas_vindas_acesso");
        log.info("Demo: cliente '{}' criado com os produtos 4100001 e 4100002 (hottok demo-hottok)", SLUG);
    }
}
