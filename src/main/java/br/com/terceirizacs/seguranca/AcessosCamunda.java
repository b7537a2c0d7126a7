package br.com.terceirizacs.seguranca;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups of the people who use Camunda, and what each may do (authorization is on). Idempotent: runs at every
 * start, on every node.
 * <ul>
 *   <li>{@code cs}: open Tasklist, see the process definitions and their forms, read the saved filters, and start the
 *       daily access rescue now (Tasklist → Iniciar processo → Resgate de acesso). Tasks themselves are granted per
 *       task to their candidate group by the engine.</li>
 *   <li>{@code operacao} (operators): open Tasklist, see the process definitions and their forms, and read the saved
 *       filter *Envios incertos*; the tasks "Confirmar envio incerto" are granted to the group by the engine (read,
 *       claim, complete). Nothing else: no instances, no variables, no Cockpit.</li>
 *   <li>{@code donos-processo} (process owners): deploy diagrams and forms from Camunda Modeler and read what is
 *       deployed; nothing else (no instances, no variables, no users).</li>
 * </ul>
 */
@Component
class AcessosCamunda {

    static final String FILTRO_APROVACOES = "Disparos para aprovar";
    static final String FILTRO_RESGATES = "Resgates pendentes";
    static final String FILTRO_INCERTOS = "Envios incertos";

    private final IdentityService identity;
    private final AuthorizationService autorizacoes;
    private final FilterService filtros;
    private final TaskService tarefas;

    AcessosCamunda(IdentityService identity, AuthorizationService autorizacoes, FilterService filtros,
                   TaskService tarefas) {
        this.identity = identity;
        this.autorizacoes = autorizacoes;
        this.filtros = filtros;
        this.tarefas = tarefas;
    }

    /** The one process CS may start by hand. */
    static final String PROCESSO_RESGATE = "resgate-acesso";

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void configurar() {
        grupo(Papeis.GRUPO_CS, "Customer Success");
        conceder(Papeis.GRUPO_CS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        conceder(Papeis.GRUPO_CS, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        conceder(Papeis.GRUPO_CS, Resources.DEPLOYMENT, "*", Permissions.READ);
        conceder(Papeis.GRUPO_CS, Resources.PROCESS_DEFINITION, PROCESSO_RESGATE, Permissions.CREATE_INSTANCE);
        conceder(Papeis.GRUPO_CS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);

        grupo(Papeis.GRUPO_OPERACAO, "Operação");
        conceder(Papeis.GRUPO_OPERACAO, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        conceder(Papeis.GRUPO_OPERACAO, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        conceder(Papeis.GRUPO_OPERACAO, Resources.DEPLOYMENT, "*", Permissions.READ);

        grupo(Papeis.GRUPO_DONOS_PROCESSO, "Donos de processo");
        conceder(Papeis.GRUPO_DONOS_PROCESSO, Resources.DEPLOYMENT, "*", Permissions.CREATE);
        conceder(Papeis.GRUPO_DONOS_PROCESSO, Resources.DEPLOYMENT, "*", Permissions.READ);
        conceder(Papeis.GRUPO_DONOS_PROCESSO, Resources.PROCESS_DEFINITION, "*", Permissions.READ);

        filtro(Papeis.GRUPO_CS, FILTRO_APROVACOES,
                "Mensagens sugeridas aguardando a decisão do CS (vencimento mais próximo primeiro)", -10,
                tarefas.createTaskQuery().taskCandidateGroup(Papeis.GRUPO_CS).includeAssignedTasks().orderByDueDate().asc());
        filtro(Papeis.GRUPO_CS, FILTRO_RESGATES, "Resgates de quem ainda não acessou, dos mais antigos aos mais novos", -9,
                tarefas.createTaskQuery().taskCandidateGroup(Papeis.GRUPO_CS).includeAssignedTasks()
                        .processVariableValueEquals("tipoRegra", "RESGATE_ACESSO").orderByTaskCreateTime().asc());
        filtro(Papeis.GRUPO_OPERACAO, FILTRO_INCERTOS,
                "Envios sem resposta da Meta esperando a decisão da operação (mais antigos primeiro)", -8,
                tarefas.createTaskQuery().taskCandidateGroup(Papeis.GRUPO_OPERACAO).includeAssignedTasks()
                        .orderByTaskCreateTime().asc());
    }

    private void filtro(String grupo, String nome, String descricao, int prioridade,
                        org.camunda.bpm.engine.task.TaskQuery consulta) {
        Filter filtro = filtros.createFilterQuery().filterName(nome).singleResult();
        if (filtro == null) {
            filtro = filtros.newTaskFilter(nome);
            filtro.setOwner("admin");
        }
        filtro.setQuery(consulta);
        filtro.setProperties(Map.of("description", descricao, "priority", prioridade, "refresh", true));
        filtros.saveFilter(filtro);
        conceder(grupo, Resources.FILTER, filtro.getId(), Permissions.READ);
    }

    private void grupo(String id, String nome) {
        if (identity.createGroupQuery().groupId(id).singleResult() == null) {
            Group g = identity.newGroup(id);
            g.setName(nome);
            g.setType("WORKFLOW");
            identity.saveGroup(g);
        }
    }

    /** One grant per group, resource and id (the engine's unique key), holding every permission given to it. */
    private void conceder(String grupo, Resource recurso, String id, Permission permissao) {
        Authorization a = autorizacoes.createAuthorizationQuery().groupIdIn(grupo).resourceType(recurso)
                .resourceId(id).authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
        if (a == null) {
            a = autorizacoes.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            a.setGroupId(grupo);
            a.setResource(recurso);
            a.setResourceId(id);
        } else if (a.isPermissionGranted(permissao)) {
            return;
        }
        a.addPermission(permissao);
        autorizacoes.saveAuthorization(a);
    }
}
