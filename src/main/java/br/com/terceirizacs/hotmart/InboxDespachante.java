package br.com.terceirizacs.hotmart;

import java.util.concurrent.ThreadPoolExecutor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs stored events after their commit: at once on a small pool (hand-off from the webhook), and from a sweep
 * that picks up whatever the hand-off did not finish (a full queue, a crash, a restart, a retry that is due).
 * Nothing lives only in memory: the pending row is the work item.
 */
@Component
class InboxDespachante implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InboxDespachante.class);
    private static final int TENTATIVAS_IMEDIATAS = 3;

    private final HotmartEventoProcessor processor;
    private final ThreadPoolTaskExecutor executor;

    InboxDespachante(HotmartEventoProcessor processor, @Value("${terceiriza.inbox.threads}") int threads,
                     @Value("${terceiriza.inbox.fila-maxima}") int filaMaxima) {
        this.processor = processor;
        this.executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(filaMaxima);
        executor.setThreadNamePrefix("inbox-hotmart-");
        // Acknowledging Hotmart comes first: under load the processing yields the CPU (see PrioridadeDoProcessamento)
        executor.setThreadPriority(Thread.MIN_PRIORITY);
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.AbortPolicy());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
    }

    /** Called after the event's row is committed. A full queue is fine: the sweep will get to it. */
    void agendar(Long id) {
        try {
            executor.execute(() -> processar(id));
        } catch (TaskRejectedException e) {
            log.debug("Fila do inbox cheia; evento {} fica para a varredura", id);
        }
    }

    @Scheduled(fixedDelayString = "${terceiriza.inbox.varredura-intervalo}",
            initialDelayString = "${terceiriza.inbox.varredura-intervalo}")
    void varrer() {
        for (Long id : processor.pendentes(200)) {
            processar(id);
        }
    }

    /** Club events re-opened by their purchase, once the purchase's transaction has committed. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void aoReabrir(HotmartEventoProcessor.EventosReabertos reabertos) {
        reabertos.ids().forEach(this::agendar);
    }

    @Scheduled(fixedDelayString = "${terceiriza.inbox.revisao-aguardando:PT1M}",
            initialDelayString = "${terceiriza.inbox.revisao-aguardando:PT1M}")
    void revisarAguardando() {
        for (Long id : processor.aguardandoParaRevisar(500)) {
            try {
                processor.revisarAguardando(id);
            } catch (RuntimeException e) {
                log.warn("Evento Hotmart {} aguardando compra não revisado ({})", id, e.getClass().getSimpleName());
            }
        }
    }

    void processar(Long id) {
        RuntimeException ultima = null;
        for (int tentativa = 1; tentativa <= TENTATIVAS_IMEDIATAS; tentativa++) {
            try {
                processor.processar(id);
                return;
            } catch (ConcurrencyFailureException | DataIntegrityViolationException e) {
                // Another event of the same student or transaction won a race: try again on fresh data.
                ultima = e;
                pausa(tentativa);
            } catch (RuntimeException e) {
                ultima = e;
                break;
            }
        }
        // The cause's message may hold personal data (constraint values): it goes to the event row, not the log.
        log.warn("Evento Hotmart {} não processado ({}); nova tentativa mais tarde", id,
                ultima.getClass().getSimpleName());
        try {
            processor.registrarFalha(id, ultima);
        } catch (RuntimeException e) {
            log.warn("Não foi possível registrar a falha do evento {}: {}", id, e.getClass().getSimpleName());
        }
    }

    private static void pausa(int tentativa) {
        try {
            Thread.sleep(25L * tentativa);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
