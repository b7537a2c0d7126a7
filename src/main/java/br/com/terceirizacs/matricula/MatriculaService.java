package br.com.terceirizacs.matricula;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.TurmaCriada;
import br.com.terceirizacs.comum.Aleatorio;
import br.com.terceirizacs.comum.Datas;
import br.com.terceirizacs.comum.Mascara;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
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
    private final CatalogoService catalogo;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher eventos;
    private final Clock clock;
    private final Duration janelaAtribuicao;

    MatriculaService(AlunoRepository alunos, MatriculaRepository matriculas, TransacaoRepository transacoes,
                     AcessoLogRepository acessos, CatalogoService catalogo, JdbcClient jdbc,
                     ApplicationEventPublisher eventos, Clock clock,
                     @Value("${terceiriza.atribuicao.janela}") Duration janelaAtribuicao) {
        this.eventos = eventos;
        this.alunos = alunos;
        this.matriculas = matriculas;
        this.transacoes = transacoes;
        this.acessos = acessos;
        this.catalogo = catalogo;
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
                    catalogo.turmaPara(e.produtoId(), e.ofertaCodigo(), dataCompra), dataCompra, e.dataGarantia(),
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
            }
            return Efeito.aplicado("Matrícula passou a " + matricula.getStatus(), matricula.getId());
        }
        // Another transaction of the same student and product.
        if (matricula.getStatus().terminal() && !tx.getStatus().terminal()) {
            Instant dataCompra = e.dataCompra();
            eventos.publishEvent(new EventosMatricula.CompraSubstituida(matricula.getId(), matricula.getProdutoId(),
                    matricula.getDataCompra()));
            matricula.assumirCompra(tx.getCodigo(), e.ofertaCodigo(), e.assinanteCodigo(),
                    catalogo.turmaPara(e.produtoId(), e.ofertaCodigo(), dataCompra), dataCompra, e.dataGarantia(),
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

    /** Re-assigns enrolments that sit in a default (monthly) turma when an operator defines a new turma. */
    @EventListener
    public void aoCriarTurma(TurmaCriada turmaCriada) {
        Instant agora = clock.instant();
        int movidas = 0;
        for (Matricula m : matriculas.findByProdutoId(turmaCriada.produtoId())) {
            if (catalogo.turmaPadrao(m.getTurmaId())) {
                Long turma = catalogo.turmaPara(m.getProdutoId(), m.getOfertaCodigo(), m.getDataCompra());
                if (!turma.equals(m.getTurmaId())) {
                    m.mudarTurma(turma, agora);
                    movidas++;
                }
            }
        }
        log.info("Turma {} criada: {} matrícula(s) movida(s) para turmas definidas", turmaCriada.turmaId(), movidas);
    }

    // ----- for the dispatch engine and the WhatsApp channel -----

    public Destinatario destinatario(Long matriculaId) {
        Matricula m = matriculas.findById(matriculaId).orElseThrow();
        Aluno a = alunos.findById(m.getAlunoId()).orElseThrow();
        return new Destinatario(m.getId(), a.getId(), a.getClienteId(), m.getProdutoId(), a.getNome(),
                a.getTelefoneE164(), a.getTelefoneSituacao(), a.getOptOutEm(), m.getStatus(), m.getTransacaoCodigo(),
                m.getDataCompra(), m.getDataPrimeiroAcesso(), m.getModuloAtualNome(), m.getUltimoProgressoEm(),
                m.getTokenLink());
    }

    /** Flags an enrolment for CS (e.g. SEM_TELEFONE: we could not welcome the student on WhatsApp). */
    public void sinalizarParaCs(Long matriculaId, String alerta) {
        matriculas.findById(matriculaId).ifPresent(m -> m.sinalizar(alerta, clock.instant()));
    }

    /** Meta may know a Brazilian number without its ninth digit: remember the wa_id it answered with. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void registrarWaId(Long alunoId, String waId) {
        alunos.findById(alunoId).ifPresent(a -> a.registrarWaId(waId, clock.instant()));
    }

    /** Meta said the number cannot receive WhatsApp (131026). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void marcarTelefoneInutilizavel(Long alunoId) {
        alunos.findById(alunoId).ifPresent(a -> a.marcarTelefoneInutilizavel(clock.instant()));
        log.info("Telefone do aluno {} marcado como inutilizável (WhatsApp indisponível)", alunoId);
    }

    /**
     * A stop request from a WhatsApp number: every student of ours with that wa_id (or phone) is opted out, for
     * every producer. Returns the students affected.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public List<Long> registrarOptOut(String waId, String motivo) {
        Instant agora = clock.instant();
        List<Aluno> encontrados = new java.util.ArrayList<>();
        for (String variante : variantesBrasileiras(waId)) {
            alunos.porWaIdOuTelefone(variante, "+" + variante).stream()
                    .filter(a -> encontrados.stream().noneMatch(x -> x.getId().equals(a.getId())))
                    .forEach(encontrados::add);
        }
        encontrados.forEach(a -> a.registrarOptOut(motivo, agora));
        List<Long> ids = encontrados.stream().map(Aluno::getId).toList();
        if (!ids.isEmpty()) {
            eventos.publishEvent(new EventosMatricula.OptOutRegistrado(ids, agora));
        }
        return ids;
    }

    /**
     * Meta may know a Brazilian mobile without its ninth digit (55 DD 8 digits) while we stored it with it (55 DD 9
     * 8 digits), or the other way round: a stop request must reach both forms.
     */
    static List<String> variantesBrasileiras(String waId) {
        if (waId == null || !waId.startsWith("55")) {
            return List.of(String.valueOf(waId));
        }
        if (waId.length() == 12) {
            return List.of(waId, waId.substring(0, 4) + "9" + waId.substring(4));
        }
        if (waId.length() == 13 && waId.charAt(4) == '9') {
            return List.of(waId, waId.substring(0, 4) + waId.substring(5));
        }
        return List.of(waId);
    }

    static String normalizarEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    private static String novoToken() {
        return Aleatorio.texto(32);
    }
}
