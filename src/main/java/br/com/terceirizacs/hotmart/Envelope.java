package br.com.terceirizacs.hotmart;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the inbox needs of a delivery before storing it: ids for deduplication and a few columns for operators.
 * Tolerant by design: Hotmart's shapes vary (creation_date/creationDate, numeric or string product ids).
 */
record Envelope(String id, String evento, Instant ocorridoEm, String transacao, Long produtoHotmartId, String email,
                String chaveNegocio) {

    static Envelope de(JsonNode raiz) {
        JsonNode data = raiz.path("data");
        String evento = texto(raiz.path("event"));
        String transacao = texto(data.path("purchase").path("transaction"));
        Long produto = numero(data.path("product").path("id"));
        String email = minusculo(primeiroTexto(data.path("buyer").path("email"), data.path("user").path("email"),
                data.path("subscriber").path("email")));
        return new Envelope(texto(raiz.path("id")), evento, instante(raiz), transacao, produto, email,
                chaveNegocio(evento, transacao, produto, email, data));
    }

    /**
     * The business key that makes a second delivery of the same fact (under a new event id) a duplicate:
     * transaction + event for purchases, student + product (+ module) for club events.
     */
    private static String chaveNegocio(String evento, String transacao, Long produto, String email, JsonNode data) {
        if (evento == null) {
            return null;
        }
        if (transacao != null) {
            return transacao + "|" + evento;
        }
        return switch (evento) {
            case TiposEvento.CLUB_FIRST_ACCESS -> produto == null || email == null ? null
                    : evento + "|" + produto + "|" + email;
            case TiposEvento.CLUB_MODULE_COMPLETED -> {
                String modulo = texto(data.path("module").path("id"));
                yield produto == null || email == null || modulo == null ? null
                        : evento + "|" + produto + "|" + email + "|" + modulo;
            }
            case TiposEvento.SUBSCRIPTION_CANCELLATION -> {
                String assinante = texto(data.path("subscriber").path("code"));
                String quando = texto(data.path("cancellation_date"));
                yield assinante == null ? null : evento + "|" + produto + "|" + assinante + "|" + quando;
            }
            default -> null;
        };
    }

    /**
     * What the JSON parser said about a body it could not read (truncated, not JSON…), kept with the stored event so
     * an operator sees where it broke. Capped to fit the {@code detalhe} column with room for the prefix.
     */
    static String erroDeLeitura(Exception e) {
        String mensagem = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        StringBuilder texto = new StringBuilder("O corpo não é um JSON válido");
        if (mensagem != null && !mensagem.isBlank()) {
            texto.append(": ").append(mensagem.strip().replaceAll("\\s+", " "));
        }
        if (e instanceof JsonProcessingException j && j.getLocation() != null) {
            texto.append(" (linha ").append(j.getLocation().getLineNr()).append(", coluna ")
                    .append(j.getLocation().getColumnNr()).append(')');
        }
        return texto.length() <= 900 ? texto.toString() : texto.substring(0, 899) + "…";
    }

    /** Event time: {@code creation_date} as documented, {@code creationDate} as club events really arrive. */
    static Instant instante(JsonNode raiz) {
        Long ms = numero(raiz.path("creation_date"));
        if (ms == null) {
            ms = numero(raiz.path("creationDate"));
        }
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }

    static String texto(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull() || n.isContainerNode()) {
            return null;
        }
        String t = n.asText().trim();
        return t.isEmpty() ? null : t;
    }

    /** A number given as JSON number or as a string of digits ("4100001"). */
    static Long numero(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        String t = texto(n);
        if (t == null || !t.matches("-?\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(t);
    }

    private static String primeiroTexto(JsonNode... nos) {
        for (JsonNode n : nos) {
            String t = texto(n);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static String minusculo(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
