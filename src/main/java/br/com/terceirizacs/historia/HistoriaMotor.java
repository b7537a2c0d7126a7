package br.com.terceirizacs.historia;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import br.com.terceirizacs.historia.Historia.Origem;
import br.com.terceirizacs.historia.Historia.Passo;
import br.com.terceirizacs.historia.Historia.Processo;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Component;

/**
 * The enrolment's side of the story in Camunda's history (level FULL): its process instances, every activity they
 * went through with start and end, who had and who completed each user task, what operators did in Tasklist or
 * Cockpit (the user operation log) and the incidents with their resolution. Names are the diagrams' own (pt-BR).
 * <p>
 * Instances are found through indexed columns only: the business key (the enrolment's Hotmart transactions), the
 * {@code disparo} instances its queue rows name, and from those the instances they called or were called by. An
 * instance whose {@code matriculaId} is another enrolment's is left out. History older than its time-to-live
 * (30 days) has been cleaned up: the story then holds only what our tables keep.
 * <p>
 * Over 250 lines: one walk over one engine's history (instances, then each one's activities, operations and
 * incidents), turned into steps; splitting it would pass the same maps between classes.
 */
@Component
class HistoriaMotor {

    static final String MATRICULA_ID = "matriculaId";
    /** Guards against a runaway graph of instances: far more than one enrolment ever has. */
    private static final int MAX_INSTANCIAS = 100;

    private final HistoryService historico;
    private final RepositoryService repositorio;
    private final Map<String, BpmnModelInstance> modelos = new ConcurrentHashMap<>();

    HistoriaMotor(HistoryService historico, RepositoryService repositorio) {
        this.historico = historico;
        this.repositorio = repositorio;
    }

    /** The process instances and their steps. */
    record Resultado(List<Processo> processos, List<Passo> passos) {
    }

    Resultado historia(long matriculaId, Collection<String> transacoes, Collection<String> instanciasConhecidas) {
        Map<String, HistoricProcessInstance> instancias = new LinkedHashMap<>();
        Map<String, List<HistoricActivityInstance>> atividades = new HashMap<>();
        Deque<String> aVisitar = new ArrayDeque<>(instanciasConhecidas.stream().filter(Objects::nonNull).toList());
        if (!transacoes.isEmpty()) {
            historico.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(transacoes.toArray(String[]::new))
                    .list().forEach(p -> aVisitar.add(p.getId()));
        }
        while (!aVisitar.isEmpty() && instancias.size() < MAX_INSTANCIAS) {
            String id = aVisitar.poll();
            if (instancias.containsKey(id)) {
                continue;
            }
            HistoricProcessInstance p = historico.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
            if (p == null) {
                continue; // cleaned up by the history time-to-live
            }
            instancias.put(id, p);
            if (p.getSuperProcessInstanceId() != null) {
                aVisitar.add(p.getSuperProcessInstanceId());
            }
            List<HistoricActivityInstance> lista = historico.createHistoricActivityInstanceQuery().processInstanceId(id)
                    .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
            atividades.put(id, lista);
            lista.stream().map(HistoricActivityInstance::getCalledProcessInstanceId).filter(Objects::nonNull)
                    .forEach(aVisitar::add);
        }
        outrasMatriculas(matriculaId, instancias.keySet()).forEach(instancias::remove);

        List<HistoricProcessInstance> ordem = new ArrayList<>(instancias.values());
        ordem.sort(Comparator.comparing(HistoricProcessInstance::getStartTime)
                .thenComparing(p -> profundidade(p, instancias)));
        List<Processo> processos = new ArrayList<>();
        List<Passo> passos = new ArrayList<>();
        for (HistoricProcessInstance p : ordem) {
            processos.add(new Processo(p.getId(), p.getProcessDefinitionKey(), nome(p), p.getBusinessKey(),
                    instante(p.getStartTime()), instante(p.getEndTime()), Rotulos.situacaoProcesso(p.getState()),
                    p.getStartUserId(), p.getSuperProcessInstanceId()));
            passos.addAll(passosDaInstancia(p, atividades.get(p.getId()), instancias));
        }
        return new Resultado(processos, passos);
    }

    /** Instances reached through a shared business key that belong to another enrolment. */
    private List<String> outrasMatriculas(long matriculaId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return historico.createHistoricVariableInstanceQuery().processInstanceIdIn(ids.toArray(String[]::new))
                .variableName(MATRICULA_ID).list().stream()
                .filter(v -> v.getValue() instanceof Number n && n.longValue() != matriculaId)
                .map(HistoricVariableInstance::getProcessInstanceId).distinct().toList();
    }

