package br.com.terceirizacs.hotmart;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An event type Hotmart does not document (or that is new) is stored and acknowledged like any other, but it must not
 * go unnoticed: each one is logged as a warning and counted in {@value #METRICA}, tagged by type.
 * <p>
 * The type comes from the request body, so the tag is bounded: cleaned to {@code [A-Z0-9_]}, at most
 * {@value #TAMANHO_MAXIMO} characters, and only the first {@value #TIPOS_MAXIMOS} distinct types get a tag of their
 * own; later ones are counted under {@value #OUTRO}.
 */
@Component
class EventosDesconhecidos {

    static final String METRICA = "terceiriza.hotmart.eventos.desconhecidos";
    static final String OUTRO = "OUTRO";
    static final int TAMANHO_MAXIMO = 60;
    static final int TIPOS_MAXIMOS = 50;

    private static final Logger log = LoggerFactory.getLogger(EventosDesconhecidos.class);

    private final MeterRegistry metricas;
    private final Set<String> tipos = ConcurrentHashMap.newKeySet();

    EventosDesconhecidos(MeterRegistry metricas) {
        this.metricas = metricas;
    }

    void registrar(EventoHotmart evento) {
        String tipo = contar(evento.getEvento());
        log.warn("Evento Hotmart de tipo desconhecido '{}' (evento interno {}, cliente {}, id Hotmart {}): guardado como "
                        + "IGNORADO, sem efeito. Se a Hotmart passou a enviar este tipo, avalie se a automação deve usá-lo.",
                etiqueta(evento.getEvento()), evento.getId(), evento.getClienteId(), evento.getHotmartEventId());
    }

    /** Counts one event of this raw type; returns the tag it was counted under. */
    String contar(String tipoBruto) {
        String tipo = limitar(etiqueta(tipoBruto));
        metricas.counter(METRICA, "tipo", tipo).increment();
        return tipo;
    }

    /** The type as it may appear in a log line and a tag: upper case, letters, digits and underscores only. */
    static String etiqueta(String tipo) {
        String limpo = tipo == null ? "" : tipo.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
        if (limpo.isEmpty()) {
            return "VAZIO";
        }
        return limpo.length() <= TAMANHO_MAXIMO ? limpo : limpo.substring(0, TAMANHO_MAXIMO);
    }

    private String limitar(String tipo) {
        if (tipos.contains(tipo)) {
            return tipo;
        }
        synchronized (tipos) {
            if (tipos.size() < TIPOS_MAXIMOS) {
                tipos.add(tipo);
                return tipo;
            }
        }
        return OUTRO;
    }
}
