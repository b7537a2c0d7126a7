package br.com.terceirizacs.bi;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import br.com.terceirizacs.comum.Datas;
import br.com.terceirizacs.matricula.OrigemAcesso;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's queries: a read model straight over {@code matriculas}, {@code filas_disparo} and
 * {@code mensagens}, so every figure is exact and current (no copy to keep in step). Each query reads one index
 * range ({@code ix_matriculas_painel}: product, purchase date, then every column the aggregates read); the benchmark
 * in {@code docs/benchmarks.md} holds them to p95 ≤ 200 ms over a million enrolments. The SQL is the subset H2 and
 * PostgreSQL share; the same tests run on both.
 * <p>
 * Every method can group by turma: {@code null} is the key of the whole recorte.
 */
@Component
class PainelConsultas {

    static final String LINK = OrigemAcesso.LINK_WHATSAPP_TERCEIRIZA.codigo();
    static final String EMAIL = OrigemAcesso.EMAIL_HOTMART.codigo();

    private final NamedParameterJdbcTemplate jdbc;
    private final long conversaoSegundos;

    PainelConsultas(NamedParameterJdbcTemplate jdbc, @Value("${terceiriza.resgate.conversao-dias:3}") int conversaoDias) {
        this.jdbc = jdbc;
        this.conversaoSegundos = conversaoDias * 86_400L;
    }

    /** Buyers, first accesses by origin, and refunds split by whether the student ever accessed. */
    record Numeros(long compradores, long acessaram, long viaLink, long viaEmail, long reembolsadosComAcesso,
                   long reembolsadosSemAcesso) {

        static final Numeros VAZIO = new Numeros(0, 0, 0, 0, 0, 0);

        long semAcesso() {
            return compradores - acessaram;
        }
    }

    /** Median seconds from purchase to first access, per origin ({@code null} when nobody came that way). */
    record Medianas(Double link, Double email) {
        static final Medianas VAZIA = new Medianas(null, null);
    }

    /** The rescue funnel: suggestions and what became of them. */
    record Funil(long sugeridos, long aprovados, long enviados, long entregues, long lidos, long acessaram) {
        static final Funil VAZIO = new Funil(0, 0, 0, 0, 0, 0);
    }

    record Dia(LocalDate dia, long viaLink, long viaEmail) {
    }

    @Transactional(readOnly = true)
    Map<Long, Numeros> numeros(Recorte r, boolean porTurma) {
        Sql sql = new Sql(r, "m");
        String q = "select " + sql.chave(porTurma) + """
                count(*) as compradores,
                sum(case when m.data_primeiro_acesso is not null then 1 else 0 end) as acessaram,
                sum(case when m.origem_primeiro_acesso = :link then 1 else 0 end) as via_link,
                sum(case when m.origem_primeiro_acesso = :email then 1 else 0 end) as via_email,
                sum(case when m.status in ('REEMBOLSADA', 'CHARGEBACK') and m.data_primeiro_acesso is not null
                         then 1 else 0 end) as reemb_com,
                sum(case when m.status in ('REEMBOLSADA', 'CHARGEBACK') and m.data_primeiro_acesso is null
                         then 1 else 0 end) as reemb_sem
                from matriculas m
                """ + sql.onde() + sql.agrupar(porTurma);
        Map<Long, Numeros> resultado = new LinkedHashMap<>();
        jdbc.query(q, sql.params.addValue("link", LINK).addValue("email", EMAIL), rs -> {
            resultado.put(chave(rs, porTurma), new Numeros(rs.getLong("compradores"), rs.getLong("acessaram"),
                    rs.getLong("via_link"), rs.getLong("via_email"), rs.getLong("reemb_com"), rs.getLong("reemb_sem")));
        });
        return resultado;
    }

    @Transactional(readOnly = true)
    Map<Long, Medianas> medianas(Recorte r, boolean porTurma) {
        Sql sql = new Sql(r, "m");
        // Clamped at zero: Hotmart may date a first access a little before the purchase it belongs to.
        String q = "select " + sql.chave(porTurma) + """
                m.origem_primeiro_acesso as origem,
                percentile_cont(0.5) within group (order by case
                    when m.data_primeiro_acesso < m.data_compra then 0
                    else extract(epoch from m.data_primeiro_acesso) - extract(epoch from m.data_compra) end) as mediana
                from matriculas m
                """ + sql.onde() + " and m.data_primeiro_acesso is not null"
                + " group by " + (porTurma ? "m.turma_id, " : "") + "m.origem_primeiro_acesso";
        Map<Long, Double[]> parciais = new LinkedHashMap<>();
        jdbc.query(q, sql.params, rs -> {
            Double[] par = parciais.computeIfAbsent(chave(rs, porTurma), k -> new Double[2]);
            String origem = rs.getString("origem");
            double mediana = rs.getDouble("mediana");
            if (LINK.equals(origem)) {
                par[0] = mediana;
            } else if (EMAIL.equals(origem)) {
                par[1] = mediana;
            }
        });
        Map<Long, Medianas> resultado = new LinkedHashMap<>();
        parciais.forEach((k, par) -> resultado.put(k, new Medianas(par[0], par[1])));
        return resultado;
    }

