package br.com.terceirizacs.historia;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The pt-BR words of the story for the codes our tables and Camunda record. An unknown code is shown as it is: a new
 * event type or status still appears, only untranslated.
 */
final class Rotulos {

    private static final DateTimeFormatter DATA_HORA = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private static final Map<String, String> EVENTOS_HOTMART = Map.ofEntries(
            Map.entry("PURCHASE_APPROVED", "Compra aprovada"),
            Map.entry("PURCHASE_COMPLETE", "Compra completa (fim da garantia)"),
            Map.entry("PURCHASE_PROTEST", "Pedido de reembolso em disputa"),
            Map.entry("PURCHASE_REFUNDED", "Compra reembolsada"),
            Map.entry("PURCHASE_CHARGEBACK", "Chargeback"),
            Map.entry("PURCHASE_CANCELED", "Compra cancelada"),
            Map.entry("SUBSCRIPTION_CANCELLATION", "Assinatura cancelada"),
            Map.entry("CLUB_FIRST_ACCESS", "Primeiro acesso à área de membros"),
            Map.entry("CLUB_MODULE_COMPLETED", "Módulo concluído"));

    private static final Map<String, String> SITUACOES_EVENTO = Map.ofEntries(
            Map.entry("PENDENTE", "aguardando processamento"),
            Map.entry("PROCESSADO", "processado"),
            Map.entry("SEM_EFEITO", "sem efeito"),
            Map.entry("AGUARDANDO_COMPRA", "aguardando a compra"),
            Map.entry("DUPLICADO", "duplicado (já recebido com outro id)"),
            Map.entry("IGNORADO", "ignorado"),
            Map.entry("PRODUTO_DESCONHECIDO", "produto não cadastrado"),
            Map.entry("CAMPOS_AUSENTES", "campos ausentes"),
            Map.entry("ERRO", "erro"));

    private static final Map<String, String> REGRAS = Map.of(
            "ONBOARDING", "Boas-vindas",
            "RESGATE_ACESSO", "Resgate de acesso",
            "ESTAGNACAO", "Reengajamento",
            "CELEBRACAO", "Parabéns");

    private static final Map<String, String> STATUS_MENSAGEM = Map.of(
            "NOVA", "registrada, ainda não enviada",
            "NAO_ENVIADA", "não enviada (a Meta recusou por ora; nova tentativa prevista)",
            "ENVIANDO", "pedido à Meta em andamento",
            "INCERTA", "envio incerto (a Meta não respondeu)",
            "FALHOU", "falhou");

    /** The statuses Meta's webhooks reported (as mensagens_status keeps them). */
    private static final Map<String, String> STATUS_META = Map.of(
            "ENVIADA", "enviada (WhatsApp)",
            "ENTREGUE", "entregue",
            "LIDA", "lida",
            "FALHOU", "falhou (WhatsApp)");

    /**
     * Camunda's user operation types an operator causes in Tasklist or Cockpit; the rest show their English code.
     */
    private static final Map<String, String> OPERACOES = Map.ofEntries(
            Map.entry("Claim", "Assumiu a tarefa"),
            Map.entry("Assign", "Atribuiu a tarefa"),
            Map.entry("Delegate", "Delegou a tarefa"),
            Map.entry("Complete", "Concluiu a tarefa"),
            Map.entry("Resolve", "Resolveu a tarefa"),
            Map.entry("SetOwner", "Definiu o responsável"),
            Map.entry("SetPriority", "Mudou a prioridade"),
            Map.entry("SetDueDate", "Mudou o vencimento"),
            Map.entry("SetFollowUpDate", "Mudou a data de acompanhamento"),
            Map.entry("Update", "Alterou a tarefa"),
            Map.entry("AddUserLink", "Incluiu um usuário na tarefa"),
            Map.entry("DeleteUserLink", "Retirou um usuário da tarefa"),
            Map.entry("AddGroupLink", "Incluiu um grupo na tarefa"),
            Map.entry("DeleteGroupLink", "Retirou um grupo da tarefa"),
            Map.entry("SetJobRetries", "Pediu nova tentativa (incidente)"),
            Map.entry("SetExternalTaskRetries", "Pediu nova tentativa (tarefa externa)"),
            Map.entry("SetVariable", "Definiu uma variável"),
            Map.entry("SetVariables", "Definiu variáveis"),
            Map.entry("ModifyVariable", "Alterou variáveis"),
            Map.entry("RemoveVariable", "Removeu uma variável"),
            Map.entry("ModifyProcessInstance", "Modificou a instância"),
            Map.entry("RestartProcessInstance", "Reiniciou a instância"),
            Map.entry("Delete", "Excluiu"),
            Map.entry("Suspend", "Suspendeu"),
            Map.entry("Activate", "Reativou"),
            Map.entry("SuspendJob", "Suspendeu um job"),
            Map.entry("ActivateJob", "Reativou um job"),
            Map.entry("CreateIncident", "Abriu um incidente"),
            Map.entry("SetAnnotation", "Anotou o incidente"),
            Map.entry("ClearAnnotation", "Apagou a anotação do incidente"),
            Map.entry("Migrate", "Migrou a instância"),
            Map.entry("CorrelateMessage", "Correlacionou uma mensagem"),
            Map.entry("Execute", "Executou um job"));

