package br.com.terceirizacs.seguranca;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * A form submission can only change what its form shows, whoever calls: Tasklist, the REST API
 * ({@code /engine-rest}, {@code /camunda/api/engine}) or Java code. The engine's task and form services are replaced
 * by subclasses that check every variable a task completion, a form submission or a variable write carries against
 * the task's deployed Camunda Form ({@link CamposDoFormulario}) before the engine sees it; a start form submission is
 * checked against the process's start form (none: no variables). A refused submission changes nothing and answers
 * 400 with the reason in pt-BR.
 * <p>
 * Process variables written by the engine's own code paths (delegates, listeners, correlations) and by operators
 * through {@code RuntimeService} (Cockpit, ADMIN) are not form submissions and are not affected.
 */
@Component
class FormulariosProtegidosPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuracao) {
        configuracao.setTaskService(new Tarefas());
        configuracao.setFormService(new Formularios());
    }

    /** The deployed form of a task or of a process start, read without the caller's authorizations. */
    private static CamposDoFormulario formulario(CommandExecutor executor, Command<InputStream> leitura) {
        return executor.execute(contexto -> {
            contexto.disableAuthorizationCheck();
            try (InputStream json = leitura.execute(contexto)) {
                return CamposDoFormulario.ler(json);
            } catch (BadUserRequestException semFormulario) {
                return CamposDoFormulario.NENHUM; // neither formKey nor formRef: nothing to submit
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                contexto.enableAuthorizationCheck();
            }
        });
    }

    static final class Tarefas extends TaskServiceImpl {

        private CamposDoFormulario da(String taskId) {
            return formulario(commandExecutor, new GetDeployedTaskFormCmd(taskId));
        }

        @Override
        public void complete(String taskId, Map<String, Object> variaveis) {
            super.complete(taskId, da(taskId).filtrar(variaveis, true));
        }

        @Override
        public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variaveis,
                                                         boolean deserializar) {
            return super.completeWithVariablesInReturn(taskId, da(taskId).filtrar(variaveis, true), deserializar);
        }

        @Override
        public void resolveTask(String taskId, Map<String, Object> variaveis) {
            super.resolveTask(taskId, da(taskId).filtrar(variaveis, false));
        }

        @Override
        public void handleBpmnError(String taskId, String codigo, String mensagem, Map<String, Object> variaveis) {
            super.handleBpmnError(taskId, codigo, mensagem, da(taskId).filtrar(variaveis, false));
        }

        @Override
        public void handleEscalation(String taskId, String codigo, Map<String, Object> variaveis) {
            super.handleEscalation(taskId, codigo, da(taskId).filtrar(variaveis, false));
        }

        @Override
        protected void setVariables(String taskId, Map<String, ?> variaveis, boolean local) {
            CamposDoFormulario campos = da(taskId);
            campos.exigirEditaveis(variaveis.keySet());
            super.setVariables(taskId, campos.filtrar(variaveis, false), local);
        }

        @Override
        protected void updateVariables(String taskId, Map<String, ?> alteracoes, Collection<String> remocoes,
                                       boolean local) {
            CamposDoFormulario campos = da(taskId);
            if (alteracoes != null) {
                campos.exigirEditaveis(alteracoes.keySet());
            }
            if (remocoes != null) {
                campos.exigirEditaveis(remocoes);
            }
            super.updateVariables(taskId, alteracoes == null ? null : campos.filtrar(alteracoes, false), remocoes, local);
        }

        @Override
        public void removeVariable(String taskId, String nome) {
            da(taskId).exigirEditaveis(List.of(nome));
            super.removeVariable(taskId, nome);
        }

        @Override
        public void removeVariableLocal(String taskId, String nome) {
            da(taskId).exigirEditaveis(List.of(nome));
            super.removeVariableLocal(taskId, nome);
        }

        @Override
        public void removeVariables(String taskId, Collection<String> nomes) {
            da(taskId).exigirEditaveis(nomes);
            super.removeVariables(taskId, nomes);
        }

        @Override
        public void removeVariablesLocal(String taskId, Collection<String> nomes) {
            da(taskId).exigirEditaveis(nomes);
            super.removeVariablesLocal(taskId, nomes);
        }
    }

    static final class Formularios extends FormServiceImpl {

        @Override
        public void submitTaskForm(String taskId, Map<String, Object> variaveis) {
            super.submitTaskForm(taskId, formulario(commandExecutor, new GetDeployedTaskFormCmd(taskId))
                    .filtrar(variaveis, true));
        }

        @Override
        public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> variaveis,
                                                               boolean deserializar) {
            return super.submitTaskFormWithVariablesInReturn(taskId,
                    formulario(commandExecutor, new GetDeployedTaskFormCmd(taskId)).filtrar(variaveis, true),
                    deserializar);
        }

        @Override
        public void submitTaskFormData(String taskId, Map<String, String> propriedades) {
            submitTaskForm(taskId, Map.copyOf(propriedades));
        }

        @Override
        public ProcessInstance submitStartForm(String processDefinitionId, Map<String, Object> variaveis) {
            return super.submitStartForm(processDefinitionId, doInicio(processDefinitionId, variaveis));
        }

        @Override
        public ProcessInstance submitStartForm(String processDefinitionId, String businessKey,
                                               Map<String, Object> variaveis) {
            return super.submitStartForm(processDefinitionId, businessKey, doInicio(processDefinitionId, variaveis));
        }

        @Override
        public ProcessInstance submitStartFormData(String processDefinitionId, Map<String, String> propriedades) {
            return submitStartForm(processDefinitionId, Map.copyOf(propriedades));
        }

        @Override
        public ProcessInstance submitStartFormData(String processDefinitionId, String businessKey,
                                                   Map<String, String> propriedades) {
            return submitStartForm(processDefinitionId, businessKey, Map.copyOf(propriedades));
        }

        private Map<String, Object> doInicio(String processDefinitionId, Map<String, Object> variaveis) {
            return formulario(commandExecutor, new GetDeployedStartFormCmd(processDefinitionId))
                    .filtrar(variaveis, true);
        }
    }
}
