package br.com.terceirizacs.historia;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import br.com.terceirizacs.comum.NaoEncontradoException;
import br.com.terceirizacs.historia.Historia.Passo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A message's (and its student's) whole story without SQL: the search, and one enrolment's timeline merged from
 * Camunda's history and our tables. Read-only; personal data in what it returns is for authorised staff (ADMIN, CS,
 * operations: see seguranca.SegurancaConfig) and is never logged here.
 */
@Service
public class HistoriaService {

    /** Same instant: the process's steps first, then what the tables recorded (a step causes the rows it writes). */
    private static final Comparator<Passo> ORDEM = Comparator.comparing(Passo::quando,
            Comparator.nullsLast(Comparator.<Instant>naturalOrder()));

    private final BuscaHistoria busca;
    private final HistoriaTabelas tabelas;
    private final HistoriaMotor motor;

    HistoriaService(BuscaHistoria busca, HistoriaTabelas tabelas, HistoriaMotor motor) {
        this.busca = busca;
        this.tabelas = tabelas;
        this.motor = motor;
    }

    /** The enrolments the text points at (see {@link BuscaHistoria}); 400 in pt-BR when it is too short or long. */
    @Transactional(readOnly = true)
    public List<BuscaHistoria.Achado> buscar(String texto) {
        return busca.buscar(texto);
    }

    /** The enrolment's story, every step in the order it happened; 404 when the enrolment does not exist. */
    @Transactional(readOnly = true)
    public Historia historia(long matriculaId) {
        HistoriaTabelas.Matricula m = tabelas.matricula(matriculaId)
                .orElseThrow(() -> new NaoEncontradoException("Matrícula " + matriculaId + " não encontrada"));
        List<String> instancias = tabelas.filas(matriculaId).stream().map(HistoriaTabelas.Fila::processo)
                .filter(Objects::nonNull).toList();
        HistoriaMotor.Resultado processos = motor.historia(matriculaId, m.transacoes(), instancias);
        List<Passo> passos = new ArrayList<>(processos.passos());
        passos.addAll(tabelas.passos(m));
        passos.sort(ORDEM); // stable: ties keep the order above
        return new Historia(m.resumo(), processos.processos(), List.copyOf(passos));
    }
}
