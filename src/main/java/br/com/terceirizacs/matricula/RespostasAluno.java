package br.com.terceirizacs.matricula;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import br.com.terceirizacs.comum.Datas;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A student's WhatsApp replies ({@code respostas_whatsapp}). An inbound message is linked to every student of ours
 * whose wa_id (learned from Meta's send answer) or phone matches the sender, with or without Brazil's ninth digit,
 * the same students a stop request reaches: a number may belong to students of several producers, and each producer's
 * CS sees the reply. Within one student, the reply goes to the enrolment it is most likely about: the latest purchase
 * still in force, else the latest purchase (what the dashboard counts as engagement). What CS sees is the student's
 * last reply, whichever enrolment it went to: a producer's student is one person.
 */
@Service
public class RespostasAluno {

    /** The text kept for a reply; views truncate it further. */
    static final int TEXTO_MAXIMO = 1000;
    /** The text shown in an enrolment view or a form. */
    static final int TEXTO_VISIVEL = 160;

    private static final ZoneId FUSO_CS = ZoneId.of("America/Sao_Paulo");
    private static final DateTimeFormatter DIA_HORA = DateTimeFormatter.ofPattern("dd/MM 'às' HH:mm",
            Locale.forLanguageTag("pt-BR"));

    private final AlunoRepository alunos;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher eventos;
    private final Clock clock;

    RespostasAluno(AlunoRepository alunos, JdbcClient jdbc, ApplicationEventPublisher eventos, Clock clock) {
        this.alunos = alunos;
        this.jdbc = jdbc;
        this.eventos = eventos;
        this.clock = clock;
    }

    /**
     * The last reply of an enrolment's student.
     *
     * @param texto      what the student wrote, truncated (a description such as "(áudio)" when it had no text)
     * @param recebidaEm when it arrived
     * @param quando     how long ago, in pt-BR ("respondeu há 2 h")
     */
    public record UltimaResposta(String texto, Instant recebidaEm, String quando) {

        /** One line for a form: "respondeu há 2 h (30/11 às 14:05): “Não recebi o acesso”". */
        public String resumo() {
            return quando + " (" + DIA_HORA.format(recebidaEm.atZone(FUSO_CS)) + "): “" + texto + "”";
        }
    }

    /**
     * Links an inbound message (recorded once, by Meta's id) to the students of its number. Runs in the webhook's
     * transaction for that message. Returns the enrolments linked (a student without any enrolment is linked alone).
     *
     * @param optOut a stop request: CS sees it as the last reply, the dashboard does not count it as engagement
     */
    @Transactional
    public List<Long> registrar(String wamid, String waId, String tipo, String texto, boolean optOut,
                                Instant recebidaEm) {
        if (wamid == null || waId == null || waId.isBlank()) {
            return List.of();
        }
        List<Long> vistos = new ArrayList<>();
        List<Long> matriculas = new ArrayList<>();
        for (String variante : ContatoAlunoService.variantesBrasileiras(waId)) {
            for (Aluno a : alunos.porWaIdOuTelefone(variante, "+" + variante)) {
                if (vistos.contains(a.getId())) {
                    continue;
                }
                vistos.add(a.getId());
                Long matricula = matriculaProvavel(a.getId()).orElse(null);
                jdbc.sql("""
                                insert into respostas_whatsapp (wamid, aluno_id, matricula_id, tipo, texto, opt_out,
                                                                recebida_em)
                                select ?, ?, cast(? as bigint), ?, ?, ?, ? where not exists
                                    (select 1 from respostas_whatsapp where wamid = ? and aluno_id = ?)""")
                        .params(wamid, a.getId(), matricula, tipo,
                                texto == null ? null : texto.substring(0, Math.min(TEXTO_MAXIMO, texto.length())),
                                optOut, Datas.utc(recebidaEm), wamid, a.getId())
                        .update();
                if (matricula != null) {
                    matriculas.add(matricula);
                }
                List<Long> doAluno = jdbc.sql("select id from matriculas where aluno_id = ?").param(a.getId())
                        .query(Long.class).list();
                eventos.publishEvent(new EventosMatricula.RespostaRecebida(a.getId(), doAluno));
            }
        }
        return matriculas;
    }

    /** The student's last reply, if they ever replied. */
    @Transactional(readOnly = true)
    public Optional<UltimaResposta> ultimaDoAluno(Long alunoId) {
        return jdbc.sql("""
                        select tipo, texto, recebida_em from respostas_whatsapp where aluno_id = ?
                        order by recebida_em desc, id desc fetch first 1 rows only""")
                .param(alunoId)
                .query((rs, i) -> {
                    Instant em = rs.getObject("recebida_em", OffsetDateTime.class).toInstant();
                    return new UltimaResposta(visivel(rs.getString("tipo"), rs.getString("texto")), em,
                            "respondeu " + haQuanto(Duration.between(em, clock.instant())));
                })
                .optional();
    }

    private Optional<Long> matriculaProvavel(Long alunoId) {
        return jdbc.sql("""
                        select id from matriculas where aluno_id = ?
                        order by case when status in ('REEMBOLSADA', 'CHARGEBACK', 'CANCELADA') then 1 else 0 end,
                                 data_compra desc, id desc
                        fetch first 1 rows only""")
                .param(alunoId)
                .query(Long.class)
                .optional();
    }

    /** The text as shown: trimmed, on one line, at most {@link #TEXTO_VISIVEL} characters. */
    static String visivel(String tipo, String texto) {
        if (texto == null || texto.isBlank()) {
            return switch (tipo == null ? "" : tipo) {
                case "image" -> "(imagem)";
                case "audio" -> "(áudio)";
                case "video" -> "(vídeo)";
                case "document" -> "(documento)";
                case "sticker" -> "(figurinha)";
                case "location" -> "(localização)";
                case "reaction" -> "(reação)";
                default -> "(mensagem sem texto)";
            };
        }
        String linha = texto.strip().replaceAll("\\s+", " ");
        return linha.length() <= TEXTO_VISIVEL ? linha : linha.substring(0, TEXTO_VISIVEL - 1).stripTrailing() + "…";
    }

    /** "há 5 min", "há 2 h", "há 3 dias", in pt-BR; "agora há pouco" under a minute. */
    static String haQuanto(Duration d) {
        long segundos = Math.max(0, d.getSeconds());
        if (segundos < 60) {
            return "agora há pouco";
        }
        if (segundos < 3600) {
            return "há " + segundos / 60 + " min";
        }
        if (segundos < 86_400) {
            return "há " + segundos / 3600 + " h";
        }
        long dias = segundos / 86_400;
        return dias == 1 ? "há 1 dia" : "há " + dias + " dias";
    }
}
