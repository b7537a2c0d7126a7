/**
 * Each producer's Chatwoot (the agency's CS inbox): the connection per producer ({@code chatwoot_conexoes}), the
 * OpenFeign client with the search limit, the label that never erases another ({@link EtiquetaService}: read, merge,
 * write, read again, one writer per conversation across nodes) and the private notes that mirror what we sent
 * ({@code chatwoot_notas}, an outbox worked by a scheduled worker). Used by {@code processo} (the delegate
 * {@code etiquetaChatwoot}); listens to {@code disparo}'s {@code MensagemEnviada}; no lower package knows it.
 * <p>
 * It reads no other package's tables.
 */
package br.com.terceirizacs.chatwoot;
