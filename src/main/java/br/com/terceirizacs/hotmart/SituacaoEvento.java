package br.com.terceirizacs.hotmart;

/** What became of a stored Hotmart delivery. Every one is acknowledged with 2xx once stored. */
public enum SituacaoEvento {
    /** Stored, waiting to be processed (or to be retried). */
    PENDENTE(false),
    /** Applied to the domain. */
    PROCESSADO(true),
    /** Understood, nothing to change (a late approval of a refunded purchase, a repeated first access...). */
    SEM_EFEITO(true),
    /** A club or subscription event for a student whose purchase has not arrived yet; applied when it does. */
    AGUARDANDO_COMPRA(false),
    /** Same transaction and event as an earlier delivery under another event id: kept for audit, not applied. */
    DUPLICADO(true),
    /** An event type we do not use (boleto printed, cart abandonment...). */
    IGNORADO(true),
    /** Hotmart's "send test" button (product id 0). */
    EVENTO_DE_TESTE(true),
    /** A product not registered for this producer. Reprocess after registering it. */
    PRODUTO_DESCONHECIDO(true),
    /** The body is not JSON. */
    JSON_INVALIDO(true),
    /** A field the event needs is missing. */
    CAMPOS_AUSENTES(true),
    /** Processing failed repeatedly: an operator should look (and may reprocess). */
    ERRO(true);

    private final boolean finalizada;

    SituacaoEvento(boolean finalizada) {
        this.finalizada = finalizada;
    }

    /** Whether the event needs no further automatic processing. */
    public boolean finalizada() {
        return finalizada;
    }
}
