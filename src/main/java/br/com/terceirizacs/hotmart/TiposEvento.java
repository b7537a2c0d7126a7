package br.com.terceirizacs.hotmart;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import br.com.terceirizacs.matricula.StatusTransacao;

/** Hotmart 2.0.0 event names we act on (route on these, never on {@code purchase.status}). */
final class TiposEvento {

    static final String PURCHASE_APPROVED = "PURCHASE_APPROVED";
    static final String PURCHASE_COMPLETE = "PURCHASE_COMPLETE";
    static final String PURCHASE_PROTEST = "PURCHASE_PROTEST";
    static final String PURCHASE_REFUNDED = "PURCHASE_REFUNDED";
    static final String PURCHASE_CHARGEBACK = "PURCHASE_CHARGEBACK";
    static final String PURCHASE_CANCELED = "PURCHASE_CANCELED";
    static final String SUBSCRIPTION_CANCELLATION = "SUBSCRIPTION_CANCELLATION";
    static final String CLUB_FIRST_ACCESS = "CLUB_FIRST_ACCESS";
    static final String CLUB_MODULE_COMPLETED = "CLUB_MODULE_COMPLETED";

    private static final Map<String, StatusTransacao> COMPRA = Map.of(
            PURCHASE_APPROVED, StatusTransacao.APROVADA,
            PURCHASE_COMPLETE, StatusTransacao.COMPLETA,
            PURCHASE_PROTEST, StatusTransacao.EM_DISPUTA,
            PURCHASE_REFUNDED, StatusTransacao.REEMBOLSADA,
            PURCHASE_CHARGEBACK, StatusTransacao.CHARGEBACK,
            PURCHASE_CANCELED, StatusTransacao.CANCELADA);

    /**
     * Hotmart 2.0.0 events that exist but that the automation does not use (a producer may subscribe to them): stored
     * as IGNORADO without a warning. Any other type is unknown ({@link EventosDesconhecidos}).
     */
    private static final Set<String> CONHECIDOS_SEM_USO = Set.of("PURCHASE_BILLET_PRINTED", "PURCHASE_DELAYED",
            "PURCHASE_EXPIRED", "PURCHASE_OUT_OF_SHOPPING_CART", "SWITCH_PLAN", "UPDATE_SUBSCRIPTION_CHARGE_DATE");

    private TiposEvento() {
    }

    /** Whether the automation acts on this event type. */
    static boolean usado(String evento) {
        return COMPRA.containsKey(evento) || CLUB_FIRST_ACCESS.equals(evento) || CLUB_MODULE_COMPLETED.equals(evento)
                || SUBSCRIPTION_CANCELLATION.equals(evento);
    }

    /** Whether Hotmart documents this event type (used or not). */
    static boolean conhecido(String evento) {
        return usado(evento) || CONHECIDOS_SEM_USO.contains(evento);
    }

    /** The transaction status a purchase event means, if it is one we act on. */
    static Optional<StatusTransacao> statusDeCompra(String evento) {
        return Optional.ofNullable(COMPRA.get(evento));
    }
}
