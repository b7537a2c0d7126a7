package br.com.terceirizacs.matricula;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import br.com.terceirizacs.catalogo.TurmaService;
import br.com.terceirizacs.comum.Aleatorio;
import br.com.terceirizacs.comum.Datas;
import br.com.terceirizacs.comum.Mascara;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Students, enrolments, transactions and access: every effect a Hotmart event has on the domain. Each method runs in
 * the caller's transaction (the inbox's), so an event and its effects commit together or not at all.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class MatriculaService {

    private static final Logger log = LoggerFactory.getLogger(MatriculaService.class);

    private final AlunoRepository alunos;
    private final MatriculaRepository matriculas;
    private final TransacaoRepository transacoes;
    private final AcessoLogRepository acessos;
    private final TurmaService turmas;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher eventos;
    private final Clock clock;
    private final Duration janelaAtribuicao;

    MatriculaService(AlunoRepository alunos, MatriculaRepository matriculas, TransacaoRepository transacoes,
                     AcessoLogRepository acessos, TurmaService turmas, JdbcClient jdbc,
                     ApplicationEventPublisher eventos, Clock clock,
                     @Value("${terceiriza.atribuicao.janela}") Duration janelaAtribuicao) {
        this.eventos = eventos;
        this.alunos = alunos;
        this.matriculas = matriculas;
        this.transacoes = transacoes;
        this.acessos = acessos;
        this.turmas = turmas;
        this.jdbc = jdbc;
        this.clock = clock;
        this.janelaAtribuicao = janelaAtribuicao;
    }

    /** Applies a purchase event: buyer, transaction (by precedence), enrolment. */
    public Efeito registrarEventoDeCompra(EventoDeCompra e) {
        Instant agora = clock.instant();
        Aluno aluno = alunoAtualizado(e.clienteId(), e.comprador(), agora);
        Transacao tx = transacoes.findByClienteIdAndCodigo(e.clienteId(), e.transacao()).orElse(null);
        boolean aplicado;
        if (tx == null) {
            tx = transacoes.save(new Transacao(e.clienteId(), e.transacao(), e.produtoId(), e.status(), e.ocorridoEm(), agora));
            aplicado = true;
        } else {
            aplicado = tx.aplicar(e.status(), e.ocorridoEm(), agora);
        }
        tx.completar(aluno.getId(), e.recorrencia(), e.ofertaCodigo(), e.preco(), e.moeda(), e.dataPedido(),
                e.dataAprovacao(), e.assinanteCodigo(), agora);
        jdbc.sql("""
                        insert into transacoes_historico (transacao_id, status, ocorrido_em, aplicado, evento_hotmart_id, registrado_em)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(tx.getId(), e.status().name(), Datas.utc(e.ocorridoEm()), aplicado, e.eventoId(), Datas.utc(agora))
                .update();

        if (e.renovacao()) {
            return registrarRenovacao(e, aluno, tx);
        }
        Matricula matricula = tx.getMatriculaId() != null ? matriculas.findById(tx.getMatriculaId()).orElseThrow()
                : matriculas.findByAlunoIdAndProdutoId(aluno.getId(), e.produtoId()).orElse(null);

        if (matricula == null) {
            if (e.status() == StatusTransacao.CANCELADA) {
                return Efeito.semEfeito("Pedido cancelado antes do pagamento: nenhuma matrícula criada", null);
            }
            Instant dataCompra = e.dataCompra();
            matricula = new Matricula(aluno.getId(), e.produtoId(), novoToken(), agora);
            matricula.assumirCompra(tx.getCodigo(), e.ofertaCodigo(), e.assinanteCodigo(),
                    turmas.turmaPara(e.produtoId(), e.ofertaCodigo(), dataCompra), dataCompra, e.dataGarantia(),
                    tx.getStatus().statusMatricula(), tx.getStatusEm(), agora);
            matricula = matriculas.save(matricula);
            tx.vincularMatricula(matricula.getId());
            log.info("Matrícula {} criada para {} (transação {}, status {})", matricula.getId(),
                    Mascara.email(aluno.getEmail()), tx.getCodigo(), matricula.getStatus());
            if (tx.getStatus() == StatusTransacao.APROVADA) {
                eventos.publishEvent(new EventosMatricula.CompraAprovada(matricula.getId(), e.produtoId(), tx.getCodigo()));
            }
            return new Efeito(Efeito.Resultado.APLICADO, "Matrícula criada com status " + matricula.getStatus(),
                    matricula.getId(), true);
        }

        tx.vincularMatricula(matricula.getId());
        if (matricula.getTransacaoCodigo().equals(tx.getCodigo())) {
            matricula.completarDadosDaCompra(e.dataGarantia(), e.assinanteCodigo(), agora);
            if (!aplicado) {
                return Efeito.semEfeito("Transação já está em " + tx.getStatus() + "; " + e.status()
                        + " não altera a matrícula", matricula.getId());
            }
            if (matricula.getStatus().terminal()) {
                return Efeito.semEfeito("Matrícula já encerrada (" + matricula.getStatus() + ")", matricula.getId());
            }
            if (matricula.getStatus() == tx.getStatus().statusMatricula()) {
                return Efeito.semEfeito("Transação passou a " + tx.getStatus() + "; matrícula segue "
                        + matricula.getStatus(), matricula.getId());
            }
            matricula.mudarStatus(tx.getStatus().statusMatricula(), tx.getStatusEm(), agora);
            if (matricula.getStatus().terminal()) {
                eventos.publishEvent(new EventosMatricula.MatriculaEncerrada(matricula.getId(), tx.getCodigo(),
                        matricula.getStatus()));
            } else if (matricula.getStatus() == StatusMatricula.EM_DISPUTA) {
                eventos.publishEvent(new EventosMatricula.MatriculaEmDisputa(matricula.getId(), matricula.getAlunoId()));
            }
            return Efeito.aplicado("Matrícula passou a " + matricula.getStatus(), matricula.getId());
        }
        // Another transaction of the same student and product.
        if (matricula.getStatus().terminal() && !tx.getStatus().terminal()) {
            Instant dataCompra = e.dataCompra();
            eventos.publishEvent(new EventosMatricula.CompraSubstituida(matricula.getId(), matricula.getProdutoId(),
                    matricula.getDataCompra()));
            matricula.assumirCompra(tx.getCodigo(), e.ofertaCodigo(), e.assinanteCodigo(),
                    turmas.turmaPara(e.produtoId(), e.ofertaCodigo(), dataCompra), dataCompra, e.dataGarantia(),
                    tx.getStatus().statusMatricula(), tx.getStatusEm(), agora);
            if (tx.getStatus() == StatusTransacao.APROVADA) {
                eventos.publishEvent(new EventosMatricula.CompraAprovada(matricula.getId(), e.produtoId(), tx.getCodigo()));
            }
            return new Efeito(Efeito.Resultado.APLICADO, "Nova compra reativou a matrícula encerrada",
                    matricula.getId(), true);
        }
        return Efeito.semEfeito("Outra compra do mesmo produto (matrícula segue a transação "
                + matricula.getTransacaoCodigo() + ")", matricula.getId());
    }

    private Efeito registrarRenovacao(EventoDeCompra e, Aluno aluno, Transacao tx) {
        Optional<Matricula> matricula = Optional.ofNullable(e.assinanteCodigo())
                .flatMap(codigo -> matriculas.findFirstByProdutoIdAndAssinanteCodigo(e.produtoId(), codigo))
                .or(() -> matriculas.findByAlunoIdAndProdutoId(aluno.getId(), e.produtoId()));
        if (matricula.isEmpty()) {
            return Efeito.semEfeito("Cobrança nº " + e.recorrencia() + " de assinatura sem matrícula conhecida; registrada",
                    null);
        }
        tx.vincularMatricula(matricula.get().getId());
        return Efeito.aplicado("Cobrança nº " + e.recorrencia() + " (" + e.status() + ") registrada na matrícula",
                matricula.get().getId());
    }

    /** First access of a student to a product; first one wins; credited by the attribution rule. */
    public Efeito registrarPrimeiroAcesso(Long clienteId, Long produtoId, String email, Instant em, Long eventoId) {
        Optional<Matricula> encontrada = matriculaDe(clienteId, produtoId, email);
        if (encontrada.isEmpty()) {
            return Efeito.aguardandoCompra("Aluno sem compra deste produto; será aplicado quando a compra chegar");
        }
        Matricula matricula = encontrada.get();
        Instant agora = clock.instant();
        OrigemAcesso origem = origemDoPrimeiroAcesso(matricula.getId(), em);
        if (!matricula.registrarPrimeiroAcesso(em, origem, agora)) {
            return Efeito.semEfeito("Primeiro acesso já registrado em " + matricula.getDataPrimeiroAcesso(),
                    matricula.getId());
        }
        acessos.save(AcessoLog.primeiroAcesso(matricula.getId(), em, origem, eventoId, agora));
        eventos.publishEvent(new EventosMatricula.PrimeiroAcessoRegistrado(matricula.getId(), matricula.getProdutoId(),
                origem.codigo(), em));
        return Efeito.aplicado("Primeiro acesso registrado (origem " + origem.codigo() + ")", matricula.getId());
    }

    /**
     * The attribution rule: a first access is ours when a (non-robot) click on our tracked link happened at most
     * {@code terceiriza.atribuicao.janela} before it.
     */
    OrigemAcesso origemDoPrimeiroAcesso(Long matriculaId, Instant primeiroAcesso) {
        boolean clicou = acessos.existsByMatriculaIdAndTipoAndRoboFalseAndOcorridoEmBetween(matriculaId,
                TipoAcesso.CLIQUE_LINK, primeiroAcesso.minus(janelaAtribuicao), primeiroAcesso);
        return clicou ? OrigemAcesso.LINK_WHATSAPP_TERCEIRIZA : OrigemAcesso.EMAIL_HOTMART;
    }

    public Efeito registrarModuloConcluido(Long clienteId, Long produtoId, String email, String moduloId,
                                           String moduloNome, Instant em, Long eventoId) {
        Optional<Matricula> encontrada = matriculaDe(clienteId, produtoId, email);
        if (encontrada.isEmpty()) {
            return Efeito.aguardandoCompra("Aluno sem compra deste produto; será aplicado quando a compra chegar");
        }
        Matricula matricula = encontrada.get();
        Instant agora = clock.instant();
        acessos.save(AcessoLog.moduloConcluido(matricula.getId(), em, moduloId, moduloNome, eventoId, agora));
        eventos.publishEvent(new EventosMatricula.ModuloConcluido(matricula.getId(), matricula.getAlunoId(),
                matricula.getProdutoId(), matricula.getTurmaId(), moduloId, moduloNome, em));
        if (!matricula.registrarProgresso(moduloId, moduloNome, em, agora)) {
            return Efeito.aplicado("Módulo concluído registrado (há progresso mais recente)", matricula.getId());
        }
        return Efeito.aplicado("Módulo concluído: " + moduloNome, matricula.getId());
    }

    /** A cancelled subscription ends the enrolment; the student keeps access until the next charge date. */
    public Efeito cancelarAssinatura(Long clienteId, Long produtoId, String assinanteCodigo, String email, Instant em,
                                     Instant acessoAte) {
        Optional<Matricula> encontrada = Optional.ofNullable(assinanteCodigo)
                .flatMap(codigo -> matriculas.findFirstByProdutoIdAndAssinanteCodigo(produtoId, codigo))
                .or(() -> matriculaDe(clienteId, produtoId, email));
        if (encontrada.isEmpty()) {
            return Efeito.aguardandoCompra("Assinatura sem compra conhecida; será aplicada quando a compra chegar");
        }
        Matricula matricula = encontrada.get();
        if (matricula.getStatus().terminal()) {
            return Efeito.semEfeito("Matrícula já encerrada (" + matricula.getStatus() + ")", matricula.getId());
        }
        matricula.cancelarAssinatura(em, acessoAte, clock.instant());
        eventos.publishEvent(new EventosMatricula.MatriculaEncerrada(matricula.getId(), matricula.getTransacaoCodigo(),
                matricula.getStatus()));
        return Efeito.aplicado("Assinatura cancelada; acesso até " + acessoAte, matricula.getId());
    }

    private Optional<Matricula> matriculaDe(Long clienteId, Long produtoId, String email) {
        return alunos.findByClienteIdAndEmail(clienteId, normalizarEmail(email))
                .flatMap(aluno -> matriculas.findByAlunoIdAndProdutoId(aluno.getId(), produtoId));
    }

    private Aluno alunoAtualizado(Long clienteId, Comprador comprador, Instant agora) {
        String email = normalizarEmail(comprador.email());
        Aluno aluno = alunos.findByClienteIdAndEmail(clienteId, email)
                .orElseGet(() -> alunos.save(new Aluno(clienteId, email, agora)));
        Telefones.Resultado telefone = Telefones.normalizar(comprador.telefoneCodigo(), comprador.telefone(),
                comprador.paisIso());
        aluno.atualizarDados(comprador.nome(), telefone, comprador.paisIso(), agora);
        if (telefone.situacao() == SituacaoTelefone.INVALIDO) {
            log.info("Telefone inutilizável para {}: não é um celular válido", Mascara.email(email));
        }
        return aluno;
    }

    static String normalizarEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    private static String novoToken() {
        return Aleatorio.texto(32);
    }
}
