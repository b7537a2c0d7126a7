package br.com.terceirizacs.hotmart;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import br.com.terceirizacs.comum.BancoDosWebhooks;
import br.com.terceirizacs.comum.Datas;
import br.com.terceirizacs.comum.Hashes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a delivery before it is acknowledged. Deduplication is left to the database's unique constraints (event id;
 * transaction + event), so concurrent duplicates collapse too: nothing here checks first and inserts after.
 */
@Component
class HotmartInbox {

    record Recebimento(Long id, SituacaoEvento situacao, boolean novo) {
    }

    private static final int TENTATIVAS = 5;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final MeterRegistry metricas;

    HotmartInbox(BancoDosWebhooks banco, ObjectMapper mapper, Clock clock, MeterRegistry metricas) {
        // the webhooks' own pool: storing a delivery never waits behind the processing and the job executor
        this.jdbc = banco.jdbc();
        this.tx = banco.transacao();
        this.mapper = mapper;
        this.clock = clock;
        this.metricas = metricas;
    }

    Recebimento receber(Long clienteId, byte[] corpo) {
        byte[] semHottok = HottokNoCorpo.remover(corpo);
        // PostgreSQL text cannot hold NUL (H2 can): a body carrying one would fail to store at every redelivery
        String payload = new String(semHottok, StandardCharsets.UTF_8).replace("\u0000", "\\u0000");
        String sha = Hashes.sha256(semHottok);
        Envelope env = null;
        String detalheInvalido = null;
        try {
            JsonNode raiz = mapper.readTree(semHottok);
            if (raiz != null && raiz.isObject()) {
                env = Envelope.de(raiz);
            } else {
                detalheInvalido = "O corpo não é um objeto JSON";
            }
        } catch (Exception e) {
            detalheInvalido = Envelope.erroDeLeitura(e);
        }
        Linha linha = env == null
                ? new Linha(clienteId, "sha256:" + sha, null, null, null, null, null, null, null, payload, sha,
                SituacaoEvento.JSON_INVALIDO, detalheInvalido, null)
                : new Linha(clienteId, caber(env.id() != null ? env.id() : "sha256:" + sha, 100), caber(env.id(), 100),
                caber(env.evento(), 60), caber(env.chaveNegocio(), 400), caber(env.transacao(), 40),
                env.produtoHotmartId(), caber(env.email(), 320), env.ocorridoEm(), payload,
                sha, SituacaoEvento.PENDENTE, env.id() == null ? "Evento sem 'id'; deduplicado pelo conteúdo" : null,
                null);

        DataIntegrityViolationException ultima = null;
        for (int tentativa = 1; tentativa <= TENTATIVAS; tentativa++) {
            try {
                Long id = tx.execute(s -> inserir(linha));
                contar(linha.situacao == SituacaoEvento.PENDENTE ? "novo" : "json_invalido");
                return new Recebimento(id, linha.situacao, true);
            } catch (DataIntegrityViolationException e) {
                ultima = e;
            }
            Optional<Recebimento> repetido = tx.execute(s -> registrarRepeticao(linha));
            if (repetido.isPresent()) {
                contar("repetido");
                return repetido.get();
            }
            if (linha.chaveNegocio != null) {
                Optional<Long> original = jdbc.sql("select id from eventos_hotmart where cliente_id = ? and chave_negocio = ?")
                        .params(clienteId, linha.chaveNegocio).query(Long.class).optional();
                if (original.isPresent()) {
                    Linha duplicada = linha.duplicadaDe(original.get());
                    try {
                        Long id = tx.execute(s -> inserir(duplicada));
                        contar("duplicado");
                        return new Recebimento(id, SituacaoEvento.DUPLICADO, true);
                    } catch (DataIntegrityViolationException e) {
                        ultima = e; // the same new id, concurrently: the next round finds it as a repetition
                    }
                }
            }
            // The conflicting row belongs to a transaction not yet committed (H2 reports it at once): wait and retry.
            pausa(tentativa);
        }
        throw ultima;
    }

    /** The same event id again: count the delivery on the stored row. */
    private Optional<Recebimento> registrarRepeticao(Linha linha) {
        Instant agora = clock.instant();
        return jdbc.sql("select id, situacao from eventos_hotmart where cliente_id = ? and chave_evento = ?")
                .params(linha.clienteId, linha.chaveEvento)
                .query((rs, n) -> new Recebimento(rs.getLong(1), SituacaoEvento.valueOf(rs.getString(2)), false))
                .optional()
                .map(r -> {
                    jdbc.sql("update eventos_hotmart set entregas = entregas + 1, ultima_entrega_em = ? where id = ?")
                            .params(Datas.utc(agora), r.id()).update();
                    return r;
                });
    }

    private Long inserir(Linha l) {
        Instant agora = clock.instant();
        KeyHolder chave = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into eventos_hotmart (cliente_id, chave_evento, hotmart_event_id, evento, chave_negocio,
                            duplicado_de, transacao, produto_hotmart_id, email, ocorrido_em, recebido_em, payload,
                            payload_sha256, situacao, detalhe, processado_em, ultima_entrega_em)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(l.clienteId, l.chaveEvento, l.hotmartEventId, l.evento, l.chaveNegocio, l.duplicadoDe,
                        l.transacao, l.produtoHotmartId, l.email, Datas.utc(l.ocorridoEm), Datas.utc(agora), l.payload,
                        l.sha, l.situacao.name(), l.detalhe, l.situacao.finalizada() ? Datas.utc(agora) : null,
                        Datas.utc(agora))
                .update(chave, "id");
        return chave.getKeyAs(Number.class).longValue();
    }

    private void contar(String resultado) {
        metricas.counter("hotmart.webhook.recebidos", "resultado", resultado).increment();
    }

    private static void pausa(int tentativa) {
        try {
            Thread.sleep(20L * tentativa);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Values longer than their column (no real Hotmart value is) are replaced by their hash, so that they still
     * identify the delivery and the row can always be stored and acknowledged.
     */
    private static String caber(String valor, int tamanho) {
        if (valor == null || valor.length() <= tamanho) {
            return valor;
        }
        String hash = "sha256:" + Hashes.sha256(valor);
        return hash.substring(0, Math.min(hash.length(), tamanho));
    }


    private record Linha(Long clienteId, String chaveEvento, String hotmartEventId, String evento, String chaveNegocio,
                         String transacao, Long produtoHotmartId, String email, Instant ocorridoEm, String payload,
                         String sha, SituacaoEvento situacao, String detalhe, Long duplicadoDe) {

        Linha duplicadaDe(Long original) {
            return new Linha(clienteId, chaveEvento, hotmartEventId, evento, null, transacao, produtoHotmartId, email,
                    ocorridoEm, payload, sha, SituacaoEvento.DUPLICADO,
                    "Mesma transação e evento já recebidos no evento interno " + original + " (outro id da Hotmart)",
                    original);
        }
    }
}
