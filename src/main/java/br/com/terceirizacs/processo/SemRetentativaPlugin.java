package br.com.terceirizacs.processo;

import br.com.terceirizacs.comum.FalhaSemRetentativa;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A job failing with a {@link FalhaSemRetentativa} (invalid token, uncertain send) becomes an incident at once: its
 * retries could only repeat the same failure, and an operator must act. Every other failure follows the activity's
 * {@code failedJobRetryTimeCycle}.
 */
@Component
class SemRetentativaPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuracao) {
        configuracao.setFailedJobCommandFactory(new DefaultFailedJobCommandFactory() {
            @Override
            public Command<Object> getCommand(String jobId, Throwable exception) {
                return semRetentativa(exception) ? new ZerarRetentativas(jobId, exception) : super.getCommand(jobId, exception);
            }
        });
    }

    static boolean semRetentativa(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FalhaSemRetentativa) {
                return true;
            }
        }
        return false;
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
