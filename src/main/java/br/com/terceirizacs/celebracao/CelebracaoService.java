package br.com.terceirizacs.celebracao;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import br.com.terceirizacs.catalogo.CatalogoModulos;
import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.Cliente;
import br.com.terceirizacs.catalogo.ModuloResumo;
import br.com.terceirizacs.catalogo.OrigemModulo;
import br.com.terceirizacs.catalogo.ProdutoResumo;
import br.com.terceirizacs.matricula.EventosMatricula;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Congratulations on completed modules (Produto Progresso): records each completion once and decides, a short while
 * later, whether it is congratulated ({@link RegrasCelebracao}).
 * <p>
 * Guarantees: one row per (enrolment, module), ever, whatever Hotmart redelivers (unique key; the loser of a race is
 * retried by the inbox and then finds the row); at most one congratulation per student and day in the producer's time
 * zone (unique key on the day of the congratulated row: two decisions racing on two nodes cannot both commit, and the
 * retried loser then reads the winner); a decision, once taken, is returned as it was (a retried job repeats nothing).
 */
@Service
public class CelebracaoService {

    private static final Logger log = LoggerFactory.getLogger(CelebracaoService.class);
    private static final ZoneId FUSO_PADRAO = ZoneId.of("America/Sao_Paulo");

    private final CelebracaoRepository celebracoes;
    private final CatalogoService catalogo;
    private final CatalogoModulos modulos;
    private final Clock clock;
    private final Duration espera;

    CelebracaoService(CelebracaoRepository celebracoes, CatalogoService catalogo, CatalogoModulos modulos, Clock clock,
                      @Value("${terceiriza.celebracao.espera:PT10M}") Duration espera) {
        this.celebracoes = celebracoes;
        this.catalogo = catalogo;
        this.modulos = modulos;
        this.clock = clock;
        this.espera = espera;
    }

    /**
     * Records a completion of a product with progress monitoring, in the inbox's transaction. The module joins the
     * catalogue when missing ({@link CatalogoModulos#garantirModulo}).
     *
     * @return true when this (enrolment, module) is new: its {@code celebracao} process must start
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean registrar(EventosMatricula.ModuloConcluido e) {
        boolean progresso = catalogo.produto(e.produtoId()).map(ProdutoResumo::monitoramentoProgresso).orElse(false);
        if (!progresso || e.moduloId() == null) {
            return false;
        }
        modulos.garantirModulo(e.produtoId(), e.moduloId(), e.moduloNome());
        if (celebracoes.daMatriculaEModulo(e.matriculaId(), e.moduloId()).isPresent()) {
            log.info("Conclusão do módulo '{}' da matrícula {} já registrada: sem novos parabéns", e.moduloId(),
                    e.matriculaId());
            return false;
        }
        celebracoes.saveAndFlush(new Celebracao(e.matriculaId(), e.alunoId(), e.produtoId(), e.turmaId(), e.moduloId(),
                e.ocorridoEm(), clock.instant()));
        return true;
    }

    /** When the decision is taken: a short wait, so the latest module of a binge is the one congratulated. */
    public Date momentoDaDecisao() {
        return Date.from(clock.instant().plus(espera));
    }

    /** Decides (once) whether this completion is congratulated, and with which template. */
    @Transactional
    public RegrasCelebracao.Decisao decidir(Long matriculaId, String moduloId) {
        Celebracao c = celebracoes.daMatriculaEModulo(matriculaId, moduloId).orElseThrow(() ->
                new IllegalStateException("Conclusão do módulo '" + moduloId + "' da matrícula " + matriculaId
                        + " não registrada"));
        if (c.getSituacao() != SituacaoCelebracao.AGUARDANDO) {
            return c.decisao();
        }
        Map<String, Integer> ordens = new HashMap<>();
        modulos.listar(c.getProdutoId()).stream().filter(m -> m.origem() != OrigemModulo.EVENTO)
                .forEach(m -> ordens.put(m.moduloId(), m.ordem()));
        List<RegrasCelebracao.Conclusao> outras = celebracoes.daMatricula(matriculaId).stream()
                .filter(o -> !o.getId().equals(c.getId()))
                .map(o -> conclusao(o, ordens)).toList();
        Instant agora = clock.instant();
        LocalDate hoje = LocalDate.ofInstant(agora, fuso(c.getProdutoId()));
        String ultimo = modulos.ultimoModulo(c.getProdutoId()).map(ModuloResumo::moduloId).orElse(null);
        RegrasCelebracao.Decisao d = RegrasCelebracao.decidir(conclusao(c, ordens), outras,
                celebracoes.parabenizadoNoDia(c.getAlunoId(), hoje), ultimo);
        c.decidir(d, hoje, agora);
        // the day's unique key is checked here, inside the caller's transaction: the loser of a race fails and retries
        celebracoes.saveAndFlush(c);
        return d;
    }

    /** Refund, chargeback, cancellation or dispute: completions still waiting for their decision are not congratulated. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelarDasMatriculas(Collection<Long> matriculaIds, String motivo) {
        List<Celebracao> abertas = celebracoes.abertasDasMatriculas(matriculaIds);
        abertas.forEach(c -> c.cancelar(motivo, clock.instant()));
        return abertas.size();
    }

    /** Opt-out: the student's completions still waiting for their decision are not congratulated. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelarDosAlunos(Collection<Long> alunoIds, String motivo) {
        List<Celebracao> abertas = celebracoes.abertasDosAlunos(alunoIds);
        abertas.forEach(c -> c.cancelar(motivo, clock.instant()));
        return abertas.size();
    }

    private static RegrasCelebracao.Conclusao conclusao(Celebracao c, Map<String, Integer> ordens) {
        // only modules an operator (or a synchronisation) placed have a known place in the course; one seen only in
        // events, or removed from the catalogue after it was completed, has none
        Integer ordem = ordens.get(c.getModuloId());
        return new RegrasCelebracao.Conclusao(c.getId(), c.getModuloId(), ordem, c.getOcorridoEm(), c.getRegistradoEm(),
                c.getSituacao());
    }

    private ZoneId fuso(Long produtoId) {
        return catalogo.produto(produtoId).flatMap(p -> catalogo.clientePorId(p.clienteId()))
                .map(Cliente::getFusoHorario).orElse(FUSO_PADRAO);
    }
}
