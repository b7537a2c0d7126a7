package br.com.terceirizacs.bi;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.BooleanSupplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live dashboards: open pages hold a server-sent-events stream per producer; when the producer's figures were
 * rebuilt, each stream gets an {@code atualizacao} event and the page fetches the numbers again.
 * <p>
 * "Rebuilt" is read from the database ({@code painel_versoes}, moved by {@link PainelAgregador} after it rebuilt a
 * producer's figures), not from in-memory events, so it works the same with several nodes behind a load balancer and
 * the page never fetches before the figures are ready. Every {@code terceiriza.painel.verificacao} (1 s) this node
 * reads the versions of the producers it has pages open for; with no page open, nothing is read.
 */
@Component
class PainelAoVivo {

    static final String EVENTO = "atualizacao";

    private final NamedParameterJdbcTemplate jdbc;
    private final long tempoLimiteMs;
    private final Map<Long, Set<SseEmitter>> abertos = new ConcurrentHashMap<>();
    /** Whether the login behind each stream may still read its producer (a deactivated user loses the stream). */
    private final Map<SseEmitter, BooleanSupplier> permissoes = new ConcurrentHashMap<>();
    /** Last version seen per producer with open pages (0 = none yet). */
    private final Map<Long, Long> versoes = new ConcurrentHashMap<>();

    PainelAoVivo(NamedParameterJdbcTemplate jdbc,
                 @Value("${terceiriza.painel.conexao-maxima:PT30M}") Duration conexaoMaxima) {
        this.jdbc = jdbc;
        this.tempoLimiteMs = conexaoMaxima.toMillis();
    }

    /**
     * Opens a stream. The producer's current version is read first and the page fetches its figures again on
     * {@code conectado}, so a rebuild between the page's first fetch and this moment is not missed either.
     */
    SseEmitter abrir(Long clienteId, BooleanSupplier aindaPode) {
        SseEmitter emitter = new SseEmitter(tempoLimiteMs);
        permissoes.put(emitter, aindaPode);
        Set<SseEmitter> doCliente = abertos.computeIfAbsent(clienteId, k -> new CopyOnWriteArraySet<>());
        doCliente.add(emitter);
        versoes.putIfAbsent(clienteId, versaoAtual(clienteId));
        Runnable fechar = () -> {
            doCliente.remove(emitter);
            permissoes.remove(emitter);
        };
        emitter.onCompletion(fechar);
        emitter.onTimeout(fechar);
        emitter.onError(e -> fechar.run());
        try {
            // Tells the page the stream is up (and to retry after 3 s if the connection drops).
            emitter.send(SseEmitter.event().name("conectado").data("ok").reconnectTime(3000));
        } catch (IOException e) {
            fechar.run();
        }
        return emitter;
    }

    @Scheduled(fixedDelayString = "${terceiriza.painel.verificacao:PT1S}")
    void verificar() {
        List<Long> clientes = abertos.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey)
                .toList();
        versoes.keySet().removeIf(c -> abertos.getOrDefault(c, Set.of()).isEmpty());
        if (clientes.isEmpty()) {
            return;
        }
        Map<Long, Long> atuais = new HashMap<>();
        jdbc.query("select cliente_id, versao from painel_versoes where cliente_id in (:clientes)",
                Map.of("clientes", clientes), rs -> {
                    atuais.put(rs.getLong("cliente_id"), rs.getLong("versao"));
                });
        for (Long cliente : clientes) {
            long atual = atuais.getOrDefault(cliente, 0L);
            Long anterior = versoes.put(cliente, atual);
            if (anterior != null && anterior != atual) {
                avisar(cliente);
            }
        }
    }

    private long versaoAtual(Long clienteId) {
        return jdbc.query("select versao from painel_versoes where cliente_id = :cliente", Map.of("cliente", clienteId),
                rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    /**
     * Keeps idle streams alive through proxies that close silent connections, and ends the streams of logins that
     * may no longer read their producer (a deactivated producer user).
     */
    @Scheduled(fixedDelayString = "${terceiriza.painel.pulso:PT20S}")
    void pulso() {
        abertos.forEach((cliente, emitters) -> emitters.forEach(e -> {
            if (!permissoes.getOrDefault(e, () -> false).getAsBoolean()) {
                e.complete();
                emitters.remove(e);
                permissoes.remove(e);
            } else {
                enviar(cliente, e, SseEmitter.event().comment("pulso"));
            }
        }));
    }

    private void avisar(Long clienteId) {
        abertos.getOrDefault(clienteId, Set.of())
                .forEach(e -> enviar(clienteId, e, SseEmitter.event().name(EVENTO).data("novos-dados")));
    }

    private void enviar(Long clienteId, SseEmitter emitter, SseEmitter.SseEventBuilder evento) {
        try {
            emitter.send(evento);
        } catch (IOException | IllegalStateException e) {
            abertos.getOrDefault(clienteId, Set.of()).remove(emitter);
            permissoes.remove(emitter);
        }
    }

    /**
     * Closes the streams as soon as shutdown begins: the web server's graceful shutdown would otherwise wait its
     * whole grace period for these never-ending requests.
     */
    @EventListener(ContextClosedEvent.class)
    void encerrar() {
        abertos.values().forEach(emitters -> List.copyOf(emitters).forEach(SseEmitter::complete));
        abertos.clear();
        permissoes.clear();
    }
}
