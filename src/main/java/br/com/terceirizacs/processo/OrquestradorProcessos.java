package br.com.terceirizacs.processo;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.ProdutoResumo;
import br.com.terceirizacs.celebracao.CelebracaoService;
import br.com.terceirizacs.disparo.DecisaoDisparo;
import br.com.terceirizacs.disparo.TipoRegra;
import br.com.terceirizacs.matricula.EventosMatricula;
import br.com.terceirizacs.whatsapp.MensagemService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns domain events into process starts and correlations, inside the transaction of the domain write (the inbox's,
 * or the WhatsApp webhook's): the enrolment and its process commit together or not at all.
 */
@Component
class OrquestradorProcessos {

    static final String ONBOARDING = "onboarding";
    static final String COMPRA_CANCELADA = "CompraCancelada";
    static final String DISPARO_CANCELADO = "DisparoCancelado";
    static final String CELEBRACAO = "celebracao";
    static final String CELEBRACAO_CANCELADA = "CelebracaoCancelada";
    static final String ENVIO_CONFIRMADO = "EnvioConfirmadoPeloWhatsApp";

    private static final Logger log = LoggerFactory.getLogger(OrquestradorProcessos.class);

    private final RuntimeService runtime;
    private final DecisaoDisparo decisoes;
    private final CatalogoService catalogo;
    private final CelebracaoService celebracoes;

    OrquestradorProcessos(RuntimeService runtime, DecisaoDisparo decisoes, CatalogoService catalogo,
                          CelebracaoService celebracoes) {
        this.runtime = runtime;
        this.decisoes = decisoes;
        this.celebracoes = celebracoes;
        this.catalogo = catalogo;
    }

    /** A first charge of a monitored product: welcome (business key = the Hotmart transaction). */
    @EventListener
    void compraAprovada(EventosMatricula.CompraAprovada e) {
        boolean monitorado = catalogo.produto(e.produtoId()).map(ProdutoResumo::ativoMonitoramento).orElse(false);
        if (monitorado) {
            runtime.startProcessInstanceByKey(ONBOARDING, e.transacao(), Map.of(Variaveis.MATRICULA_ID, e.matriculaId()));
        }
    }

    /**
     * A completed module of a product with progress monitoring, recorded for the first time: congratulation
     * (business key = enrolment id + ":" + module id). A redelivery finds its row and starts nothing.
     */
    @EventListener
    void moduloConcluido(EventosMatricula.ModuloConcluido e) {
        if (celebracoes.registrar(e)) {
            runtime.startProcessInstanceByKey(CELEBRACAO, e.matriculaId() + ":" + e.moduloId(), Map.of(
                    Variaveis.MATRICULA_ID, e.matriculaId(), Variaveis.MODULO_ID, e.moduloId(),
                    Variaveis.ALUNO_ID, e.alunoId()));
        }
    }

    /** Refund, chargeback or cancellation: end the purchase's onboarding and every pending suggestion. */
    @EventListener
    void matriculaEncerrada(EventosMatricula.MatriculaEncerrada e) {
        runtime.createMessageCorrelation(COMPRA_CANCELADA).processInstanceBusinessKey(e.transacao())
                .correlateAllWithResult();
        cancelarCelebracoes(Variaveis.MATRICULA_ID, List.of(e.matriculaId()),
                celebracoes.cancelarDasMatriculas(List.of(e.matriculaId()),
                        "Compra encerrada (" + e.status().name().toLowerCase() + ")"));
        cancelar(decisoes.cancelarPendentesDaMatricula(e.matriculaId(), EnumSet.allOf(TipoRegra.class),
                "Compra encerrada (" + e.status().name().toLowerCase() + ")"));
    }

    /** A rescue suggested because the student had not accessed is stale once they do. */
    @EventListener
    void primeiroAcesso(EventosMatricula.PrimeiroAcessoRegistrado e) {
        cancelar(decisoes.cancelarPendentesDaMatricula(e.matriculaId(), EnumSet.of(TipoRegra.RESGATE_ACESSO),
                "Aluno acessou o curso"));
    }

    /** A disputed purchase: no congratulation while it lasts (the policy blocks every other send meanwhile). */
    @EventListener
    void matriculaEmDisputa(EventosMatricula.MatriculaEmDisputa e) {
        String motivo = "Compra em disputa";
        cancelarCelebracoes(Variaveis.MATRICULA_ID, List.of(e.matriculaId()),
                celebracoes.cancelarDasMatriculas(List.of(e.matriculaId()), motivo));
        cancelar(decisoes.cancelarPendentesDaMatricula(e.matriculaId(), EnumSet.of(TipoRegra.CELEBRACAO), motivo));
    }

    @EventListener
    void optOut(EventosMatricula.OptOutRegistrado e) {
        String motivo = "Aluno pediu para não receber mensagens";
        cancelarCelebracoes(Variaveis.ALUNO_ID, e.alunoIds(), celebracoes.cancelarDosAlunos(e.alunoIds(), motivo));
        cancelar(decisoes.cancelarPendentesDosAlunos(e.alunoIds(), motivo));
    }

    /**
     * Ends the running {@code celebracao} instances of these enrolments or students (waiting for the decision, or in
     * their {@code disparo}); the rows still waiting were marked CANCELADA in the same transaction.
     */
    private void cancelarCelebracoes(String variavel, List<Long> ids, int abertas) {
        for (Long id : ids) {
            runtime.createMessageCorrelation(CELEBRACAO_CANCELADA).processInstanceVariableEquals(variavel, id)
                    .correlateAllWithResult();
        }
        if (abertas > 0) {
            log.info("{} conclusão(ões) de módulo aguardando decisão cancelada(s)", abertas);
        }
    }

    /**
     * A status webhook settled an uncertain send: the operator's task "Confirmar envio incerto" ends (interrupting
     * message event) and the process records Meta's outcome in a job of its own, so nothing after the correlation can
     * fail the webhook's transaction. Runs in that transaction, which holds the message row's lock: an operator
     * completing the task at the same moment waits for it and then finds the task gone (their completion is refused,
     * nothing changes). No task waiting (the operator decided first, or the send is retrying): nothing to do.
     */
    @EventListener
    void envioConfirmado(MensagemService.EnvioConfirmado e) {
        decisoes.processoDaFila(e.filaId()).ifPresent(pid -> {
            if (!runtime.createMessageCorrelation(ENVIO_CONFIRMADO).processInstanceId(pid).correlateAllWithResult()
                    .isEmpty()) {
                log.info("Envio incerto da fila {} confirmado pelo WhatsApp ({}); tarefa do operador encerrada",
                        e.filaId(), e.status());
            }
        });
    }

    private void cancelar(List<String> processos) {
        for (String pid : processos) {
            runtime.createMessageCorrelation(DISPARO_CANCELADO).processInstanceId(pid).correlateAllWithResult();
        }
    }
}
