package br.com.terceirizacs.matricula;

import java.time.Instant;
import java.util.List;

/**
 * Domain events, published inside the transaction that caused them (listeners that start or correlate processes
 * join it, so the domain write and the process change commit together).
 */
public final class EventosMatricula {

    private EventosMatricula() {
    }

    /** A first charge created (or re-activated) an enrolment. */
    public record CompraAprovada(Long matriculaId, Long produtoId, String transacao) {
    }

    /** The enrolment ended: refund, chargeback, cancellation. */
    /**
     * A new purchase replaced the ended one behind an enrolment: its purchase date (and turma) move. Published before
     * the change, inside its transaction, so read models keyed by the old date can forget it.
     */
    public record CompraSubstituida(Long matriculaId, Long produtoId, Instant dataCompraAnterior) {
    }

    public record MatriculaEncerrada(Long matriculaId, String transacao, StatusMatricula status) {
    }

    /**
     * A student completed a module (every CLUB_MODULE_COMPLETED applied, also an older one: whoever listens decides
     * what a late or older completion means). {@code ocorridoEm} is Hotmart's time of the completion.
     */
    public record ModuloConcluido(Long matriculaId, Long alunoId, Long produtoId, Long turmaId, String moduloId,
                                  String moduloNome, Instant ocorridoEm) {
    }

    /** The purchase behind the enrolment is disputed (PURCHASE_PROTEST): nothing new should be sent meanwhile. */
    public record MatriculaEmDisputa(Long matriculaId, Long alunoId) {
    }

    public record PrimeiroAcessoRegistrado(Long matriculaId, Long produtoId, String origem, Instant em) {
    }

    /** The student asked us to stop writing to them. */
    public record OptOutRegistrado(List<Long> alunoIds, Instant em) {
    }

    /** The student replied on WhatsApp; {@code matriculaIds}: all their enrolments (views that show the reply). */
    public record RespostaRecebida(Long alunoId, List<Long> matriculaIds) {
    }
}