    /** Activity types of the BPMN elements (Camunda's names) in words a CS lead reads. */
    private static final Map<String, String> ATIVIDADES = Map.ofEntries(
            Map.entry("startEvent", "início"),
            Map.entry("messageStartEvent", "início por mensagem"),
            Map.entry("startTimerEvent", "início agendado"),
            Map.entry("noneEndEvent", "fim"),
            Map.entry("terminateEndEvent", "fim"),
            Map.entry("errorEndEvent", "fim com erro"),
            Map.entry("serviceTask", "tarefa automática"),
            Map.entry("userTask", "tarefa de uma pessoa"),
            Map.entry("callActivity", "chama outro processo"),
            Map.entry("exclusiveGateway", "decisão"),
            Map.entry("inclusiveGateway", "decisão"),
            Map.entry("parallelGateway", "caminhos em paralelo"),
            Map.entry("eventBasedGateway", "espera o primeiro evento"),
            Map.entry("intermediateTimer", "espera"),
            Map.entry("intermediateMessageCatch", "espera mensagem"),
            Map.entry("intermediateNoneThrowEvent", "marco"),
            Map.entry("boundaryTimer", "prazo"),
            Map.entry("boundaryMessage", "mensagem recebida"),
            Map.entry("boundaryError", "erro"),
            Map.entry("subProcess", "subprocesso"),
            Map.entry("eventSubProcess", "subprocesso de evento"),
            Map.entry("businessRuleTask", "regra de negócio"),
            Map.entry("sendTask", "envio"),
            Map.entry("receiveTask", "espera"),
            Map.entry("scriptTask", "script"));

    private Rotulos() {
    }

    static String eventoHotmart(String evento) {
        return "Hotmart: " + EVENTOS_HOTMART.getOrDefault(evento, evento == null ? "evento sem tipo" : evento);
    }

    static String situacaoEvento(String situacao) {
        return SITUACOES_EVENTO.getOrDefault(situacao, situacao);
    }

    static String regra(String tipo) {
        return REGRAS.getOrDefault(tipo, tipo == null ? "Mensagem" : tipo);
    }

    static String modo(String modo) {
        return "DISPARO_AUTOMATICO".equals(modo) ? "automática criada" : "sugerida ao CS";
    }

    /** A queue row's decision: by the rule itself, or by a person (approved or discarded). */
    static String decisaoFila(String status, boolean pessoa) {
        if ("REJEITADO".equals(status)) {
            return "descartada";
        }
        return pessoa ? "aprovada" : "aprovada automaticamente";
    }

    /** How a queue row closed after its decision; null while it is still open or when the decision closed it. */
    static String encerramentoFila(String status) {
        return switch (status == null ? "" : status) {
            case "ENVIADO" -> "enviada";
            case "FALHOU" -> "falhou";
            case "CANCELADO" -> "cancelada";
            case "EXPIRADO" -> "expirou sem decisão";
            default -> null;
        };
    }

    static String statusMensagem(String status) {
        return STATUS_MENSAGEM.getOrDefault(status, status);
    }

    static String statusMeta(String status) {
        return STATUS_META.getOrDefault(status, status);
    }

    static String acesso(String tipo, String modulo) {
        return switch (tipo == null ? "" : tipo) {
            case "CLIQUE_LINK" -> "Clicou no link rastreado";
            case "PRIMEIRO_ACESSO" -> "Primeiro acesso ao curso";
            case "MODULO_CONCLUIDO" -> "Concluiu o módulo" + (modulo == null ? "" : " " + modulo);
            default -> tipo;
        };
    }

    static String origemAcesso(String origem) {
        return switch (origem) {
            case "link_whatsapp_terceiriza" -> "link do WhatsApp (Terceiriza)";
            case "email_hotmart" -> "e-mail da Hotmart";
            default -> origem;
        };
    }

    static String operacao(String tipo) {
        return OPERACOES.getOrDefault(tipo, tipo);
    }

    static String atividade(String tipo) {
        return ATIVIDADES.getOrDefault(tipo, tipo);
    }

    /** Camunda's historic process instance states. */
    static String situacaoProcesso(String estado) {
        return switch (estado == null ? "" : estado) {
            case "ACTIVE" -> "em andamento";
            case "SUSPENDED" -> "suspenso";
            case "COMPLETED" -> "concluído";
            case "EXTERNALLY_TERMINATED" -> "encerrado por fora (cancelamento ou operador)";
            case "INTERNALLY_TERMINATED" -> "encerrado pelo próprio processo";
            default -> estado;
        };
    }

    /** The student's phone as the import judged it. */
    static String situacaoTelefone(String situacao) {
        return switch (situacao == null ? "" : situacao) {
            case "VALIDO" -> "válido";
            case "INVALIDO" -> "inválido, sem WhatsApp";
            case "AUSENTE" -> "não informado";
            default -> situacao;
        };
    }

    /** {@code 30/11/2026 14:05:09} in the producer's time zone, as the whole page shows times. */
    static String dataHora(Instant instante, ZoneId fuso) {
        return instante == null ? "—" : DATA_HORA.format(instante.atZone(fuso));
    }
}
