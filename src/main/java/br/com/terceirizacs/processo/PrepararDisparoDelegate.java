package br.com.terceirizacs.processo;

import br.com.terceirizacs.disparo.PreparacaoDisparo;
import br.com.terceirizacs.disparo.TipoRegra;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** {@code disparo} › Preparar disparo: the queue row, its preview and the first policy check. */
@Component("prepararDisparo")
class PrepararDisparoDelegate implements JavaDelegate {

    private final PreparacaoDisparo preparacao;

    PrepararDisparoDelegate(PreparacaoDisparo preparacao) {
        this.preparacao = preparacao;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Boolean preAprovado = (Boolean) execution.getVariable(Variaveis.PRE_APROVADO);
        Long matriculaId = (Long) execution.getVariable(Variaveis.MATRICULA_ID);
        TipoRegra tipo = TipoRegra.valueOf((String) execution.getVariable(Variaveis.TIPO_REGRA));
        String motivo = (String) execution.getVariable(Variaveis.MOTIVO);
        // optional inputs: a template chosen by the caller, the module the message names
        String template = (String) execution.getVariable(Variaveis.TEMPLATE);
        String moduloId = (String) execution.getVariable(Variaveis.MODULO_ID);
        PreparacaoDisparo.Preparacao p = template == null && moduloId == null
                ? preparacao.preparar(matriculaId, tipo, motivo, Boolean.TRUE.equals(preAprovado),
                        execution.getProcessInstanceId())
                : preparacao.preparar(matriculaId, tipo, motivo, Boolean.TRUE.equals(preAprovado),
                        execution.getProcessInstanceId(), template, moduloId);
        execution.setVariable(Variaveis.FILA_ID, p.filaId());
        execution.setVariable(Variaveis.POLITICA_OK, Variaveis.transitoria(p.politicaOk()));
        execution.setVariable(Variaveis.APROVACAO_HUMANA, Variaveis.transitoria(p.aprovacaoHumana()));
        // read after the approval, in another transaction: persisted
        execution.setVariable(Variaveis.AGUARDA_JANELA, p.aguardaJanela());
        execution.setVariable(Variaveis.EXPIRA_EM, Variables.dateValue(p.expiraEm(), true));
    }
}
