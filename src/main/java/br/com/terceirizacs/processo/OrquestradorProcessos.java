package br.com.terceirizacs.processo;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.ProdutoResumo;
import br.com.terceirizacs.disparo.DecisaoDisparo;
import br.com.terceirizacs.disparo.TipoRegra;
import br.com.terceirizacs.matricula.EventosMatricula;
import br.com.terceirizacs.whatsapp.MensagemService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
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

    private static final Logger log = LoggerFactory.getLogger(OrquestradorProcessos.class);

    private final RuntimeService runtime;
    private final ManagementService management;
    private final DecisaoDisparo decisoes;
    private final CatalogoService catalogo;

    OrquestradorProcessos(RuntimeService runtime, ManagementService management, DecisaoDisparo decisoes,
                          CatalogoService catalogo) {
        this.runtime = runtime;
        this.management = management;
        this.decisoes = decisoes;
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

    /** Refund, chargeback or cancellation: end the purchase's onboarding and every pending suggestion. */
    @EventListener
    void matriculaEncerrada(EventosMatricula.MatriculaEncerrada e) {
        runtime.createMessageCorrelation(COMPRA_CANCELADA).processInstanceBusinessKey(e.transacao())
                .correlateAllWithResult();
        cancelar(decisoes.cancelarPendentesDaMatricula(e.matriculaId(), EnumSet.allOf(TipoRegra.class),
                "Compra encerrada (" + e.status().name().toLowerCase() + ")"));
    }

    /** A rescue suggested because the student had not accessed is stale once they do. */
    @EventListener
    void primeiroAcesso(EventosMatricula.PrimeiroAcessoRegistrado e) {
        cancelar(decisoes.cancelarPendentesDaMatricula(e.matriculaId(), EnumSet.of(TipoRegra.RESGATE_ACESSO),
                "Aluno acessou o curso"));
    }

    @EventListener
    void optOut(EventosMatricula.OptOutRegistrado e) {
        cancelar(decisoes.cancelarPendentesDosAlunos(e.alunoIds(), "Aluno pediu para não receber mensagens"));
    }

    /** A status webhook settled an uncertain send: retry its incident, which now finds the message sent. */
    @EventListener
    void envioConfirmado(MensagemService.EnvioConfirmado e) {
        decisoes.processoDaFila(e.filaId()).ifPresent(pid -> {
            for (Job job : management.createJobQuery().processInstanceId(pid).noRetriesLeft().list()) {
                management.setJobRetries(job.getId(), 1);
                log.info("Envio incerto da fila {} confirmado pelo WhatsApp; incidente reprocessado", e.filaId());
            }
        });
    }

    private void cancelar(List<String> processos) {
        for (String pid : processos) {
            runtime.createMessageCorrelation(DISPARO_CANCELADO).processInstanceId(pid).correlateAllWithResult();
        }
    }
}
