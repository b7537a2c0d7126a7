package br.com.terceirizacs.historia;

import java.time.Instant;
import java.util.List;

/**
 * One enrolment and everything that happened to it, on one timeline: what the story page shows and
 * {@code GET /api/historia/matriculas/{id}} answers. {@code passos} are in the order they happened (same instant: the
 * order each source recorded them); instants are UTC, {@code fuso} is the producer's time zone the page shows them in.
 */
public record Historia(Resumo matricula, List<Processo> processos, List<Passo> passos) {

    /** Who the student is and where the enrolment stands now. Personal data: staff only, never logged. */
    public record Resumo(Long id, String aluno, String email, String telefone, String situacaoTelefone, String waId,
                         String produtor, String produto, Long hotmartProductId, String transacao, String status,
                         Instant dataCompra, Instant dataPrimeiroAcesso, String origemPrimeiroAcesso, String alertaCs,
                         Instant optOutEm, String fuso) {
    }

    /**
     * A process instance of the enrolment, from Camunda's history: {@code situacao} in pt-BR (em andamento, concluído,
     * encerrado…), {@code iniciadoPor} the user who started it by hand (null when the application did),
     * {@code chamadoPor} the instance whose call activity started it.
     */
    public record Processo(String id, String chave, String nome, String chaveDeNegocio, Instant inicio, Instant fim,
                           String situacao, String iniciadoPor, String chamadoPor) {
    }

    /**
     * One step: when it started ({@code quando}) and, for steps that take time (a process activity, an incident), when
     * it ended ({@code ate}, null while still open); {@code quem} is the person or the party that acted (a Camunda user,
     * "sistema", "Hotmart", "Meta", "aluno"); {@code processo}/{@code instancia} name the process of a process step.
     */
    public record Passo(Instant quando, Instant ate, Origem origem, String titulo, String detalhe, String quem,
                        String processo, String instancia) {
    }

    /** Where a step comes from. */
    public enum Origem {
        HOTMART("Hotmart"),
        PROCESSO("Processo"),
        OPERADOR("Operador"),
        INCIDENTE("Incidente"),
        FILA("Fila de disparo"),
        WHATSAPP("WhatsApp"),
        ALUNO("Aluno");

        private final String rotulo;

        Origem(String rotulo) {
            this.rotulo = rotulo;
        }

        public String rotulo() {
            return rotulo;
        }
    }
}
