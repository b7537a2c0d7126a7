package br.com.terceirizacs.processo;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * History stays at level FULL (Cockpit relies on it: activity instances, variables, incidents, user operations), but
 * the job log keeps only what an operator reads: failures and deletions. "Job created" and "job succeeded" rows are
 * two inserts per async step of every purchase, and nothing in Cockpit's community edition shows them
 * (docs/benchmarks.md, "Launch day", measured effect).
 */
@Component
class HistoricoSemRotinaDeJobsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuracao) {
        configuracao.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuracao.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuracao.getCustomHistoryEventHandlers());
        }
        handlers.add(new SemRotinaDeJobs(new DbHistoryEventHandler()));
        configuracao.setCustomHistoryEventHandlers(handlers);
    }

    static boolean rotina(HistoryEvent evento) {
        return evento instanceof HistoricJobLogEvent log
                && (log.getState() == JobState.CREATED.getStateCode() || log.getState() == JobState.SUCCESSFUL.getStateCode());
    }

    record SemRotinaDeJobs(HistoryEventHandler banco) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent evento) {
            if (!rotina(evento)) {
                banco.handleEvent(evento);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> eventos) {
            eventos.forEach(this::handleEvent);
        }
    }
}
