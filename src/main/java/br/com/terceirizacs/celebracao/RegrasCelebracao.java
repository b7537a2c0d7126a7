package br.com.terceirizacs.celebracao;

import java.time.Duration;
import java.util.List;

/**
 * Whether a completed module is congratulated: small rules, applied in this order, each with its reason. Pure (no
 * database, no clock): the service hands it the facts.
 */
public final class RegrasCelebracao {

    /** A completion reported later than this after it happened is old news: a congratulation now would feel odd. */
    static final Duration ATRASO_MAXIMO = Duration.ofDays(3);
    static final String TEMPLATE_MODULO = "parabens_modulo";
    static final String TEMPLATE_CURSO = "curso_concluido";

    private RegrasCelebracao() {
    }

    /**
     * One completion of the enrolment.
     *
     * @param ordem its place in the course, or null when unknown (a module seen only in events, or one an operator
     *              removed from the catalogue): such a module is never "older" nor makes another one older
     */
    record Conclusao(Long id, String moduloId, Integer ordem, java.time.Instant ocorridoEm,
                     java.time.Instant registradoEm, SituacaoCelebracao situacao) {

        boolean atrasada() {
            return Duration.between(ocorridoEm, registradoEm).compareTo(ATRASO_MAXIMO) > 0;
        }

        /** Both places in the course are known and this one comes later. */
        boolean depoisNoCursoQue(Conclusao o) {
            return ordem != null && o.ordem != null && ordem > o.ordem;
        }

        /**
         * This completion is the later one of a binge: later in the course and not earlier in time, or, when a place
         * is unknown, later in time (the later record on a tie).
         */
        boolean sucede(Conclusao o) {
            if (ordem != null && o.ordem != null) {
                return ordem > o.ordem && !ocorridoEm.isBefore(o.ocorridoEm);
            }
            return ocorridoEm.isAfter(o.ocorridoEm) || (ocorridoEm.equals(o.ocorridoEm) && id > o.id);
        }
    }

    /** @param motivo in pt-BR, for CS and the dashboard; @param template only when congratulated */
    public record Decisao(SituacaoCelebracao situacao, String motivo, String template) {

        public boolean parabenizar() {
            return situacao == SituacaoCelebracao.PARABENIZADA;
        }
    }

    /**
     * @param esta                 the completion to decide
     * @param outras               the enrolment's other completions (any state)
     * @param parabenizadoHoje     the student (any enrolment) was already congratulated today, producer's time zone
     * @param ultimoModuloDoCurso  the course's last module id, or null when no catalogue says which it is
     */
    static Decisao decidir(Conclusao esta, List<Conclusao> outras, boolean parabenizadoHoje,
                           String ultimoModuloDoCurso) {
        // 1. Old news: Hotmart told us days later (an outage, a redelivery sweep).
        if (esta.atrasada()) {
            return new Decisao(SituacaoCelebracao.ATRASADA,
                    "Conclusão informada mais de 3 dias depois de acontecer: registrada, sem parabéns", null);
        }
        // 2. Going back: a later module of the course was already completed before this one.
        for (Conclusao o : outras) {
            if (o.depoisNoCursoQue(esta) && o.ocorridoEm().isBefore(esta.ocorridoEm())) {
                return new Decisao(SituacaoCelebracao.MODULO_ANTERIOR,
                        "Módulo anterior a outro já concluído: sem parabéns", null);
            }
        }
        // 3. A binge: a later module, completed right after and still waiting, gets the one congratulation.
        for (Conclusao o : outras) {
            if (o.situacao() == SituacaoCelebracao.AGUARDANDO && !o.atrasada() && o.sucede(esta)) {
                return new Decisao(SituacaoCelebracao.SUBSTITUIDA,
                        "Aluno concluiu outro módulo em seguida: os parabéns citam o mais recente", null);
            }
        }
        // 4. At most one congratulation per student and day.
        if (parabenizadoHoje) {
            return new Decisao(SituacaoCelebracao.LIMITE_DIARIO, "Aluno já recebeu parabéns hoje", null);
        }
        // 5. The last module of the course is the course completed.
        if (esta.moduloId().equals(ultimoModuloDoCurso)) {
            return new Decisao(SituacaoCelebracao.PARABENIZADA, "Último módulo do curso concluído", TEMPLATE_CURSO);
        }
        return new Decisao(SituacaoCelebracao.PARABENIZADA, "Módulo concluído", TEMPLATE_MODULO);
    }
}
