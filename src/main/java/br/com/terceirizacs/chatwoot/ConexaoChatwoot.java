package br.com.terceirizacs.chatwoot;

import java.net.URI;
import java.time.Instant;

/**
 * A producer's Chatwoot account as we call it. Holds secrets: {@link #toString()} names none of them, so logging
 * the record (or an exception carrying it) cannot leak one.
 */
record ConexaoChatwoot(Long clienteId, String baseUrl, long accountId, long inboxId, String apiToken,
                       String webhookSecret, boolean exigirAssinatura, String tokenUrl, boolean espelharNotas,
                       Instant ultimaChamadaOkEm) {

    URI base() {
        return URI.create(baseUrl);
    }

    /** The key of the account for locks and the search limit: the same account seen from two producers is one. */
    String chaveConta() {
        return baseUrl + "#" + accountId;
    }

    @Override
    public String toString() {
        return "ConexaoChatwoot[cliente=" + clienteId + ", baseUrl=" + baseUrl + ", conta=" + accountId + ", caixa="
                + inboxId + "]";
    }
}
