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
 * Group {@code cs} and what it may do in Tasklist (authorization is on): open Tasklist, see the process definitions
 * and their forms, and read the saved filter of approvals. Tasks themselves are granted per task to their candidate
 * group by the engine. Idempotent: runs at every start, on every node.
 */
@Component
class AcessosCamunda {

    static final String FILTRO_APROVACOES = "Disparos para aprovar";
    static final String FILTRO_RESGATES = "Resgates pendentes";

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

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void configurar() {
        if (identity.createGroupQuery().groupId(Papeis.GRUPO_CS).singleResult() == null) {
            Group cs = identity.newGroup(Papeis.GRUPO_CS);
            cs.setName("Customer Success");
            cs.setType("WORKFLOW");
            identity.saveGroup(cs);
        }
        conceder(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        conceder(Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        conceder(Resources.DEPLOYMENT, "*", Permissions.READ);
        filtro(FILTRO_APROVACOES, "Mensagens sugeridas aguardando a decisão do CS (vencimento mais próximo primeiro)", -10,
                tarefas.createTaskQuery().taskCandidateGroup(Papeis.GRUPO_CS).includeAssignedTasks().orderByDueDate().asc());
        filtro(FILTRO_RESGATES, "Resgates de quem ainda não acessou, dos mais antigos aos mais novos", -9,
                tarefas.createTaskQuery().taskCandidateGroup(Papeis.GRUPO_CS).includeAssignedTasks()
                        .processVariableValueEquals("tipoRegra", "RESGATE_ACESSO").orderByTaskCreateTime().asc());
    }

    private void filtro(String nome, String descricao, int prioridade, org.camunda.bpm.engine.task.TaskQuery consulta) {
        Filter filtro = filtros.createFilterQuery().filterName(nome).singleResult();
        if (filtro == null) {
            filtro = filtros.newTaskFilter(nome);
            filtro.setOwner("admin");
        }
        filtro.setQuery(consulta);
        filtro.setProperties(Map.of("description", descricao, "priority", prioridade, "refresh", true));
        filtros.saveFilter(filtro);
        conceder(Resources.FILTER, filtro.getId(), Permissions.READ);
    }

    private void conceder(Resource recurso, String id, Permission permissao) {
        boolean existe = autorizacoes.createAuthorizationQuery().groupIdIn(Papeis.GRUPO_CS).resourceType(recurso)
                .resourceId(id).hasPermission(permissao).count() > 0;
        if (!existe) {
            Authorization a = autorizacoes.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            a.setGroupId(Papeis.GRUPO_CS);
            a.setResource(recurso);
            a.setResourceId(id);
            a.addPermission(permissao);
            autorizacoes.saveAuthorization(a);
        }
    }
}