    /**
     * The rescue funnel of the recorte's enrolments. "Acessaram" counts sent rescue messages followed by the
     * student's first access within the conversion window ({@code terceiriza.resgate.conversao-dias}).
     */
    @Transactional(readOnly = true)
    Map<Long, Funil> funilResgate(Recorte r, boolean porTurma) {
        Sql sql = new Sql(r, "m");
        String q = "select " + sql.chave(porTurma) + """
                count(*) as sugeridos,
                sum(case when f.status in ('APROVADO', 'ENVIADO', 'FALHOU') then 1 else 0 end) as aprovados,
                sum(case when f.status = 'ENVIADO' then 1 else 0 end) as enviados,
                sum(case when f.status = 'ENVIADO' and (msg.entregue_em is not null or msg.lida_em is not null)
                         then 1 else 0 end) as entregues,
                sum(case when f.status = 'ENVIADO' and msg.lida_em is not null then 1 else 0 end) as lidos,
                sum(case when f.status = 'ENVIADO' and msg.enviada_em is not null
                          and m.data_primeiro_acesso >= msg.enviada_em
                          and extract(epoch from m.data_primeiro_acesso) - extract(epoch from msg.enviada_em)
                              <= :conversao
                         then 1 else 0 end) as acessaram
                from filas_disparo f
                join matriculas m on m.id = f.matricula_id
                left join mensagens msg on msg.fila_disparo_id = f.id
                """ + sql.onde() + " and f.tipo_regra = 'RESGATE_ACESSO'" + sql.agrupar(porTurma);
        Map<Long, Funil> resultado = new LinkedHashMap<>();
        jdbc.query(q, sql.params.addValue("conversao", conversaoSegundos), rs -> {
            resultado.put(chave(rs, porTurma), new Funil(rs.getLong("sugeridos"), rs.getLong("aprovados"),
                    rs.getLong("enviados"), rs.getLong("entregues"), rs.getLong("lidos"), rs.getLong("acessaram")));
        });
        return resultado;
    }

    /** First accesses of the recorte's students per day (producer's time zone) and origin. */
    @Transactional(readOnly = true)
    List<Dia> linhaDoTempo(Recorte r) {
        Sql sql = new Sql(r, "m");
        String q = """
                select cast(m.data_primeiro_acesso at time zone :fuso as date) as dia,
                sum(case when m.origem_primeiro_acesso = :link then 1 else 0 end) as via_link,
                sum(case when m.origem_primeiro_acesso = :email then 1 else 0 end) as via_email
                from matriculas m
                """ + sql.onde() + " and m.data_primeiro_acesso is not null group by dia order by dia";
        List<Dia> dias = new ArrayList<>();
        jdbc.query(q, sql.params.addValue("fuso", r.fuso().getId()).addValue("link", LINK).addValue("email", EMAIL),
                rs -> {
                    Date dia = rs.getDate("dia");
                    dias.add(new Dia(dia.toLocalDate(), rs.getLong("via_link"), rs.getLong("via_email")));
                });
        return dias;
    }

    private static Long chave(java.sql.ResultSet rs, boolean porTurma) throws java.sql.SQLException {
        if (!porTurma) {
            return null;
        }
        long turma = rs.getLong("turma_id");
        return rs.wasNull() ? null : turma;
    }

    /** The recorte as a WHERE clause on {@code matriculas} with its bind parameters. */
    private static final class Sql {
        final MapSqlParameterSource params = new MapSqlParameterSource();
        private final StringBuilder onde = new StringBuilder(" where ");

        Sql(Recorte r, String m) {
            onde.append(m).append(".produto_id in (:produtos)");
            params.addValue("produtos", r.produtoIds().isEmpty() ? List.of(-1L) : r.produtoIds());
            if (r.turmaId() != null) {
                onde.append(" and ").append(m).append(".turma_id = :turma");
                params.addValue("turma", r.turmaId());
            }
            if (r.de() != null) {
                onde.append(" and ").append(m).append(".data_compra >= :de");
                params.addValue("de", Datas.utc(r.de()));
            }
            if (r.ate() != null) {
                onde.append(" and ").append(m).append(".data_compra < :ate");
                params.addValue("ate", Datas.utc(r.ate()));
            }
        }

        String onde() {
            return onde.toString();
        }

        String chave(boolean porTurma) {
            return porTurma ? "m.turma_id as turma_id, " : "";
        }

        String agrupar(boolean porTurma) {
            return porTurma ? " group by m.turma_id" : "";
        }
    }
}
