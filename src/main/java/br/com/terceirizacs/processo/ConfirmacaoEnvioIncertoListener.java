package br.com.terceirizacs.processo;

import br.com.terceirizacs.disparo.DecisaoDisparo;
import br.com.terceirizacs.disparo.EnvioIncerto;
import br.com.terceirizacs.disparo.ResultadoDisparo;
import br.com.terceirizacs.whatsapp.DecisaoIncerta;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * {@code disparo} › Confirmar envio incerto (group {@code operacao}). On create: a task name that says who, and
 * task-local copies of what the form shows (when the request left, Meta's statuses since, the student with a masked
 * phone, the template and the text). On complete: the operator's choice acts once ({@link EnvioIncerto#decidir}) and
 * only {@code resultadoEnvio} stays in the process.
 * <p>
 * The queue row is the one bound to this {@code disparo} instance, never read from variables; the choice is one of
 * the form's three values, checked before the engine runs this listener ({@code seguranca.FormulariosProtegidosPlugin}).
 */
@Component("confirmacaoEnvioIncerto")
class ConfirmacaoEnvioIncertoListener implements TaskListener {

    /** The form's choice: {@code reenviar}, {@code descartar} or {@code jaEntregue}. */
    static final String DECISAO = "decisaoIncerto";

    private final DecisaoDisparo decisoes;
    private final EnvioIncerto incertos;
    private final IdentityService identity;

    ConfirmacaoEnvioIncertoListener(DecisaoDisparo decisoes, EnvioIncerto incertos, IdentityService identity) {
        this.decisoes = decisoes;
        this.incertos = incertos;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        Long filaId = decisoes.filaDoProcesso(task.getProcessInstanceId());
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            EnvioIncerto.Visao v = incertos.visao(filaId);
            task.setName("Confirmar envio incerto: " + v.aluno() + " — " + v.tipo());
            task.setVariableLocal("aluno", v.aluno());
            task.setVariableLocal("telefone", v.telefone());
            task.setVariableLocal("produto", v.produto());
            task.setVariableLocal("template", v.template());
            task.setVariableLocal("mensagem", v.mensagem());
            task.setVariableLocal("saiuEm", v.saiuEm());
            task.setVariableLocal("statusDesdeEntao", v.statusDesdeEntao());
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            ResultadoDisparo resultado = incertos.decidir(filaId, decisao(task), quemDecidiu(task));
            task.getExecution().removeVariable(DECISAO);
            task.getExecution().setVariable(Variaveis.RESULTADO_ENVIO, resultado.name());
        }
    }

    /** The form's value (Tasklist writes it into the task, the REST API into the process: take whichever is set). */
    private static DecisaoIncerta decisao(DelegateTask task) {
        Object noProcesso = task.getExecution().getVariable(DECISAO);
        Object valor = noProcesso != null ? noProcesso : task.getVariableLocal(DECISAO);
        return switch (valor == null ? "" : valor.toString()) {
            case "reenviar" -> DecisaoIncerta.REENVIAR;
            case "descartar" -> DecisaoIncerta.DESCARTAR;
            case "jaEntregue" -> DecisaoIncerta.JA_ENTREGUE;
            default -> throw new IllegalArgumentException("Escolha Reenviar, Descartar ou Já foi entregue");
        };
    }

    private String quemDecidiu(DelegateTask task) {
        Authentication atual = identity.getCurrentAuthentication();
        if (atual != null && atual.getUserId() != null) {
            return atual.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "desconhecido";
    }
}
