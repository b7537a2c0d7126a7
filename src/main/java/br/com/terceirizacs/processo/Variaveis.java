package br.com.terceirizacs.processo;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.BooleanValue;

/** Process variable names. Only ids and control-flow flags live in processes; business data lives in our tables. */
final class Variaveis {

    static final String MATRICULA_ID = "matriculaId";
    static final String FILA_ID = "filaId";
    static final String TIPO_REGRA = "tipoRegra";
    static final String MOTIVO = "motivo";
    static final String PRE_APROVADO = "preAprovado";
    static final String POLITICA_OK = "politicaOk";
    static final String APROVACAO_HUMANA = "aprovacaoHumana";
    static final String AGUARDA_JANELA = "aguardaJanela";
    static final String EXPIRA_EM = "expiraEm";
    static final String APROVADO = "aprovado";
    static final String RESULTADO_ENVIO = "resultadoEnvio";
    static final String TEM_TELEFONE = "temTelefone";
    /** Optional input of {@code disparo}: the message template to use instead of the rule's default. */
    static final String TEMPLATE = "template";
    /** A module id of the product's catalogue (celebracao; optional input of {@code disparo}: the module it names). */
    static final String MODULO_ID = "moduloId";
    static final String ALUNO_ID = "alunoId";
    /** celebracao: the decision says congratulate (transient, read by the gateway right after). */
    static final String PARABENIZAR = "parabenizar";

    private Variaveis() {
    }

    /**
     * A flag read only by the gateway right after the step that sets it, in the same transaction: transient, so it
     * costs no row, no history and no delete (docs/benchmarks.md, "Launch day").
     */
    static BooleanValue transitoria(boolean valor) {
        return Variables.booleanValue(valor, true);
    }
}
