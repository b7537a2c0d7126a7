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

import br.com.terceirizacs.comum.ConflitoException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turmas (the groups a producer reports by) and the offer codes that define them: an operator creates them, and each
 * purchase is placed in one (by offer code, by purchase-date window, else the month's default turma).
 */
@Service
public class TurmaService {

    private final CatalogoService catalogo;
    private final ClienteRepository clientes;
    private final ProdutoRepository produtos;
    private final TurmaRepository turmas;
    private final OfertaRepository ofertas;
    private final ApplicationEventPublisher eventos;
    private final Clock clock;

    TurmaService(CatalogoService catalogo, ClienteRepository clientes, ProdutoRepository produtos,
                 TurmaRepository turmas, OfertaRepository ofertas, ApplicationEventPublisher eventos, Clock clock) {
        this.catalogo = catalogo;
        this.clientes = clientes;
        this.produtos = produtos;
        this.turmas = turmas;
        this.ofertas = ofertas;
        this.eventos = eventos;
        this.clock = clock;
    }

    @Transactional
    public Turma criarTurma(String slug, Long hotmartProductId, String nome, Collection<String> codigosOferta,
                            LocalDate dataInicio, LocalDate dataFim) {
        Produto produto = catalogo.produtoDoSlug(slug, hotmartProductId);
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
        return comOfertas(turmas.findByProdutoIdOrderByNomeAsc(catalogo.produtoDoSlug(slug, hotmartProductId).getId()));
    }

    /** Every turma of every product of the producer, with its offer codes: a fixed number of queries. */
    @Transactional(readOnly = true)
    public List<TurmaComOfertas> listarTurmasDoCliente(String slug) {
        List<Long> produtoIds = produtos.findByClienteIdOrderByNomeAsc(catalogo.clientePorSlug(slug).getId()).stream()
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
