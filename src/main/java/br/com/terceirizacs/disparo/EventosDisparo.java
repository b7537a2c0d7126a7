package br.com.terceirizacs.disparo;

import java.time.Instant;

/**
 * Domain events of the dispatch engine, published inside the transaction that caused them (a listener that writes
 * joins it, so the fact and what follows from it commit together).
 */
public final class EventosDisparo {

    private EventosDisparo() {
    }

    /** A queue row's message was accepted by Meta (or recorded by the dry-run channel), once per row. */
    public record MensagemEnviada(Long filaId, Long matriculaId, TipoRegra tipo, Instant em) {
    }
}
