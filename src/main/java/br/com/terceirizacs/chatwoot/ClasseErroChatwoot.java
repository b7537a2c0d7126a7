package br.com.terceirizacs.chatwoot;

/**
 * What to do with a failed Chatwoot call, decided by the HTTP status (Chatwoot has no error codes of its own).
 * Small on purpose: each class has one answer.
 */
public enum ClasseErroChatwoot {
    /** 429 (rate limit), 5xx, no connection, timeouts: nothing we can fix; try again with back-off. */
    TRANSITORIO,
    /** 401/403/404 on the account: wrong token, account or inbox; repeating cannot help, an operator must fix it. */
    CONTA,
    /** 422 and other 4xx: Chatwoot refused what we sent (a phone not in E.164, a bad label title). */
    DADOS;

    public static ClasseErroChatwoot de(int statusHttp) {
        if (statusHttp == 429 || statusHttp >= 500 || statusHttp == 408) {
            return TRANSITORIO;
        }
        if (statusHttp == 401 || statusHttp == 403 || statusHttp == 404) {
            return CONTA;
        }
        return DADOS;
    }
}
