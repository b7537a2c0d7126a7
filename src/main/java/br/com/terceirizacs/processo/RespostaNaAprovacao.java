package br.com.terceirizacs.processo;

import java.util.Collections;

import br.com.terceirizacs.matricula.EventosMatricula;
import br.com.terceirizacs.matricula.RespostasAluno;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A student who replies on WhatsApp while a suggestion for them waits in Tasklist: the open approval tasks of their
 * enrolments show the new reply (the task-local {@code ultimaResposta} the create listener set). Runs after the
 * reply is committed; a failure here only leaves the form showing the previous reply.
 * <p>
 * The value is a display copy the form shows read-only, so it is written as the create listener writes it, by the
 * engine's own command: {@code TaskService} checks every write against the form (what a person may submit), and
 * would refuse it.
 */
@Component
class RespostaNaAprovacao {

    private static final Logger log = LoggerFactory.getLogger(RespostaNaAprovacao.class);
    private static final String TAREFA = "Tarefa_AprovarDisparo";

    private final ProcessEngine motor;
    private final RespostasAluno respostas;

    RespostaNaAprovacao(ProcessEngine motor, RespostasAluno respostas) {
        this.motor = motor;
        this.respostas = respostas;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void respostaRecebida(EventosMatricula.RespostaRecebida e) {
        try {
            String resumo = respostas.ultimaDoAluno(e.alunoId()).map(RespostasAluno.UltimaResposta::resumo)
                    .orElse(null);
            for (Long matriculaId : e.matriculaIds()) {
                for (Task t : motor.getTaskService().createTaskQuery().taskDefinitionKey(TAREFA)
                        .processVariableValueEquals(Variaveis.MATRICULA_ID, matriculaId).list()) {
                    ((ProcessEngineImpl) motor).getProcessEngineConfiguration().getCommandExecutorTxRequired()
                            .execute(new SetTaskVariablesCmd(t.getId(),
                                    Collections.singletonMap(AprovacaoDisparoListener.ULTIMA_RESPOSTA, resumo), true));
                }
            }
        } catch (RuntimeException ex) {
            log.warn("Resposta do aluno {} não atualizada nas tarefas de aprovação: {}", e.alunoId(), ex.toString());
        }
    }
}
