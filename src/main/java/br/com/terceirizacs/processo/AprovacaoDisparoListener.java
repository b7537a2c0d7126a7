package br.com.terceirizacs.processo;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import br.com.terceirizacs.disparo.DecisaoDisparo;
import br.com.terceirizacs.disparo.PreparacaoDisparo;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * {@code disparo} › Aprovar disparo. On create: a task name that says who and why, the due date, and task-local
 * copies of what the form shows (with the student's last WhatsApp reply and whether the channel runs dry). On
 * complete: the decision goes to the queue row (who, what, why).
 * <p>
 * The queue row is the one bound to this {@code disparo} instance, looked up by its id; what the person may submit
 * (only the form's editable fields, within their limits) is enforced before the engine runs this listener
 * ({@code seguranca.FormulariosProtegidosPlugin}), and the lengths again by {@link DecisaoDisparo}.
 */
@Component("aprovacaoDisparo")
class AprovacaoDisparoListener implements TaskListener {

    static final String DECISAO = "decisao";
    static final String TEXTO_LIVRE = "textoLivre";
    static final String MOTIVO_DESCARTE = "motivoDescarte";
    /** Display only: the student's last WhatsApp reply (kept current by {@link RespostaNaAprovacao}). */
    static final String ULTIMA_RESPOSTA = "ultimaResposta";
    /**
     * Display only: the message as WhatsApp draws it (escaped HTML the form's text view shows through
     * {@code {{mensagemWhatsApp}}}); {@code mensagem} keeps the plain text for API clients.
     */
    static final String MENSAGEM_WHATSAPP = "mensagemWhatsApp";
    /** Display only: the channel runs dry (no WhatsApp token), the form says so. */
    static final String MODO_SIMULACAO = "modoSimulacao";

    /** A suggestion still waiting after this long stands out in Tasklist (follow-up date). */
    static final Duration ACOMPANHAR_APOS = Duration.ofDays(1);

    private final PreparacaoDisparo preparacao;
    private final DecisaoDisparo decisoes;
    private final IdentityService identity;
    private final Clock clock;

    AprovacaoDisparoListener(PreparacaoDisparo preparacao, DecisaoDisparo decisoes, IdentityService identity,
                             Clock clock) {
        this.preparacao = preparacao;
        this.decisoes = decisoes;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        // The row belongs to this process instance: never read it from variables a submission could have written.
        Long filaId = decisoes.filaDoProcesso(task.getProcessInstanceId());
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            PreparacaoDisparo.VisaoAprovacao v = preparacao.visaoAprovacao(filaId);
            task.setName(v.tipo() + ": " + v.aluno() + " — " + v.produto()
                    + (v.motivo() == null || v.motivo().isBlank() ? "" : ", " + v.motivo()));
            task.setDueDate(v.expiraEm());
            task.setFollowUpDate(Date.from(clock.instant().plus(ACOMPANHAR_APOS)));
            task.setVariableLocal("aluno", v.aluno());
            task.setVariableLocal("telefone", v.telefone());
            task.setVariableLocal("produto", v.produto());
            task.setVariableLocal("motivoSugestao", v.motivo());
            task.setVariableLocal("mensagem", v.mensagem());
            task.setVariableLocal(MENSAGEM_WHATSAPP, v.mensagemWhatsApp());
            task.setVariableLocal("temTextoLivre", v.temTextoLivre());
            task.setVariableLocal(TEXTO_LIVRE, v.textoLivre());
            task.setVariableLocal(ULTIMA_RESPOSTA, v.ultimaResposta());
            task.setVariableLocal(MODO_SIMULACAO, v.modoSimulacao());
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String decisao = resposta(task, DECISAO);
            boolean aprovado = "aprovar".equals(decisao);
            if (aprovado) {
                decisoes.aprovar(filaId, quemDecidiu(task), resposta(task, TEXTO_LIVRE));
            } else if ("descartar".equals(decisao)) {
                decisoes.rejeitar(filaId, quemDecidiu(task), resposta(task, MOTIVO_DESCARTE));
            } else {
                throw new IllegalArgumentException("Escolha aprovar ou descartar");
            }
            // The answers now live in filas_disparo: keep the process down to ids and flags.
            for (String nome : new String[] {DECISAO, TEXTO_LIVRE, MOTIVO_DESCARTE}) {
                task.getExecution().removeVariable(nome);
            }
            task.getExecution().setVariable(Variaveis.APROVADO, aprovado);
        }
    }

    /**
     * A form answer: Tasklist's form submit writes into the task's local variables where they exist (the prefilled
     * free text), while completing through the API writes into the process; take the process value when there is one.
     */
    private static String resposta(DelegateTask task, String nome) {
        Object noProcesso = task.getExecution().getVariable(nome);
        Object valor = noProcesso != null ? noProcesso : task.getVariableLocal(nome);
        return valor == null ? null : valor.toString();
    }

    private String quemDecidiu(DelegateTask task) {
        Authentication atual = identity.getCurrentAuthentication();
        if (atual != null && atual.getUserId() != null) {
            return atual.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "desconhecido";
    }
}
