package br.com.terceirizacs.disparo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import br.com.terceirizacs.catalogo.TemplateResumo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions on a suggestion: CS approves (possibly with its own free text) or discards it in Tasklist, nobody decides
 * in time, or the student's situation cancels what is still pending (refund, opt-out, first access).
 */
@Service
public class DecisaoDisparo {

    /** The free text CS may write into a message, and the reason of a discard (the approval form says the same). */
    public static final int TEXTO_DECISAO_MAXIMO = 500;

    private static final Set<StatusFila> PENDENTES = EnumSet.of(StatusFila.PENDENTE);

    private final FilaDisparoRepository filas;
    private final MensagemDaFila mensagem;
    private final Clock clock;

    DecisaoDisparo(FilaDisparoRepository filas, MensagemDaFila mensagem, Clock clock) {
        this.filas = filas;
        this.mensagem = mensagem;
        this.clock = clock;
    }

    /**
     * The queue row of a {@code disparo} instance. Its approval task reads the row from here, never from process
     * variables, which a crafted submission could try to overwrite.
     */
    @Transactional(readOnly = true)
    public Long filaDoProcesso(String processInstanceId) {
        return filas.idDoProcesso(processInstanceId).orElseThrow(() -> new IllegalStateException(
                "Nenhum disparo na fila para a instância " + processInstanceId));
    }

    /** The process instance of a queue row, if it has one. */
    @Transactional(readOnly = true)
    public Optional<String> processoDaFila(Long filaId) {
        return filas.findById(filaId).map(FilaDisparo::getProcessInstanceId);
    }

    /**
     * CS approves. A free text different from the suggested one replaces the template's editable part (line breaks
     * become spaces: Meta refuses them in parameters) and the preview is rendered again.
     */
    @Transactional
    public void aprovar(Long filaId, String usuario, String textoLivre) {
        exigirTamanho(textoLivre, "O trecho editável");
        FilaDisparo fila = filas.travar(filaId).orElseThrow();
        TemplateResumo template = mensagem.template(fila);
        int livre = MensagemDaFila.posicaoTextoLivre(template);
        List<String> valores = mensagem.valores(fila);
        if (livre < 0 || textoLivre == null || textoLivre.isBlank() || textoLivre.strip().equals(valores.get(livre))) {
            fila.aprovar(usuario, null, null, null, clock.instant());
            return;
        }
        String editado = textoLivre.strip().replaceAll("\\s*\\R\\s*", " ");
        valores.set(livre, editado);
        fila.aprovar(usuario, editado, MensagemDaFila.previa(template, valores), mensagem.parametros(valores),
                clock.instant());
    }

    /** CS discards, and must say why (it stays on the queue row). */
    @Transactional
    public void rejeitar(Long filaId, String usuario, String motivo) {
        if (motivo == null || motivo.isBlank()) {
            throw new IllegalArgumentException("Informe o motivo do descarte");
        }
        exigirTamanho(motivo, "O motivo do descarte");
        filas.travar(filaId).orElseThrow().rejeitar(usuario, motivo.strip(), clock.instant());
    }

    private static void exigirTamanho(String texto, String nome) {
        if (texto != null && texto.length() > TEXTO_DECISAO_MAXIMO) {
            throw new IllegalArgumentException(nome + " aceita no máximo " + TEXTO_DECISAO_MAXIMO + " caracteres");
        }
    }

    /** Nobody decided before the suggestion's due date. */
    @Transactional
    public void expirar(Long filaId) {
        filas.travar(filaId).filter(f -> f.getStatus() == StatusFila.PENDENTE)
                .ifPresent(f -> f.encerrar(StatusFila.EXPIRADO, "Ninguém decidiu dentro do prazo", clock.instant()));
    }

    /** Cancels pending suggestions of an enrolment (of the given rule types); returns their process instances. */
    @Transactional
    public List<String> cancelarPendentesDaMatricula(Long matriculaId, Set<TipoRegra> tipos, String motivo) {
        return cancelar(filas.findByMatriculaIdAndStatusIn(matriculaId, PENDENTES).stream()
                .filter(f -> tipos.contains(f.getTipoRegra())).toList(), motivo);
    }

    @Transactional
    public List<String> cancelarPendentesDosAlunos(Collection<Long> alunoIds, String motivo) {
        return cancelar(filas.findByAlunoIdInAndStatusIn(alunoIds, PENDENTES), motivo);
    }

    private List<String> cancelar(List<FilaDisparo> pendentes, String motivo) {
        List<String> processos = new ArrayList<>();
        for (FilaDisparo f : pendentes) {
            f.encerrar(StatusFila.CANCELADO, motivo, clock.instant());
            if (f.getProcessInstanceId() != null) {
                processos.add(f.getProcessInstanceId());
            }
        }
        return processos;
    }
}
