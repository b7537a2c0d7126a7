package br.com.terceirizacs.catalogo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import br.com.terceirizacs.comum.BancoDosWebhooks;
import br.com.terceirizacs.comum.ConflitoException;
import br.com.terceirizacs.comum.NaoEncontradoException;
import br.com.terceirizacs.comum.RequisicaoInvalidaException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Producers, their products and message templates. The only way other packages reach these tables; turmas and offers
 * are {@link TurmaService}'s.
 */
@Service
public class CatalogoService {

    private final ClienteRepository clientes;
    private final ProdutoRepository produtos;
    private final TemplateMensagemRepository templates;
    private final BancoDosWebhooks webhooks;
    private final Clock clock;

    CatalogoService(ClienteRepository clientes, ProdutoRepository produtos, TemplateMensagemRepository templates,
                    BancoDosWebhooks webhooks, Clock clock) {
        this.clientes = clientes;
        this.produtos = produtos;
        this.templates = templates;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    // ----- producers -----

    @Transactional
    public Cliente criarCliente(String nome, String slug, String hottok) {
        String hash = Hottoks.hash(hottok);
        if (clientes.existsBySlug(slug)) {
            throw new ConflitoException("Já existe um cliente com o slug '" + slug + "'");
        }
        if (clientes.existsByHottokHash(hash)) {
            throw new ConflitoException("Este hottok já pertence a outro cliente");
        }
        return clientes.save(new Cliente(nome, slug, hash, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<Cliente> listarClientes() {
        return clientes.findAllByOrderByNomeAsc();
    }

    @Transactional(readOnly = true)
    public Cliente clientePorSlug(String slug) {
        return clientes.findBySlug(slug)
                .orElseThrow(() -> new NaoEncontradoException("Cliente '" + slug + "' não encontrado"));
    }

    @Transactional(readOnly = true)
    public Optional<Cliente> clientePorId(Long id) {
        return clientes.findById(id);
    }

    /**
     * The producer whose hottok this is; the stored hash is compared in constant time. Read on the webhooks' own
     * pool ({@link BancoDosWebhooks}): it decides Hotmart's answer, which background work must not hold up.
     */
    public Optional<Long> clientePorHottok(String hottok) {
        if (hottok == null || hottok.isBlank()) {
            return Optional.empty();
        }
        String hash = Hottoks.hash(hottok);
        return webhooks.jdbc().sql("select id, hottok_hash from clientes where hottok_hash = ?").param(hash)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).optional()
                .filter(c -> Hottoks.iguais(c.getValue(), hash))
                .map(Map.Entry::getKey);
    }

    // ----- products -----

    @Transactional
    public ProdutoResumo criarProduto(String slug, Long hotmartProductId, String nome, boolean ativoMonitoramento,
                                      String urlAreaMembros, String templateBoasVindas) {
        return criarProduto(slug, hotmartProductId, nome, ativoMonitoramento, urlAreaMembros, templateBoasVindas, false);
    }

    /** @param monitoramentoProgresso Produto Progresso on (the API's default is off) */
    @Transactional
    public ProdutoResumo criarProduto(String slug, Long hotmartProductId, String nome, boolean ativoMonitoramento,
                                      String urlAreaMembros, String templateBoasVindas,
                                      boolean monitoramentoProgresso) {
        Cliente cliente = clientePorSlug(slug);
        exigirTemplate(templateBoasVindas);
        if (produtos.findByClienteIdAndHotmartProductId(cliente.getId(), hotmartProductId).isPresent()) {
            throw new ConflitoException("O produto " + hotmartProductId + " já está cadastrado para '" + slug
                    + "'; para alterá-lo use PUT /api/clientes/" + slug + "/produtos/" + hotmartProductId);
        }
        Instant agora = clock.instant();
        Produto produto = new Produto(cliente.getId(), hotmartProductId, agora);
        produto.atualizar(nome, ativoMonitoramento, urlAreaMembros, templateBoasVindas, agora);
        produto.definirMonitoramentoProgresso(monitoramentoProgresso, agora);
        return ProdutoResumo.de(produtos.save(produto));
    }

    @Transactional
    public ProdutoResumo atualizarProduto(String slug, Long hotmartProductId, String nome, boolean ativoMonitoramento,
                                          String urlAreaMembros, String templateBoasVindas) {
        return atualizarProduto(slug, hotmartProductId, nome, ativoMonitoramento, urlAreaMembros, templateBoasVindas,
                null);
    }

    /** @param monitoramentoProgresso null leaves Produto Progresso as it is */
    @Transactional
    public ProdutoResumo atualizarProduto(String slug, Long hotmartProductId, String nome, boolean ativoMonitoramento,
                                          String urlAreaMembros, String templateBoasVindas,
                                          Boolean monitoramentoProgresso) {
        Produto produto = produtoDoSlug(slug, hotmartProductId);
        exigirTemplate(templateBoasVindas);
        Instant agora = clock.instant();
        produto.atualizar(nome, ativoMonitoramento, urlAreaMembros, templateBoasVindas, agora);
        if (monitoramentoProgresso != null) {
            produto.definirMonitoramentoProgresso(monitoramentoProgresso, agora);
        }
        return ProdutoResumo.de(produto);
    }

    @Transactional(readOnly = true)
    public ProdutoResumo produtoPorSlug(String slug, Long hotmartProductId) {
        return ProdutoResumo.de(produtoDoSlug(slug, hotmartProductId));
    }

    @Transactional(readOnly = true)
    public List<ProdutoResumo> listarProdutos(String slug) {
        return produtos.findByClienteIdOrderByNomeAsc(clientePorSlug(slug).getId()).stream().map(ProdutoResumo::de).toList();
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<ProdutoResumo> produtoDoCliente(Long clienteId, Long hotmartProductId) {
        return produtos.findByClienteIdAndHotmartProductId(clienteId, hotmartProductId).map(ProdutoResumo::de);
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<ProdutoResumo> produto(Long produtoId) {
        return produtos.findById(produtoId).map(ProdutoResumo::de);
    }

    /** Every monitored product, of every producer (the daily scans walk them). */
    @Transactional(readOnly = true)
    public List<ProdutoResumo> produtosMonitorados() {
        return produtos.findByAtivoMonitoramentoTrue().stream().map(ProdutoResumo::de).toList();
    }

    /** Products with this Hotmart id across producers (admin look-ups). */
    @Transactional(readOnly = true)
    public List<ProdutoResumo> produtosPorHotmartId(Long hotmartProductId) {
        return produtos.findByHotmartProductId(hotmartProductId).stream().map(ProdutoResumo::de).toList();
    }

    /** Hotmart says the ucode is the stable product identifier; remember it the first time a purchase shows it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lembrarUcode(Long produtoId, String ucode) {
        produtos.findById(produtoId).ifPresent(p -> p.lembrarUcode(ucode));
    }

    Produto produtoDoSlug(String slug, Long hotmartProductId) {
        Cliente cliente = clientePorSlug(slug);
        return produtos.findByClienteIdAndHotmartProductId(cliente.getId(), hotmartProductId)
                .orElseThrow(() -> new NaoEncontradoException(
                        "Produto " + hotmartProductId + " não encontrado para o cliente '" + slug + "'"));
    }

    // ----- message templates -----

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<TemplateResumo> template(String nome, String idioma) {
        return templates.findByNomeAndIdioma(nome, idioma).map(TemplateMensagem::resumo);
    }

    private void exigirTemplate(String nome) {
        if (nome != null && !nome.isBlank() && !templates.existsByNome(nome)) {
            throw new RequisicaoInvalidaException("templateBoasVindas", "template '" + nome + "' não cadastrado");
        }
    }
}
