package br.com.terceirizacs.processo;

import java.time.Duration;
import java.util.Date;

import br.com.terceirizacs.comum.EsperaPorOperador;
import br.com.terceirizacs.comum.FalhaSemRetentativa;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * A job failing with a {@link FalhaSemRetentativa} (invalid token, uncertain send) becomes an incident at once: its
 * retries could only repeat the same failure, and an operator must act. Every other failure follows the activity's
 * {@code failedJobRetryTimeCycle}.
 * <p>
 * A job failing with an {@link EsperaPorOperador} (a send held behind a stopped template) is neither: it keeps its
 * retries, gets no incident, and is due again after {@link #ESPERA}. Whoever lifts the cause makes it due at once
 * ({@code EnviosRetidos}); the periodic look only covers a release whose wake-up was lost (a crash in between).
 */
@Component
class SemRetentativaPlugin extends AbstractProcessEnginePlugin {

    static final Duration ESPERA = Duration.ofHours(1);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuracao) {
        configuracao.setFailedJobCommandFactory(new DefaultFailedJobCommandFactory() {
            @Override
            public Command<Object> getCommand(String jobId, Throwable exception) {
                if (semRetentativa(exception)) {
                    return new ZerarRetentativas(jobId, exception);
                }
                return retido(exception) ? new Reter(jobId, exception) : super.getCommand(jobId, exception);
            }
        });
    }

    static boolean semRetentativa(Throwable e) {
        return naCadeia(e, FalhaSemRetentativa.class);
    }

    static boolean retido(Throwable e) {
        return naCadeia(e, EsperaPorOperador.class);
    }

    /** Whether the failure or any of its causes is of the given kind (delegates' exceptions arrive wrapped). */
    private static boolean naCadeia(Throwable e, Class<?> tipo) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (tipo.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Puts the job back for later without touching its retries. On its first failure it takes the activity's retry
     * cycle as the default command would, so a send held before its first transient error still has the whole cycle.
     */
    static class Reter extends DefaultJobRetryCmd {

        Reter(String jobId, Throwable exception) {
            super(jobId, exception);
        }

        @Override
        public Object execute(CommandContext contexto) {
            JobEntity job = getJob();
            if (job == null) {
                return null;
            }
            if (isFirstJobExecution(job)) {
                ActivityImpl atividade = getCurrentActivity(contexto, job);
                FailedJobRetryConfiguration ciclo = atividade == null ? null
                        : getFailedJobRetryConfiguration(job, atividade);
                if (ciclo != null) {
                    initializeRetries(job, ciclo.getRetries());
                }
            }
            job.unlock();
            logException(job);
            job.setDuedate(new Date(ClockUtil.getCurrentTime().getTime() + ESPERA.toMillis()));
            notifyAcquisition(contexto);
            return null;
        }
    }

    static class ZerarRetentativas extends JobRetryCmd {

        ZerarRetentativas(String jobId, Throwable exception) {
            super(jobId, exception);
        }

        @Override
        public Object execute(CommandContext contexto) {
            JobEntity job = getJob();
            if (job != null) {
                job.unlock();
                logException(job);
                job.setRetries(0);
                notifyAcquisition(contexto);
            }
            return null;
        }
    }
}
