package br.com.terceirizacs.whatsapp;

import java.util.Set;

/** What to do with a Cloud API error, decided by {@code error.code} (never by the HTTP status). */
public enum ClasseErro {
    /** Throughput, pair rate, temporary unavailability: nothing was sent; retry with back-off. */
    TRANSITORIO,
    /** The message can never go as it is (undeliverable number, re-engagement window, bad recipient…). */
    PERMANENTE,
    /**
     * The template itself is wrong for Meta (missing, paused, disabled, parameters that do not fit it): every send of
     * that template from the number would fail the same way, so the template is stopped for the number until an
     * operator fixes it, and no student's message is spent on it.
     */
    TEMPLATE,
    /** Access token expired or invalid: stop the number until the token is replaced. */
    TOKEN;

    // 1 "API Unknown: invalid request or possible server error": retried; a request that is really malformed ends
    // as an incident after the activity's retries instead of costing a student the message on a Meta hiccup
    private static final Set<Integer> TRANSITORIOS = Set.of(130429, 131056, 4, 80007, 131000, 2, 131016, 133004, 131057, 1);

    // 132000 parameter count, 132001 template missing in the language, 132005 hydrated text too long,
    // 132007 format character policy, 132012 parameter format, 132015 paused, 132016 disabled
    private static final Set<Integer> DE_TEMPLATE = Set.of(132000, 132001, 132005, 132007, 132012, 132015, 132016);

    public static ClasseErro de(int codigo, int statusHttp) {
        if (codigo == 190) {
            return TOKEN;
        }
        if (DE_TEMPLATE.contains(codigo)) {
            return TEMPLATE;
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
