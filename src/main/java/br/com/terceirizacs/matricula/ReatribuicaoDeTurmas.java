package br.com.terceirizacs.matricula;

import java.time.Clock;
import java.time.Instant;

import br.com.terceirizacs.catalogo.TurmaCriada;
import br.com.terceirizacs.catalogo.TurmaService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When an operator defines a turma, enrolments sitting in a month's default turma that now belong to it move there,
 * in the transaction that created the turma.
 */
@Component
class ReatribuicaoDeTurmas {

    private static final Logger log = LoggerFactory.getLogger(ReatribuicaoDeTurmas.class);

    private final MatriculaRepository matriculas;
    private final TurmaService turmas;
    private final Clock clock;

    ReatribuicaoDeTurmas(MatriculaRepository matriculas, TurmaService turmas, Clock clock) {
        this.matriculas = matriculas;
        this.turmas = turmas;
        this.clock = clock;
    }

    /** Re-assigns enrolments that sit in a default (monthly) turma when an operator defines a new turma. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void aoCriarTurma(TurmaCriada turmaCriada) {
        Instant agora = clock.instant();
        int movidas = 0;
        for (Matricula m : matriculas.findByProdutoId(turmaCriada.produtoId())) {
            if (turmas.turmaPadrao(m.getTurmaId())) {
                Long turma = turmas.turmaPara(m.getProdutoId(), m.getOfertaCodigo(), m.getDataCompra());
                if (!turma.equals(m.getTurmaId())) {
                    m.mudarTurma(turma, agora);
                    movidas++;
                }
            }
        }
        log.info("Turma {} criada: {} matrícula(s) movida(s) para turmas definidas", turmaCriada.turmaId(), movidas);
    }

}
