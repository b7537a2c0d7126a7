package br.com.terceirizacs.bi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the producer's dashboard shows, already in the producer's words (pt-BR). The page renders it, the
 * live update fetches it as JSON, the CSV and the printable view read it too: one computation, four views.
 */
public record Painel(
        Cliente cliente,
        Filtro filtro,
        List<OpcaoProduto> produtos,
        String recorte,
        Manchete manchete,
        Numeros numeros,
        Medianas medianas,
        Funil funil,
        Reembolsos reembolsos,
        List<PainelConsultas.Dia> linhaDoTempo,
        List<LinhaTurma> turmas,
        Instant calculadoEm,
        /** When it was computed, in the producer's time zone ("29/11/2026 10:15:03"). */
        String calculadoEmTexto) {

    public record Cliente(String nome, String slug) {
    }

    /** The filter as chosen (null = all); dates are the producer's local purchase dates, both inclusive. */
    public record Filtro(Long produto, Long turma, LocalDate de, LocalDate ate) {

        public String consulta() {
            StringBuilder q = new StringBuilder();
            if (produto != null) q.append("&produto=").append(produto);
            if (turma != null) q.append("&turma=").append(turma);
            if (de != null) q.append("&de=").append(de);
            if (ate != null) q.append("&ate=").append(ate);
            return q.isEmpty() ? "" : "?" + q.substring(1);
        }
    }

    public record OpcaoProduto(Long id, String nome, List<OpcaoTurma> turmas) {
    }

    public record OpcaoTurma(Long id, String nome, String criterio) {
    }

    /**
     * The headline: the share of first accesses our WhatsApp link brought, as a sentence, and the attribution rule
     * that decides it, so the producer can check it.
     */
    public record Manchete(String frase, Double percentual, long viaLink, long acessaram, String regra) {
    }

    /** {@code responderam}: buyers who replied to us on WhatsApp; {@code percentualResposta}: their share of buyers. */
    public record Numeros(long compradores, long acessaram, long semAcesso, long viaLink, long viaEmail,
                          Double percentualLink, Double percentualEmail, long responderam, Double percentualResposta,
                          long modulosConcluidos, long parabensEnviados) {
    }

    public record Medianas(Double segundosLink, String link, Double segundosEmail, String email) {
    }

    public record Funil(long sugeridos, long aprovados, long enviados, long entregues, long lidos, long acessaram,
                        int diasConversao) {
    }

    /** Refunds among students who accessed the course and among those who never did. */
    public record Reembolsos(long comAcesso, long acessaram, Double percentualComAcesso,
                             long semAcesso, long nuncaAcessaram, Double percentualSemAcesso, String frase) {
    }

    public record LinhaTurma(Long turmaId, String produto, String turma, Numeros numeros, Medianas medianas,
                             Funil funil, Reembolsos reembolsos) {
    }
}
