package br.com.terceirizacs.matricula;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A change of a Hotmart transaction, whatever event carried it.
 *
 * @param ocorridoEm  when Hotmart created the event: decides precedence between non-terminal states
 * @param recorrencia subscription charge number (null for one-off products; above 1 is a renewal)
 * @param eventoId    the inbox row that carried it, for the audit trail
 */
public record EventoDeCompra(Long clienteId, Long produtoId, String transacao, StatusTransacao status,
                             Instant ocorridoEm, Integer recorrencia, String ofertaCodigo, BigDecimal preco,
                             String moeda, Instant dataPedido, Instant dataAprovacao, Instant dataGarantia,
                             String assinanteCodigo, Comprador comprador, Long eventoId) {

    public boolean renovacao() {
        return recorrencia != null && recorrencia > 1;
    }

    /** When the student bought: approval, else order, else the event itself. */
    Instant dataCompra() {
        return dataAprovacao != null ? dataAprovacao : dataPedido != null ? dataPedido : ocorridoEm;
    }
}
