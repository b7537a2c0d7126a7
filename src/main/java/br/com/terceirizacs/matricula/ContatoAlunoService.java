package br.com.terceirizacs.matricula;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reaching a student: who they are for a message ({@link Destinatario}), what WhatsApp taught us about their number,
 * their request to stop, and the flags CS must see. Used by the dispatch engine and the WhatsApp channel, inside their
 * transactions.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ContatoAlunoService {

    /** CS alert: Meta says the student's number is not on WhatsApp (131026); CS reaches them another way. */
    public static final String SEM_WHATSAPP = "SEM_WHATSAPP";

    private static final Logger log = LoggerFactory.getLogger(ContatoAlunoService.class);

    private final AlunoRepository alunos;
    private final MatriculaRepository matriculas;
    private final ApplicationEventPublisher eventos;
    private final Clock clock;

    ContatoAlunoService(AlunoRepository alunos, MatriculaRepository matriculas, ApplicationEventPublisher eventos,
                        Clock clock) {
        this.alunos = alunos;
        this.matriculas = matriculas;
        this.eventos = eventos;
        this.clock = clock;
    }

    public Destinatario destinatario(Long matriculaId) {
        Matricula m = matriculas.findById(matriculaId).orElseThrow();
        Aluno a = alunos.findById(m.getAlunoId()).orElseThrow();
        return new Destinatario(m.getId(), a.getId(), a.getClienteId(), m.getProdutoId(), a.getNome(),
                a.getTelefoneE164(), a.getTelefoneSituacao(), a.getOptOutEm(), m.getStatus(), m.getTransacaoCodigo(),
                m.getDataCompra(), m.getDataPrimeiroAcesso(), m.getModuloAtualNome(), m.getUltimoProgressoEm(),
                m.getTokenLink());
    }

    /** Flags an enrolment for CS (e.g. SEM_TELEFONE: we could not welcome the student on WhatsApp). */
    public void sinalizarParaCs(Long matriculaId, String alerta) {
        matriculas.findById(matriculaId).ifPresent(m -> m.sinalizar(alerta, clock.instant()));
    }

    /** Meta may know a Brazilian number without its ninth digit: remember the wa_id it answered with. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void registrarWaId(Long alunoId, String waId) {
        alunos.findById(alunoId).ifPresent(a -> a.registrarWaId(waId, clock.instant()));
    }

    /**
     * Meta said the number cannot receive WhatsApp (131026): the phone is unusable and each of the student's
     * enrolments is flagged {@link #SEM_WHATSAPP} for CS, who would otherwise never hear of it.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void marcarTelefoneInutilizavel(Long alunoId) {
        Instant agora = clock.instant();
        alunos.findById(alunoId).ifPresent(a -> a.marcarTelefoneInutilizavel(agora));
        matriculas.findByAlunoId(alunoId).forEach(m -> m.sinalizar(SEM_WHATSAPP, agora));
        log.info("Telefone do aluno {} marcado como inutilizável (WhatsApp indisponível); matrículas sinalizadas {}",
                alunoId, SEM_WHATSAPP);
    }

    /**
     * A stop request from a WhatsApp number: every student of ours with that wa_id (or phone) is opted out, for
     * every producer. Returns the students affected.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public List<Long> registrarOptOut(String waId, String motivo) {
        Instant agora = clock.instant();
        List<Aluno> encontrados = new ArrayList<>();
        for (String variante : variantesBrasileiras(waId)) {
            alunos.porWaIdOuTelefone(variante, "+" + variante).stream()
                    .filter(a -> encontrados.stream().noneMatch(x -> x.getId().equals(a.getId())))
                    .forEach(encontrados::add);
        }
        encontrados.forEach(a -> a.registrarOptOut(motivo, agora));
        List<Long> ids = encontrados.stream().map(Aluno::getId).toList();
        if (!ids.isEmpty()) {
            eventos.publishEvent(new EventosMatricula.OptOutRegistrado(ids, agora));
        }
        return ids;
    }

    /**
     * Meta may know a Brazilian mobile without its ninth digit (55 DD 8 digits) while we stored it with it (55 DD 9
     * 8 digits), or the other way round: a stop request must reach both forms (and so must a search by phone).
     */
    public static List<String> variantesBrasileiras(String waId) {
        if (waId == null || !waId.startsWith("55")) {
            return List.of(String.valueOf(waId));
        }
        if (waId.length() == 12) {
            return List.of(waId, waId.substring(0, 4) + "9" + waId.substring(4));
        }
        if (waId.length() == 13 && waId.charAt(4) == '9') {
            return List.of(waId, waId.substring(0, 4) + waId.substring(5));
        }
        return List.of(waId);
    }

}
