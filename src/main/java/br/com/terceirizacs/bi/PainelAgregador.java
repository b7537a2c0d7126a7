package br.com.terceirizacs.bi;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import br.com.terceirizacs.comum.Datas;
import br.com.terceirizacs.matricula.EventosMatricula;
import br.com.terceirizacs.matricula.OrigemAcesso;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the dashboard's summary tables ({@code painel_resumo}, {@code painel_atrasos}, {@code painel_acessos}) equal
 * to the aggregates of the source tables.
 * <p>
 * How it stays correct: the unit is a <em>key</em>, one product and one purchase day in the producer's time zone,
 * and a key is always rebuilt whole from {@code matriculas}, {@code filas_disparo}, {@code mensagens} and
 * {@code respostas_whatsapp} (delete, then insert the aggregates), never incremented. Every pass rebuilds the keys of
 * the rows whose {@code atualizado_em} (set by every writer of those tables; for a reply, written once, its
 * {@code recebida_em}) is later than the previous pass's start minus a margin: 10 s each second, so a transaction
 * that commits a little after its rows were stamped is not missed, and 10 minutes once a minute, for the slow ones.
 * The only change that moves an enrolment to another key, a new purchase replacing a refunded one, records its old
 * key in {@code painel_pendencias} in the same transaction. The first pass after the migration (or after
 * {@link #reconstruirTudo()}) rebuilds every key. Passes of several nodes take turns on the row lock of
 * {@code painel_controle}; a pass moves {@code painel_versoes} of the producers whose figures it rebuilt, which is
 * what open dashboards watch.
 * <p>
 * Over 250 lines: one algorithm (find the keys that changed, rebuild each whole), and its SQL is most of the class.
 */
@Component
class PainelAgregador {

    private static final Logger log = LoggerFactory.getLogger(PainelAgregador.class);
    private static final Duration MARGEM_CURTA = Duration.ofSeconds(10);
    private static final Duration MARGEM_LONGA = Duration.ofMinutes(10);
    private static final Duration INTERVALO_REVISAO = Duration.ofMinutes(1);

    /** Seconds from purchase to first access, never negative. */
    static final String SEGUNDOS_ATE_ACESSO = """
            case when m.data_primeiro_acesso < m.data_compra then 0
                 else extract(epoch from m.data_primeiro_acesso) - extract(epoch from m.data_compra) end""";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transacao;
    private final Clock clock;
    private final long conversaoSegundos;
    private final Timer duracao;
    private final boolean automatica;

    PainelAgregador(NamedParameterJdbcTemplate jdbc, TransactionTemplate transacao, Clock clock, MeterRegistry metricas,
                    @Value("${terceiriza.resgate.conversao-dias:3}") int conversaoDias,
                    @Value("${terceiriza.painel.agregacao-automatica:true}") boolean automatica) {
        this.automatica = automatica;
        this.jdbc = jdbc;
        this.transacao = transacao;
        this.clock = clock;
        this.conversaoSegundos = conversaoDias * 86_400L;
        this.duracao = Timer.builder("terceiriza.painel.agregacao")
                .description("Uma passada do agregador do painel do produtor").register(metricas);
    }

    /** A product and a purchase day in its producer's time zone. */
    record Chave(long produtoId, LocalDate dia) {
    }

    private record Produto(long clienteId, ZoneId fuso) {
    }

    @EventListener
    void compraSubstituida(EventosMatricula.CompraSubstituida e) {
        jdbc.update("insert into painel_pendencias (produto_id, data_compra) values (:produto, :data)",
                new MapSqlParameterSource("produto", e.produtoId()).addValue("data", Datas.utc(e.dataCompraAnterior())));
    }

    @Scheduled(fixedDelayString = "${terceiriza.painel.agregacao:PT1S}")
    void passarAgendado() {
        if (!automatica) {
            return;
        }
        try {
            passar();
        } catch (RuntimeException e) {
            log.warn("Agregação do painel falhou; a próxima passada tenta de novo: {}", e.toString());
        }
    }

    /**
     * Operator's full rebuild (and what the first pass after the migration does by itself): every summary row is
     * dropped and every key rebuilt, in one transaction under the lock, so passes of other nodes wait for it.
     */
    int reconstruirTudo() {
        return passar(true);
    }

    /** One pass: rebuilds the keys changed since the previous one; returns how many keys it rebuilt. */
    int passar() {
        return passar(false);
    }

    private int passar(boolean completa) {
        long inicio = System.nanoTime();
        Integer chaves = transacao.execute(status -> {
            Map<String, Object> controle = jdbc.queryForMap(
                    "select ultima_passada, ultima_revisao from painel_controle where id = 1 for update", Map.of());
            Instant agora = clock.instant();
            Instant ultima = completa ? null : instante(controle.get("ultima_passada"));
            Instant revisao = instante(controle.get("ultima_revisao"));
            boolean ampla = revisao == null || revisao.isBefore(agora.minus(INTERVALO_REVISAO));
            Map<Long, Produto> produtos = produtos();
            // pending old keys recorded up to now; rows added during this pass wait for the next one
            long pendenciasLidas = jdbc.queryForObject("select coalesce(max(id), 0) from painel_pendencias", Map.of(),
                    Long.class);
            Set<Chave> sujas;
            if (ultima == null) {
                for (String tabela : List.of("painel_resumo", "painel_atrasos", "painel_acessos")) {
                    jdbc.update("delete from " + tabela, Map.of());
                }
                sujas = todas(produtos);
            } else {
                sujas = sujas(ultima.minus(ampla ? MARGEM_LONGA : MARGEM_CURTA), pendenciasLidas, produtos);
            }
            Set<Long> clientes = new LinkedHashSet<>();
            for (Chave chave : sujas) {
                Produto produto = produtos.get(chave.produtoId());
                if (produto != null && reconstruir(chave, produto.fuso())) {
                    clientes.add(produto.clienteId());
                }
            }
            jdbc.update("delete from painel_pendencias where id <= :lidas", Map.of("lidas", pendenciasLidas));
            for (Long cliente : clientes) {
                versao(cliente, agora);
            }
            jdbc.update("update painel_controle set ultima_passada = :agora"
                            + (ampla ? ", ultima_revisao = :agora" : "") + " where id = 1",
                    Map.of("agora", Datas.utc(agora)));
            if (ultima == null) {
                log.info("Painel: {} dias de compra agregados (reconstrução completa)", sujas.size());
            }
            return sujas.size();
        });
        duracao.record(System.nanoTime() - inicio, TimeUnit.NANOSECONDS);
        return chaves == null ? 0 : chaves;
    }

    private Map<Long, Produto> produtos() {
        Map<Long, Produto> produtos = new HashMap<>();
        jdbc.query("select p.id, p.cliente_id, c.fuso_horario from produtos p join clientes c on c.id = p.cliente_id",
                rs -> {
                    produtos.put(rs.getLong("id"), new Produto(rs.getLong("cliente_id"),
                            ZoneId.of(rs.getString("fuso_horario"))));
                });
        return produtos;
    }

    // The purchase hour (epoch hours): few distinct values, and each falls on one or two local days in any zone.
    private static final String HORA = "cast(floor(extract(epoch from m.data_compra) / 3600) as bigint)";

    private Set<Chave> todas(Map<Long, Produto> produtos) {
        Set<Chave> chaves = new LinkedHashSet<>();
        jdbc.query("select distinct m.produto_id, " + HORA + " as hora from matriculas m", Map.of(),
                rs -> {
                    adicionar(chaves, produtos, rs.getLong("produto_id"), rs.getLong("hora"));
                });
        return chaves;
    }

    private Set<Chave> sujas(Instant desde, long pendenciasLidas, Map<Long, Produto> produtos) {
        Set<Chave> chaves = new LinkedHashSet<>();
        MapSqlParameterSource p = new MapSqlParameterSource("desde", Datas.utc(desde)).addValue("lidas", pendenciasLidas);
        String sql = "select distinct m.produto_id, " + HORA + " as hora from matriculas m where m.atualizado_em > :desde"
                + " union select distinct m.produto_id, " + HORA + " as hora from filas_disparo f"
                + " join matriculas m on m.id = f.matricula_id where f.atualizado_em > :desde"
                + " union select distinct m.produto_id, " + HORA + " as hora from mensagens msg"
                + " join filas_disparo f on f.id = msg.fila_disparo_id join matriculas m on m.id = f.matricula_id"
                + " where msg.atualizado_em > :desde"
                + " union select distinct m.produto_id, " + HORA + " as hora from respostas_whatsapp rw"
                + " join matriculas m on m.id = rw.matricula_id where rw.recebida_em > :desde"
                + " union select distinct m.produto_id, " + HORA + " as hora from celebracoes c"
                + " join matriculas m on m.id = c.matricula_id where c.registrado_em > :desde"
                + " union select distinct m.produto_id, " + HORA + " as hora from painel_pendencias m where m.id <= :lidas";
        jdbc.query(sql, p, rs -> {
            adicionar(chaves, produtos, rs.getLong("produto_id"), rs.getLong("hora"));
        });
        return chaves;
    }

    private static void adicionar(Set<Chave> chaves, Map<Long, Produto> produtos, long produtoId, long hora) {
        Produto produto = produtos.get(produtoId);
        if (produto == null) {
            return;
        }
        Instant inicio = Instant.ofEpochSecond(hora * 3600);
        chaves.add(new Chave(produtoId, inicio.atZone(produto.fuso()).toLocalDate()));
        chaves.add(new Chave(produtoId, inicio.plusSeconds(3599).atZone(produto.fuso()).toLocalDate()));
    }

    /** Rebuilds one key from the source tables; true when its figures changed. */
    private boolean reconstruir(Chave chave, ZoneId fuso) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("produto", chave.produtoId())
                .addValue("dia", chave.dia())
                .addValue("ini", Datas.utc(chave.dia().atStartOfDay(fuso).toInstant()))
                .addValue("fim", Datas.utc(chave.dia().plusDays(1).atStartOfDay(fuso).toInstant()))
                .addValue("link", OrigemAcesso.LINK_WHATSAPP_TERCEIRIZA.codigo())
                .addValue("email", OrigemAcesso.EMAIL_HOTMART.codigo())
                .addValue("conversao", conversaoSegundos)
                .addValue("fuso", fuso.getId());
        String antes = retrato(p);
        jdbc.update("delete from painel_resumo where produto_id = :produto and dia = :dia", p);
        jdbc.update("delete from painel_atrasos where produto_id = :produto and dia = :dia", p);
        jdbc.update("delete from painel_acessos where produto_id = :produto and dia = :dia", p);
        jdbc.update("""
                insert into painel_resumo (produto_id, turma_id, dia, compradores, acessaram, via_link, via_email,
                    reemb_com_acesso, reemb_sem_acesso, resgates_sugeridos, resgates_aprovados, resgates_enviados,
                    resgates_entregues, resgates_lidos, resgates_acessaram, responderam, modulos_concluidos,
                    parabens_enviados)
                select :produto, m.turma_id, :dia, count(*),
                    sum(case when m.data_primeiro_acesso is not null then 1 else 0 end),
                    sum(case when m.origem_primeiro_acesso = :link then 1 else 0 end),
                    sum(case when m.origem_primeiro_acesso = :email then 1 else 0 end),
                    sum(case when m.status in ('REEMBOLSADA', 'CHARGEBACK') and m.data_primeiro_acesso is not null
                             then 1 else 0 end),
                    sum(case when m.status in ('REEMBOLSADA', 'CHARGEBACK') and m.data_primeiro_acesso is null
                             then 1 else 0 end),
                    coalesce(sum(r.sugeridos), 0), coalesce(sum(r.aprovados), 0), coalesce(sum(r.enviados), 0),
                    coalesce(sum(r.entregues), 0), coalesce(sum(r.lidos), 0), coalesce(sum(r.acessaram), 0),
                    coalesce(sum(q.respondeu), 0), coalesce(sum(cc.concluidos), 0), coalesce(sum(pc.parabens), 0)
                from matriculas m
                left join (
                    select f.matricula_id,
                        count(*) as sugeridos,
                        sum(case when f.status in ('APROVADO', 'ENVIADO', 'FALHOU')
                                   or (f.status = 'CANCELADO' and f.decidido_em is not null) then 1 else 0 end)
                            as aprovados,
                        sum(case when f.status = 'ENVIADO' then 1 else 0 end) as enviados,
                        sum(case when f.status = 'ENVIADO' and (msg.entregue_em is not null or msg.lida_em is not null)
                                 then 1 else 0 end) as entregues,
                        sum(case when f.status = 'ENVIADO' and msg.lida_em is not null then 1 else 0 end) as lidos,
                        max(case when f.status = 'ENVIADO' and msg.enviada_em is not null
                                  and m2.data_primeiro_acesso >= msg.enviada_em
                                  and extract(epoch from m2.data_primeiro_acesso) - extract(epoch from msg.enviada_em)
                                      <= :conversao
                                 then 1 else 0 end) as acessaram
                    from filas_disparo f
                    join matriculas m2 on m2.id = f.matricula_id
                    left join mensagens msg on msg.fila_disparo_id = f.id
                    where f.tipo_regra = 'RESGATE_ACESSO' and m2.produto_id = :produto
                      and m2.data_compra >= :ini and m2.data_compra < :fim
                    group by f.matricula_id) r on r.matricula_id = m.id
                left join (
                    select rw.matricula_id, 1 as respondeu
                    from respostas_whatsapp rw
                    join matriculas m3 on m3.id = rw.matricula_id
                    where m3.produto_id = :produto and m3.data_compra >= :ini and m3.data_compra < :fim
                      and rw.opt_out = false
                    group by rw.matricula_id) q on q.matricula_id = m.id
                left join (
                    select c.matricula_id, count(*) as concluidos
                    from celebracoes c
                    join matriculas m4 on m4.id = c.matricula_id
                    where m4.produto_id = :produto and m4.data_compra >= :ini and m4.data_compra < :fim
                    group by c.matricula_id) cc on cc.matricula_id = m.id
                left join (
                    select f.matricula_id, count(*) as parabens
                    from filas_disparo f
                    join matriculas m5 on m5.id = f.matricula_id
                    where f.tipo_regra = 'CELEBRACAO' and f.status = 'ENVIADO' and m5.produto_id = :produto
                      and m5.data_compra >= :ini and m5.data_compra < :fim
                    group by f.matricula_id) pc on pc.matricula_id = m.id
                where m.produto_id = :produto and m.data_compra >= :ini and m.data_compra < :fim
                group by m.turma_id""", p);
        jdbc.update("""
                insert into painel_atrasos (produto_id, turma_id, dia, origem, faixa, quantidade)
                select :produto, y.turma_id, :dia, y.origem, y.faixa, count(*) from (
                    select x.turma_id, x.origem, cast(case
                        when x.s < 3600 then floor(x.s / 60)
                        when x.s < 86400 then floor(x.s / 300) * 5
                        when x.s < 2592000 then floor(x.s / 3600) * 60
                        else floor(x.s / 86400) * 1440 end as integer) as faixa
                    from (select m.turma_id, m.origem_primeiro_acesso as origem, """ + SEGUNDOS_ATE_ACESSO + """
                           as s
                          from matriculas m
                          where m.produto_id = :produto and m.data_compra >= :ini and m.data_compra < :fim
                            and m.data_primeiro_acesso is not null) x) y
                group by y.turma_id, y.origem, y.faixa""", p);
        jdbc.update("""
                insert into painel_acessos (produto_id, turma_id, dia, dia_acesso, via_link, via_email)
                select :produto, x.turma_id, :dia, x.dia_acesso, sum(x.link), sum(x.email) from (
                    select m.turma_id, cast(m.data_primeiro_acesso at time zone :fuso as date) as dia_acesso,
                           case when m.origem_primeiro_acesso = :link then 1 else 0 end as link,
                           case when m.origem_primeiro_acesso = :email then 1 else 0 end as email
                    from matriculas m
                    where m.produto_id = :produto and m.data_compra >= :ini and m.data_compra < :fim
                      and m.data_primeiro_acesso is not null) x
                group by x.turma_id, x.dia_acesso""", p);
        return !antes.equals(retrato(p));
    }

    /** The key's summary rows as text, to tell whether a rebuild changed anything a dashboard shows. */
    private String retrato(MapSqlParameterSource p) {
        StringBuilder r = new StringBuilder();
        for (String sql : RETRATOS) {
            jdbc.query(sql, p, rs -> {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    r.append(rs.getString(i)).append(',');
                }
                r.append(';');
            });
            r.append('|');
        }
        return r.toString();
    }

    private static final List<String> RETRATOS = List.of(
            "select * from painel_resumo where produto_id = :produto and dia = :dia order by turma_id",
            "select turma_id, origem, faixa, quantidade from painel_atrasos where produto_id = :produto and dia = :dia"
                    + " order by turma_id, origem, faixa",
            "select turma_id, dia_acesso, via_link, via_email from painel_acessos where produto_id = :produto"
                    + " and dia = :dia order by turma_id, dia_acesso");

    private void versao(Long cliente, Instant agora) {
        MapSqlParameterSource p = new MapSqlParameterSource("cliente", cliente).addValue("agora", Datas.utc(agora));
        if (jdbc.update("update painel_versoes set versao = versao + 1, atualizado_em = :agora where cliente_id = :cliente",
                p) == 0) {
            jdbc.update("insert into painel_versoes (cliente_id, versao, atualizado_em) values (:cliente, 1, :agora)", p);
        }
    }

    private static Instant instante(Object valor) {
        if (valor == null) {
            return null;
        }
        if (valor instanceof Timestamp t) {
            return t.toInstant();
        }
        if (valor instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (valor instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("Tipo de data inesperado: " + valor.getClass());
    }
}
