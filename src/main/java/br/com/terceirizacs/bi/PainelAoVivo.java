package br.com.terceirizacs.bi;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live dashboards: open pages hold a server-sent-events stream per producer; when something that moves their
 * numbers is recorded, each stream gets an {@code atualizacao} event and the page fetches the numbers again.
 * <p>
 * "Something recorded" is read from the database, not from in-memory events, so it works the same with several
 * nodes behind a load balancer: every {@code terceiriza.painel.verificacao} (1 s) this node reads the newest rows of
 * the append-only logs that feed the dashboard (accesses and clicks, transaction status changes, WhatsApp status
 * changes), grouped by producer. The window re-reads the last {@value #MARGEM} ids of each log, so a row whose
 * transaction commits after a higher id was already seen still changes the producer's signature. With no page open,
 * nothing is read.
 */
@Component
class PainelAoVivo {

    static final String EVENTO = "atualizacao";
    private static final long MARGEM = 1000;
    private static final Logger log = LoggerFactory.getLogger(PainelAoVivo.class);

    private static final Map<String, String> FONTES = Map.of(
            "acessos_log", """
                    select p.cliente_id as cliente, max(a.id) as ultimo, count(*) as n
                    from acessos_log a join matriculas m on m.id = a.matricula_id join produtos p on p.id = m.produto_id
                    where a.id > :desde group by p.cliente_id""",
            "transacoes_historico", """
                    select t.cliente_id as cliente, max(h.id) as ultimo, count(*) as n
                    from transacoes_historico h join transacoes t on t.id = h.transacao_id
                    where h.id > :desde group by t.cliente_id""",
            "mensagens_status", """
                    select a.cliente_id as cliente, max(s.id) as ultimo, count(*) as n
                    from mensagens_status s join mensagens m on m.id = s.mensagem_id join alunos a on a.id = m.aluno_id
                    where s.id > :desde group by a.cliente_id""");

    private final NamedParameterJdbcTemplate jdbc;
    private final long tempoLimiteMs;
    private final Map<Long, Set<SseEmitter>> abertos = new ConcurrentHashMap<>();
    /** Highest id seen per log; -1 = not read yet. Only the scheduler thread touches these two maps. */
    private final Map<String, Long> vistos = new HashMap<>();
    private final Map<Long, String> assinaturas = new HashMap<>();

    PainelAoVivo(NamedParameterJdbcTemplate jdbc,
                 @Value("${terceiriza.painel.conexao-maxima:PT30M}") Duration conexaoMaxima) {
        this.jdbc = jdbc;
        this.tempoLimiteMs = conexaoMaxima.toMillis();
    }

    SseEmitter abrir(Long clienteId) {
        SseEmitter emitter = new SseEmitter(tempoLimiteMs);
        Set<SseEmitter> doCliente = abertos.computeIfAbsent(clienteId, k -> new CopyOnWriteArraySet<>());
        doCliente.add(emitter);
        Runnable fechar = () -> doCliente.remove(emitter);
        emitter.onCompletion(fechar);
        emitter.onTimeout(fechar);
        emitter.onError(e -> fechar.run());
        try {
            // Tells the page the stream is up (and retries after 3 s if the connection drops).
            emitter.send(SseEmitter.event().name("conectado").data("ok").reconnectTime(3000));
        } catch (IOException e) {
            fechar.run();
        }
        return emitter;
    }

    int abertos() {
        return abertos.values().stream().mapToInt(Set::size).sum();
    }

    @Scheduled(fixedDelayString = "${terceiriza.painel.verificacao:PT1S}")
    void verificar() {
        if (abertos() == 0) {
            vistos.clear();
            assinaturas.clear();
            return;
        }
        Map<Long, StringBuilder> novas = new HashMap<>();
        FONTES.forEach((tabela, sql) -> {
            long desde = Math.max(0, vistos.getOrDefault(tabela, 0L) - MARGEM);
            jdbc.query(sql, Map.of("desde", desde), rs -> {
                long ultimo = rs.getLong("ultimo");
                vistos.merge(tabela, ultimo, Math::max);
                novas.computeIfAbsent(rs.getLong("cliente"), k -> new StringBuilder())
                        .append(tabela).append(':').append(ultimo).append('/').append(rs.getLong("n")).append(';');
            });
        });
        for (Map.Entry<Long, StringBuilder> nova : novas.entrySet()) {
            String assinatura = nova.getValue().toString();
            if (!assinatura.equals(assinaturas.put(nova.getKey(), assinatura))) {
                avisar(nova.getKey());
            }
        }
        assinaturas.keySet().retainAll(novas.keySet());
    }

    /** Keeps idle streams alive through proxies that close silent connections. */
    @Scheduled(fixedDelayString = "${terceiriza.painel.pulso:PT20S}")
    void pulso() {
        abertos.forEach((cliente, emitters) -> emitters.forEach(e -> enviar(cliente, e,
                SseEmitter.event().comment("pulso"))));
    }

    private void avisar(Long clienteId) {
        Set<SseEmitter> emitters = abertos.getOrDefault(clienteId, Set.of());
        if (!emitters.isEmpty()) {
            log.debug("Painel do cliente {}: {} página(s) avisada(s)", clienteId, emitters.size());
        }
        emitters.forEach(e -> enviar(clienteId, e, SseEmitter.event().name(EVENTO).data("novos-dados")));
    }

    private void enviar(Long clienteId, SseEmitter emitter, SseEmitter.SseEventBuilder evento) {
        try {
            emitter.send(evento);
        } catch (IOException | IllegalStateException e) {
            abertos.getOrDefault(clienteId, Set.of()).remove(emitter);
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
    }
}
