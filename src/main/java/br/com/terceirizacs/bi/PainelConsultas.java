package br.com.terceirizacs.bi;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import br.com.terceirizacs.matricula.OrigemAcesso;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's queries, over the summary tables {@link PainelAgregador} keeps (one row per product, turma and
 * purchase day), so each reads at most a few thousand rows whatever the number of enrolments; the benchmark in
 * {@code docs/benchmarks.md} holds them to p95 ≤ 200 ms over a million enrolments. Every method can group by turma:
 * {@code null} is the key of the whole recorte.
 */
@Component
class PainelConsultas {

    static final String LINK = OrigemAcesso.LINK_WHATSAPP_TERCEIRIZA.codigo();
    static final String EMAIL = OrigemAcesso.EMAIL_HOTMART.codigo();

    private final NamedParameterJdbcTemplate jdbc;

    PainelConsultas(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        Filtro f = new Filtro(r);
        Map<Long, Numeros> resultado = new LinkedHashMap<>();
        jdbc.query("select " + f.chave(porTurma) + """
                sum(compradores) as compradores, sum(acessaram) as acessaram, sum(via_link) as via_link,
                sum(via_email) as via_email, sum(reemb_com_acesso) as reemb_com, sum(reemb_sem_acesso) as reemb_sem
                from painel_resumo""" + f.onde() + f.agrupar(porTurma), f.params, rs -> {
            if (rs.getLong("compradores") > 0) {
                resultado.put(chave(rs, porTurma), new Numeros(rs.getLong("compradores"), rs.getLong("acessaram"),
                        rs.getLong("via_link"), rs.getLong("via_email"), rs.getLong("reemb_com"),
                        rs.getLong("reemb_sem")));
            }
        });
        return resultado;
    }

    @Transactional(readOnly = true)
    Map<Long, Funil> funilResgate(Recorte r, boolean porTurma) {
        Filtro f = new Filtro(r);
        Map<Long, Funil> resultado = new LinkedHashMap<>();
        jdbc.query("select " + f.chave(porTurma) + """
                sum(resgates_sugeridos) as sugeridos, sum(resgates_aprovados) as aprovados,
                sum(resgates_enviados) as enviados, sum(resgates_entregues) as entregues, sum(resgates_lidos) as lidos,
                sum(resgates_acessaram) as acessaram
                from painel_resumo""" + f.onde() + f.agrupar(porTurma), f.params, rs -> {
            resultado.put(chave(rs, porTurma), new Funil(rs.getLong("sugeridos"), rs.getLong("aprovados"),
                    rs.getLong("enviados"), rs.getLong("entregues"), rs.getLong("lidos"), rs.getLong("acessaram")));
        });
        return resultado;
    }

    /** Medians from the delay histogram ({@link Faixas}), per origin. */
    @Transactional(readOnly = true)
    Map<Long, Medianas> medianas(Recorte r, boolean porTurma) {
        Filtro f = new Filtro(r);
        Map<Long, Map<String, Faixas>> histogramas = new LinkedHashMap<>();
        jdbc.query("select " + f.chave(porTurma) + "origem, faixa, sum(quantidade) as quantidade from painel_atrasos"
                + f.onde() + " group by " + (porTurma ? "turma_id, " : "") + "origem, faixa order by faixa",
                f.params, rs -> {
                    histogramas.computeIfAbsent(chave(rs, porTurma), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString("origem"), k -> new Faixas())
                            .somar(rs.getInt("faixa"), rs.getLong("quantidade"));
                });
        Map<Long, Medianas> resultado = new LinkedHashMap<>();
        histogramas.forEach((k, porOrigem) -> resultado.put(k, new Medianas(
                porOrigem.getOrDefault(LINK, new Faixas()).medianaEmSegundos(),
                porOrigem.getOrDefault(EMAIL, new Faixas()).medianaEmSegundos())));
        return resultado;
    }

    /** First accesses of the recorte's students per day (producer's time zone) and origin. */
    @Transactional(readOnly = true)
    List<Dia> linhaDoTempo(Recorte r) {
        Filtro f = new Filtro(r);
        List<Dia> dias = new ArrayList<>();
        jdbc.query("select dia_acesso, sum(via_link) as via_link, sum(via_email) as via_email from painel_acessos"
                + f.onde() + " group by dia_acesso order by dia_acesso", f.params, rs -> {
            Date dia = rs.getDate("dia_acesso");
            dias.add(new Dia(dia.toLocalDate(), rs.getLong("via_link"), rs.getLong("via_email")));
        });
        return dias;
    }

    private static Long chave(ResultSet rs, boolean porTurma) throws SQLException {
        if (!porTurma) {
            return null;
        }
        long turma = rs.getLong("turma_id");
        return rs.wasNull() ? null : turma;
    }

    /** The recorte as a WHERE clause on a summary table, with its bind parameters. */
    private static final class Filtro {
        final MapSqlParameterSource params = new MapSqlParameterSource();
        private final StringBuilder onde = new StringBuilder(" where produto_id in (:produtos)");

        Filtro(Recorte r) {
            params.addValue("produtos", r.produtoIds().isEmpty() ? List.of(-1L) : r.produtoIds());
            if (r.turmaId() != null) {
                onde.append(" and turma_id = :turma");
                params.addValue("turma", r.turmaId());
            }
            if (r.de() != null) {
                onde.append(" and dia >= :de");
                params.addValue("de", r.de());
            }
            if (r.ate() != null) {
                onde.append(" and dia <= :ate");
                params.addValue("ate", r.ate());
            }
        }

        String onde() {
            return onde.toString();
        }

        String chave(boolean porTurma) {
            return porTurma ? "turma_id, " : "";
        }

        String agrupar(boolean porTurma) {
            return porTurma ? " group by turma_id" : "";
        }
    }
}
