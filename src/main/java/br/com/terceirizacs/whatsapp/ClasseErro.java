package br.com.terceirizacs.whatsapp;

import java.util.Set;

/** What to do with a Cloud API error, decided by {@code error.code} (never by the HTTP status). */
public enum ClasseErro {
    /** Throughput, pair rate, temporary unavailability: nothing was sent; retry with back-off. */
    TRANSITORIO,
    /** The message can never go as it is (undeliverable number, template or parameters wrong…). */
    PERMANENTE,
    /** Access token expired or invalid: stop the number until the token is replaced. */
    TOKEN;

    // 1 "API Unknown: invalid request or possible server error": retried; a request that is really malformed ends
    // as an incident after the activity's retries instead of costing a student the message on a Meta hiccup
    private static final Set<Integer> TRANSITORIOS = Set.of(130429, 131056, 4, 80007, 131000, 2, 131016, 133004, 131057, 1);

    public static ClasseErro de(int codigo, int statusHttp) {
        if (codigo == 190) {
            return TOKEN;
        }
        if (TRANSITORIOS.contains(codigo)) {
            return TRANSITORIO;
        }
        if (codigo <= 0) {
            return statusHttp >= 500 || statusHttp == 429 ? TRANSITORIO : PERMANENTE;
        }
        return PERMANENTE;
    }
}
