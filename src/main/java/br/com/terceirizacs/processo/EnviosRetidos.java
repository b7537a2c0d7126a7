package br.com.terceirizacs.processo;

import java.util.Date;

import br.com.terceirizacs.whatsapp.TemplateLiberado;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A stopped template was released: the {@code Enviar mensagem} jobs waiting behind it run now. They are the jobs
 * whose last failure names the template ({@link TemplateLiberado#referencia()}): the incident of the send that raised
 * the block gets its retry back (the incident is resolved), the held sends become due at once. Each job then goes
 * through the usual exactly-once claim of its message row, so none is sent twice.
 * <p>
 * Runs after the release commits (or at once, for a release outside a transaction, as the API's), in a transaction
 * of its own: a wake-up that is lost leaves the held sends to their periodic look ({@link SemRetentativaPlugin#ESPERA}).
 */
@Component
class EnviosRetidos {

    static final String PROCESSO = "disparo";
    static final String ATIVIDADE = "Tarefa_EnviarMensagem";

    private static final Logger log = LoggerFactory.getLogger(EnviosRetidos.class);

    private final ManagementService management;
    private final TransactionTemplate novaTx;

    EnviosRetidos(ManagementService management, PlatformTransactionManager tm) {
        this.management = management;
        this.novaTx = new TransactionTemplate(tm);
        this.novaTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void templateLiberado(TemplateLiberado e) {
        String referencia = e.referencia();
        Integer liberados = novaTx.execute(s -> {
            int n = 0;
            Date agora = ClockUtil.getCurrentTime();
            for (Job job : management.createJobQuery().processDefinitionKey(PROCESSO).activityId(ATIVIDADE)
                    .withException().list()) {
                if (job.getExceptionMessage() == null || !job.getExceptionMessage().contains(referencia)) {
                    continue;
                }
                if (job.getRetries() == 0) {
                    management.setJobRetries(job.getId(), 1);
                }
                management.setJobDuedate(job.getId(), agora);
                n++;
            }
            return n;
        });
        log.info("WhatsApp: {} liberado ({}); {} envio(s) retomado(s)", referencia, e.porQuem(), liberados);
    }
}
