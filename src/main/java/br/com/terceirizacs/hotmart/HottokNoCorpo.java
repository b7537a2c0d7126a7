package br.com.terceirizacs.hotmart;

import java.io.IOException;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Some deliveries repeat the hottok inside the body. It must not be stored, yet the rest of the payload should stay
 * byte for byte as received: this cuts the top-level {@code "hottok": "..."} member (and one adjacent comma) out of
 * the raw bytes, using the parser's byte offsets.
 */
final class HottokNoCorpo {

    private static final JsonFactory JSON = new JsonFactory();

    private HottokNoCorpo() {
    }

    /** The body without a top-level hottok member; the same array when there is none or the JSON is not valid. */
    static byte[] remover(byte[] corpo) {
        byte[] atual = corpo;
        for (int i = 0; i < 4; i++) { // a body could repeat the key; remove each occurrence
            byte[] sem = removerUm(atual);
            if (sem == atual) {
                return atual;
            }
            atual = sem;
        }
        return atual;
    }

    private static byte[] removerUm(byte[] corpo) {
        try (JsonParser p = JSON.createParser(corpo)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return corpo;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                int inicio = (int) p.currentTokenLocation().getByteOffset();
                boolean hottok = "hottok".equalsIgnoreCase(p.currentName());
                p.nextToken();
                p.skipChildren();
                p.finishToken(); // a string value is read lazily: consume it so the offset is past its closing quote
                int fim = (int) p.currentLocation().getByteOffset();
                if (hottok) {
                    return cortar(corpo, inicio, fim);
                }
            }
            return corpo;
        } catch (IOException | RuntimeException e) {
            return corpo;
        }
    }

    private static byte[] cortar(byte[] b, int inicio, int fim) {
        int depois = fim;
        while (depois < b.length && Character.isWhitespace(b[depois])) {
            depois++;
        }
        if (depois < b.length && b[depois] == ',') {
            fim = depois + 1; // "hottok": "x", "next": ...  → remove the trailing comma
        } else {
            int antes = inicio - 1;
            while (antes >= 0 && Character.isWhitespace(b[antes])) {
                antes--;
            }
            if (antes >= 0 && b[antes] == ',') {
                inicio = antes; // ..., "hottok": "x" }  → remove the leading comma
            }
        }
        byte[] r = Arrays.copyOf(b, b.length - (fim - inicio));
        System.arraycopy(b, fim, r, inicio, b.length - fim);
        return r;
    }
}
