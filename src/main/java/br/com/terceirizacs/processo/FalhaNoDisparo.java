package br.com.terceirizacs.processo;

import java.util.function.Supplier;

import br.com.terceirizacs.comum.EsperaPorOperador;
import br.com.terceirizacs.comum.FalhaSemRetentativa;
import br.com.terceirizacs.whatsapp.EnvioTransitorioException;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * An unexpected failure of a {@code disparo} step, worded for the operator who meets it as a Cockpit incident: which
 * step, which queue row, the cause, and what to do. Failures that already say what to do (a stopped number or
 * template, an uncertain send, a transient refusal, a held send) and the engine's own exceptions (optimistic locking,
 * which the job executor handles) pass through unchanged: their class and message are what the retry rules and the
 * release of held sends ({@code EnviosRetidos}) read.
 */
final class FalhaNoDisparo extends RuntimeException {

    private FalhaNoDisparo(String mensagem, RuntimeException causa) {
        super(mensagem, causa);
    }

    static <T> T em(String passo, Long filaId, Supplier<T> acao) {
        try {
            return acao.get();
        } catch (RuntimeException e) {
            if (jaDizOQueFazer(e)) {
                throw e;
            }
            throw new FalhaNoDisparo("Falha inesperada em \"" + passo + "\" (fila " + filaId + "): " + e
                    + ". O passo é repetido sozinho algumas vezes; uma nova tentativa é segura (cada mensagem sai uma "
                    + "vez só). Se isto virou incidente, avise o time técnico com esta mensagem e, depois da correção, "
                    + "tente o incidente de novo no Cockpit.", e);
        }
    }

    private static boolean jaDizOQueFazer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FalhaSemRetentativa || t instanceof EsperaPorOperador
                    || t instanceof EnvioTransitorioException || t instanceof ProcessEngineException) {
                return true;
            }
        }
        return false;
    }
}
