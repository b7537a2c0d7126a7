package br.com.terceirizacs.catalogo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import br.com.terceirizacs.comum.BancoDosWebhooks;
import br.com.terceirizacs.comum.ConflitoException;
import br.com.terceirizacs.comum.NaoEncontradoException;
import br.com.terceirizacs.comum.RequisicaoInvalidaException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Producers, their products, offers and turmas. The only way other packages reach these tables. */
@Service
public class CatalogoService {

    private final ClienteRepository clientes;
    private final ProdutoRepository produtos;
    private final TurmaRepository turmas;
    private final OfertaRepository ofertas;
    private final TemplateMensagemRepository templates;
    private final ApplicationEventPublisher eventos;
    private final BancoDosWebhooks webhooks;
    private final Clock clock;

    CatalogoService(ClienteRepository clientes, ProdutoRepository produtos, TurmaRepository turmas,
                    OfertaRepository ofertas, TemplateMensagemRepository templates, ApplicationEventPublisher eventos,
                    BancoDosWebhooks webhooks, Clock clock) {
        this.clientes = clientes;
        this.produtos = produtos;
        this.turmas = turmas;
        this.ofertas = ofertas;
        this.templates = templates;
        this.eventos = eventos;
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
        Cliente cliente = clientePorSlug(slug);
        exigirTemplate(templateBoasVindas);
        if (produtos.findByClienteIdAndHotmartProductId(cliente.getId(), hotmartProductId).isPresent()) {
            throw new ConflitoException("O produto " + hotmartProductId + " já está cadastrado para '" + slug + "'");
        }
        Instant agora = clock.instant();
        Produto produto = new Produto(cliente.getId(), hotmartProductId, agora);
        produto.atualizar(nome, ativoMonitoramento, urlAreaMembros, templateBoasVindas, agora);
        return ProdutoResumo.de(produtos.save(produto));
    }

    @Transactional
    public ProdutoResumo atualizarProduto(String slug, Long hotmartProductId, String nome, boolean ativoMonitoramento,
                                          String urlAreaMembros, String templateBoasVindas) {
        Produto produto = produtoDoSlug(slug, hotmartProductId);
        exigirTemplate(templateBoasVindas);
        produto.atualizar(nome, ativoMonitoramento, urlAreaMembros, templateBoasVindas, clock.instant());
        return ProdutoResumo.de(produto);
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

    private Produto produtoDoSlug(String slug, Long hotmartProductId) {
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

    // ----- turmas -----

    @Transactional
    public Turma criarTurma(String slug, Long hotmartProductId, String nome, Collection<String> codigosOferta,
                            LocalDate dataInicio, LocalDate dataFim) {
        Produto produto = produtoDoSlug(slug, hotmartProductId);
        if (turmas.existsByProdutoIdAndNome(produto.getId(), nome)) {
            throw new ConflitoException("Já existe a turma '" + nome + "' neste produto");
        }
        boolean porOferta = codigosOferta != null && !codigosOferta.isEmpty();
        Instant agora = clock.instant();
        Turma turma = turmas.save(new Turma(produto.getId(), nome, porOferta ? TipoTurma.OFERTA : TipoTurma.PERIODO,
                dataInicio, dataFim, agora));
        if (porOferta) {
            for (String codigo : codigosOferta) {
                Oferta oferta = ofertas.findByProdutoIdAndCodigo(produto.getId(), codigo)
                        .orElseGet(() -> ofertas.save(new Oferta(produto.getId(), codigo, agora)));
                if (oferta.getTurmaId() != null) {
                    String outra = turmas.findById(oferta.getTurmaId()).map(Turma::getNome).orElse("?");
                    throw new ConflitoException("A oferta '" + codigo + "' já pertence à turma '" + outra + "'");
                }
                oferta.vincular(turma.getId());
            }
        }
        eventos.publishEvent(new TurmaCriada(produto.getId(), turma.getId()));
        return turma;
    }

    @Transactional(readOnly = true)
    public List<TurmaComOfertas> listarTurmas(String slug, Long hotmartProductId) {
        return comOfertas(turmas.findByProdutoIdOrderByNomeAsc(produtoDoSlug(slug, hotmartProductId).getId()));
    }

    /** Every turma of every product of the producer, with its offer codes: a fixed number of queries. */
    @Transactional(readOnly = true)
    public List<TurmaComOfertas> listarTurmasDoCliente(String slug) {
        List<Long> produtoIds = produtos.findByClienteIdOrderByNomeAsc(clientePorSlug(slug).getId()).stream()
                .map(Produto::getId).toList();
        return produtoIds.isEmpty() ? List.of() : comOfertas(turmas.findByProdutoIdInOrderByNomeAsc(produtoIds));
    }

    private List<TurmaComOfertas> comOfertas(List<Turma> lista) {
        if (lista.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> codigos = ofertas.findByTurmaIdIn(lista.stream().map(Turma::getId).toList()).stream()
                .collect(Collectors.groupingBy(Oferta::getTurmaId, Collectors.mapping(Oferta::getCodigo, Collectors.toList())));
        return lista.stream()
                .map(t -> new TurmaComOfertas(t, codigos.getOrDefault(t.getId(), List.of()).stream().sorted().toList()))
                .toList();
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<String> nomeTurma(Long turmaId) {
        return turmaId == null ? Optional.empty() : turmas.findById(turmaId).map(Turma::getNome);
    }

    /** Whether enrolments of this turma may move to a turma an operator defines later. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public boolean turmaPadrao(Long turmaId) {
        return turmaId == null || turmas.findById(turmaId).map(t -> t.getTipo() == TipoTurma.MENSAL).orElse(true);
    }

    /**
     * The turma of a purchase: the turma of its offer code, else a date-window turma that contains the purchase
     * date (producer's time zone), else the default turma of the purchase month (created on first use).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Long turmaPara(Long produtoId, String ofertaCodigo, Instant dataCompra) {
        Produto produto = produtos.findById(produtoId).orElseThrow();
        if (ofertaCodigo != null && !ofertaCodigo.isBlank()) {
            Oferta oferta = ofertas.findByProdutoIdAndCodigo(produtoId, ofertaCodigo)
                    .orElseGet(() -> ofertas.save(new Oferta(produtoId, ofertaCodigo, clock.instant())));
            if (oferta.getTurmaId() != null) {
                return oferta.getTurmaId();
            }
        }
        Cliente cliente = clientes.findById(produto.getClienteId()).orElseThrow();
        LocalDate dia = dataCompra.atZone(cliente.getFusoHorario()).toLocalDate();
        Optional<Turma> porPeriodo = turmas.findByProdutoIdAndTipo(produtoId, TipoTurma.PERIODO).stream()
                .filter(t -> t.contem(dia))
                .findFirst();
        if (porPeriodo.isPresent()) {
            return porPeriodo.get().getId();
        }
        YearMonth mes = YearMonth.from(dia);
        String nome = "Compras de %02d/%d".formatted(mes.getMonthValue(), mes.getYear());
        return turmas.findByProdutoIdAndNome(produtoId, nome)
                .orElseGet(() -> turmas.save(new Turma(produtoId, nome, TipoTurma.MENSAL, mes.atDay(1), mes.atEndOfMonth(),
                        clock.instant())))
                .getId();
    }

    public record TurmaComOfertas(Turma turma, List<String> codigosOferta) {
    }
}
