package br.com.terceirizacs.whatsapp;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** Whether an inbound text asks us to stop: "SAIR", "parar!", " Stop. ", "Cancelar" (any case, accents, punctuation). */
final class PedidoDeSaida {

    private static final Set<String> PALAVRAS = Set.of("SAIR", "PARAR", "STOP", "CANCELAR", "DESCADASTRAR", "PARE");

    private PedidoDeSaida() {
    }

    static boolean eh(String texto) {
        if (texto == null) {
            return false;
        }
        String semAcento = Normalizer.normalize(texto, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String limpo = semAcento.replaceAll("[^\\p{L}\\p{N} ]", " ").trim().replaceAll("\\s+", " ")
                .toUpperCase(Locale.ROOT);
        return PALAVRAS.contains(limpo);
    }
}
