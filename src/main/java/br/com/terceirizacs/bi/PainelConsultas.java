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
 * purchase day), so each reads at most a few thousand rows (the delay histogram some tens of thousands) whatever
 * the number of enrolments; the benchmark in {@code docs/benchmarks.md} holds them to p95 ≤ 200 ms over a million
 * enrolments. Figures come per turma ({@code null} = enrolments without one); the recorte's totals are their sums.
 */
@Component
class PainelConsultas {

    static final String LINK = OrigemAcesso.LINK_WHATSAPP_TERCEIRIZA.codigo();
    static final String EMAIL = OrigemAcesso.EMAIL_HOTMART.codigo();

    private final NamedParameterJdbcTemplate jdbc;

    PainelConsultas(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Buyers, first accesses by origin, refunds split by whether the student ever accessed, buyers who replied on
     * WhatsApp (engagement), and Produto Progresso's modules completed and congratulations sent.
     */
    record Numeros(long compradores, long acessaram, long viaLink, long viaEmail, long reembolsadosComAcesso,
                   long reembolsadosSemAcesso, long responderam, long modulosConcluidos, long parabensEnviados) {

        static final Numeros VAZIO = new Numeros(0, 0, 0, 0, 0, 0, 0, 0, 0);

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

    /** Counters and rescue funnel of one turma (or of the whole recorte, when summed). */
    record Linha(Numeros numeros, Funil funil) {
        static final Linha VAZIA = new Linha(Numeros.VAZIO, Funil.VAZIO);

        Linha mais(Linha o) {
            Numeros a = numeros;
            Numeros b = o.numeros;
            Funil f = funil;
            Funil g = o.funil;
            return new Linha(new Numeros(a.compradores() + b.compradores(), a.acessaram() + b.acessaram(),
                    a.viaLink() + b.viaLink(), a.viaEmail() + b.viaEmail(),
                    a.reembolsadosComAcesso() + b.reembolsadosComAcesso(),
                    a.reembolsadosSemAcesso() + b.reembolsadosSemAcesso(), a.responderam() + b.responderam(),
                    a.modulosConcluidos() + b.modulosConcluidos(), a.parabensEnviados() + b.parabensEnviados()),
                    new Funil(f.sugeridos() + g.sugeridos(), f.aprovados() + g.aprovados(), f.enviados() + g.enviados(),
                            f.entregues() + g.entregues(), f.lidos() + g.lidos(), f.acessaram() + g.acessaram()));
        }
    }

    /** Counters and rescue funnel per turma; the recorte's totals are their sum. */
    @Transactional(readOnly = true)
    Map<Long, Linha> resumoPorTurma(Recorte r) {
        Filtro f = new Filtro(r);
        Map<Long, Linha> resultado = new LinkedHashMap<>();
        jdbc.query("""
                select turma_id, sum(compradores) as compradores, sum(acessaram) as acessaram,
                sum(via_link) as via_link, sum(via_email) as via_email, sum(reemb_com_acesso) as reemb_com,
                sum(reemb_sem_acesso) as reemb_sem, sum(resgates_sugeridos) as sugeridos,
                sum(resgates_aprovados) as aprovados, sum(resgates_enviados) as enviados,
                sum(resgates_entregues) as entregues, sum(resgates_lidos) as lidos, sum(resgates_acessaram) as acessaram_r,
                sum(responderam) as responderam, sum(modulos_concluidos) as modulos,
                sum(parabens_enviados) as parabens
                from painel_resumo""" + f.onde() + " group by turma_id", f.params, rs -> {
            resultado.put(turma(rs), new Linha(
                    new Numeros(rs.getLong("compradores"), rs.getLong("acessaram"), rs.getLong("via_link"),
                            rs.getLong("via_email"), rs.getLong("reemb_com"), rs.getLong("reemb_sem"),
                            rs.getLong("responderam"), rs.getLong("modulos"), rs.getLong("parabens")),
                    new Funil(rs.getLong("sugeridos"), rs.getLong("aprovados"), rs.getLong("enviados"),
                            rs.getLong("entregues"), rs.getLong("lidos"), rs.getLong("acessaram_r"))));
        });
        return resultado;
    }

    /** The delay histograms per turma and origin ({@link Faixas} add up, so the recorte's is their sum). */
    @Transactional(readOnly = true)
    Map<Long, Map<String, Faixas>> atrasosPorTurma(Recorte r) {
        Filtro f = new Filtro(r);
        Map<Long, Map<String, Faixas>> histogramas = new LinkedHashMap<>();
        jdbc.query("select turma_id, origem, faixa, sum(quantidade) as quantidade from painel_atrasos" + f.onde()
                + " group by turma_id, origem, faixa", f.params, rs -> {
            histogramas.computeIfAbsent(turma(rs), k -> new LinkedHashMap<>())
                    .computeIfAbsent(rs.getString("origem"), k -> new Faixas())
                    .somar(rs.getInt("faixa"), rs.getLong("quantidade"));
        });
        return histogramas;
    }

    static Medianas medianas(Map<String, Faixas> porOrigem) {
        return new Medianas(porOrigem.getOrDefault(LINK, new Faixas()).medianaEmSegundos(),
                porOrigem.getOrDefault(EMAIL, new Faixas()).medianaEmSegundos());
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

    private static Long turma(ResultSet rs) throws SQLException {
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
    }
}