    private static int profundidade(HistoricProcessInstance p, Map<String, HistoricProcessInstance> instancias) {
        int n = 0;
        for (HistoricProcessInstance x = p; x.getSuperProcessInstanceId() != null && n < MAX_INSTANCIAS; n++) {
            x = instancias.get(x.getSuperProcessInstanceId());
            if (x == null) {
                return n + 1;
            }
        }
        return n;
    }

    private List<Passo> passosDaInstancia(HistoricProcessInstance p, List<HistoricActivityInstance> lista,
                                          Map<String, HistoricProcessInstance> instancias) {
        String processo = nome(p);
        List<Passo> passos = new ArrayList<>();
        List<UserOperationLogEntry> operacoes = historico.createUserOperationLogQuery().processInstanceId(p.getId())
                .orderByTimestamp().asc().list();
        Map<String, String> concluidaPor = new HashMap<>();
        for (UserOperationLogEntry o : operacoes) {
            if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(o.getOperationType()) && o.getTaskId() != null) {
                concluidaPor.put(o.getTaskId(), o.getUserId());
            }
        }
        Map<String, String> nomesTarefas = new HashMap<>();
        Map<String, String> nomesAtividades = new HashMap<>();
        for (int i = 0; i < lista.size(); i++) {
            HistoricActivityInstance a = lista.get(i);
            nomesAtividades.putIfAbsent(a.getActivityId(), a.getActivityName());
            if (a.getTaskId() != null) {
                nomesTarefas.put(a.getTaskId(), a.getActivityName());
            }
            FlowNode no = elemento(a);
            if ("multiInstanceBody".equals(a.getActivityType())
                    || (no instanceof Gateway g && g.getOutgoing().size() <= 1)) {
                continue; // a join or a multi-instance wrapper: no decision, nothing a person would look for
            }
            String titulo = a.getActivityName() != null ? a.getActivityName() : a.getActivityId();
            if (no instanceof Gateway g) {
                String caminho = caminhoTomado(g, a, lista.subList(i + 1, lista.size()));
                titulo = caminho == null ? titulo : titulo + " → " + caminho;
            }
            passos.add(new Passo(instante(a.getStartTime()), instante(a.getEndTime()), Origem.PROCESSO, titulo,
                    detalhe(a, concluidaPor, instancias), quem(a, p, concluidaPor), processo, p.getId()));
        }
        for (List<UserOperationLogEntry> operacao : operacoes.stream()
                .collect(Collectors.groupingBy(o -> Objects.toString(o.getOperationId(), o.getId()), LinkedHashMap::new,
                        Collectors.toList())).values()) {
            UserOperationLogEntry o = operacao.get(0);
            if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(o.getOperationType()) && o.getTaskId() != null) {
                continue; // shown on the task's own step ("concluída por")
            }
            String alvo = o.getTaskId() != null && nomesTarefas.containsKey(o.getTaskId())
                    ? " — " + nomesTarefas.get(o.getTaskId()) : "";
            passos.add(new Passo(instante(o.getTimestamp()), null, Origem.OPERADOR, Rotulos.operacao(o.getOperationType())
                    + alvo, propriedades(operacao), o.getUserId(), processo, p.getId()));
        }
        for (HistoricIncident i : historico.createHistoricIncidentQuery().processInstanceId(p.getId()).list()) {
            if (!i.getId().equals(i.getRootCauseIncidentId())) {
                continue; // the echo of a called instance's incident on the call activity
            }
            String onde = nomesAtividades.get(i.getActivityId()) != null ? nomesAtividades.get(i.getActivityId())
                    : nomeNoDiagrama(i.getProcessDefinitionId(), i.getActivityId());
            String situacao = i.isResolved() ? "resolvido" : i.isDeleted() ? "encerrado com a instância" : "aberto";
            passos.add(new Passo(instante(i.getCreateTime()), instante(i.getEndTime()), Origem.INCIDENTE,
                    "Incidente em " + onde + " (" + situacao + ")", i.getIncidentMessage(), "sistema", processo, p.getId()));
        }
        return passos;
    }

    /** The name of the flow out of the gateway that led to the next step (from the diagram), if one did. */
    private static String caminhoTomado(Gateway g, HistoricActivityInstance a, List<HistoricActivityInstance> depois) {
        for (HistoricActivityInstance b : depois) {
            for (SequenceFlow f : g.getOutgoing()) {
                if (f.getTarget().getId().equals(b.getActivityId()) && !b.getStartTime().before(a.getStartTime())) {
                    return f.getName() != null && !f.getName().isBlank() ? f.getName() : f.getTarget().getName();
                }
            }
        }
        return null;
    }

    private static String detalhe(HistoricActivityInstance a, Map<String, String> concluidaPor,
                                  Map<String, HistoricProcessInstance> instancias) {
        List<String> partes = new ArrayList<>();
        partes.add(Rotulos.atividade(a.getActivityType()));
        if (a.getTaskId() != null) {
            if (a.getAssignee() != null) {
                partes.add("com " + a.getAssignee());
            }
            String quem = concluidaPor.get(a.getTaskId());
            if (quem != null) {
                partes.add("concluída por " + quem);
            }
        }
        if (a.getCalledProcessInstanceId() != null) {
            HistoricProcessInstance chamado = instancias.get(a.getCalledProcessInstanceId());
            partes.add("chamou " + (chamado != null ? nome(chamado) : "a instância " + a.getCalledProcessInstanceId()));
        }
        if (a.isCanceled()) {
            partes.add("interrompida");
        } else if (a.getEndTime() == null) {
            partes.add("em andamento");
        }
        return String.join("; ", partes);
    }

    private static String quem(HistoricActivityInstance a, HistoricProcessInstance p, Map<String, String> concluidaPor) {
        if (a.getTaskId() != null) {
            String quem = concluidaPor.get(a.getTaskId());
            return quem != null ? quem : a.getAssignee() != null ? a.getAssignee() : "—";
        }
        if (a.getActivityId().equals(p.getStartActivityId()) && p.getStartUserId() != null) {
            return p.getStartUserId();
        }
        return "sistema";
    }

    /**
     * What an operation changed, for the properties that carry no personal data (who, retries, dates, priority);
     * other properties are named without their values (variables may hold anything).
     */
    private static String propriedades(List<UserOperationLogEntry> operacao) {
        java.util.Set<String> comValor = java.util.Set.of("assignee", "owner", "retries", "priority", "dueDate",
                "followUpDate", "userId", "groupId", "suspensionState", "delegation");
        List<String> partes = new ArrayList<>();
        for (UserOperationLogEntry o : operacao) {
            if (o.getProperty() == null) {
                continue;
            }
            partes.add(comValor.contains(o.getProperty())
                    ? o.getProperty() + ": " + Objects.toString(o.getOrgValue(), "—") + " → " + Objects.toString(o.getNewValue(), "—")
                    : o.getProperty());
        }
        String anotacao = operacao.get(0).getAnnotation();
        if (anotacao != null && !anotacao.isBlank()) {
            partes.add("anotação: " + anotacao);
        }
        return partes.isEmpty() ? null : String.join("; ", partes);
    }

    private FlowNode elemento(HistoricActivityInstance a) {
        BpmnModelInstance modelo = modelos.computeIfAbsent(a.getProcessDefinitionId(), this::modelo);
        return modelo == null ? null
                : modelo.getModelElementById(a.getActivityId()) instanceof FlowNode no ? no : null;
    }

    /**
     * An element's name from the deployed diagram: a job that fails into an incident rolls its activity instance back,
     * so the history may not hold the name of where the incident is.
     */
    private String nomeNoDiagrama(String definicao, String elemento) {
        BpmnModelInstance modelo = definicao == null ? null : modelos.computeIfAbsent(definicao, this::modelo);
        if (modelo != null && modelo.getModelElementById(elemento) instanceof FlowNode no && no.getName() != null) {
            return no.getName();
        }
        return elemento;
    }

    /** The deployed diagram; null when its deployment was deleted since (the step is then shown without it). */
    private BpmnModelInstance modelo(String definicao) {
        try {
            return repositorio.getBpmnModelInstance(definicao);
        } catch (org.camunda.bpm.engine.ProcessEngineException e) {
            return null;
        }
    }

    private static String nome(HistoricProcessInstance p) {
        return p.getProcessDefinitionName() != null ? p.getProcessDefinitionName() : p.getProcessDefinitionKey();
    }

    private static Instant instante(Date data) {
        return data == null ? null : data.toInstant();
    }
}
