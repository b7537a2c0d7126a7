package br.com.terceirizacs.processo;

import java.util.Arrays;

import br.com.terceirizacs.bi.KpiService;
import br.com.terceirizacs.bi.TipoKpi;
import br.com.terceirizacs.comum.FalhaSemRetentativa;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * "Registrar indicador" (element template {@code br.com.terceirizacs.registrar-indicador}): records a value event of
 * the dashboard for the process's enrolment. Reads {@code matriculaId} and the task's local input parameter
 * {@value #ENTRADA_KPI} (a {@link TipoKpi} name); once per enrolment and kind ({@link KpiService#registrarPeloProcesso}).
 * An unknown kind fails the step at once (no retries: only a corrected diagram fixes it) with a pt-BR message that
 * lists the valid ones: a diagram typed by hand cannot invent a KPI the dashboard does not know.
 */
@Component("registrarKpi")
class RegistrarKpiDelegate implements JavaDelegate {

    /** Local input parameter of the task: which KPI. */
    static final String ENTRADA_KPI = "kpi";

    private final KpiService kpis;

    RegistrarKpiDelegate(KpiService kpis) {
        this.kpis = kpis;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object kpi = execution.getVariableLocal(ENTRADA_KPI);
        TipoKpi tipo = Arrays.stream(TipoKpi.values()).filter(t -> t.name().equals(kpi)).findFirst()
                .orElseThrow(() -> new IndicadorDesconhecido("Indicador desconhecido na tarefa \""
                        + execution.getCurrentActivityName() + "\": " + kpi + ". Escolha no Modeler um destes: "
                        + Arrays.toString(TipoKpi.values()) + " e implante o diagrama de novo."));
        ProcessDefinition processo = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId());
        kpis.registrarPeloProcesso((Long) execution.getVariable(Variaveis.MATRICULA_ID), tipo, "Registrado pelo processo "
                + (processo.getName() != null ? processo.getName() : processo.getKey()) + " ("
                + execution.getCurrentActivityName() + ")");
    }

    /** A KPI name outside {@link TipoKpi}: a mistake in the diagram, which retrying cannot fix. */
    static final class IndicadorDesconhecido extends IllegalArgumentException implements FalhaSemRetentativa {
        IndicadorDesconhecido(String mensagem) {
            super(mensagem);
        }
    }
}
