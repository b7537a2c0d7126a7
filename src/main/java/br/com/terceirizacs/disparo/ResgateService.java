package br.com.terceirizacs.disparo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.ProdutoResumo;
import br.com.terceirizacs.comum.Datas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily access rescue: selects, with one set-based query per monitored product, the enrolments that should get
 * a rescue suggestion, and hands them out in chunks to start one {@code disparo} each.
 * <p>
 * The selection reads enrolments and students directly (a read model over tables of {@code matricula/}): a scan
 * over a million enrolments has to be one indexed query, not a walk through services.
 */
@Service
public class ResgateService {

    private static final Logger log = LoggerFactory.getLogger(ResgateService.class);
    /** Hotmart's longest warranty: no enrolment bought before this can still be inside its rescue window. */
    private static final Duration GARANTIA_MAXIMA = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final RegraService regras;
    private final CatalogoService catalogo;
    private final Clock clock;
    private final int janelaPadraoDias;

    ResgateService(JdbcClient jdbc, RegraService regras, CatalogoService catalogo, Clock clock,
                   @Value("${terceiriza.resgate.janela-padrao-dias:7}") int janelaPadraoDias) {
        this.jdbc = jdbc;
        this.regras = regras;
        this.catalogo = catalogo;
        this.clock = clock;
        this.janelaPadraoDias = janelaPadraoDias;
    }

    public record Candidato(Long id, Long matriculaId, String transacao, Instant dataCompra) {

        /** "sem acesso há 31 h" (pt-BR, for the task name and the queue row). */
        public String motivo(Instant agora) {
            long horas = Duration.between(dataCompra, agora).toHours();
            return horas < 48 ? "sem acesso há " + horas + " h" : "sem acesso há " + (horas / 24) + " dias";
        }
    }

    /** A recorded run of the daily rescue and how many enrolments it selected. */
    public record Execucao(long id, long candidatos) {
    }

    /** Records a run and its candidates. */
    @Transactional
    public Execucao selecionar(String processInstanceId) {
        Instant agora = clock.instant();
        GeneratedKeyHolder chave = new GeneratedKeyHolder();
        jdbc.sql("insert into resgate_execucoes (process_instance_id, iniciada_em, candidatos) values (?, ?, 0)")
                .params(processInstanceId, Datas.utc(agora)).update(chave, "id");
        long execucao = chave.getKeyAs(Number.class).longValue();
        int total = 0;
        for (ProdutoResumo produto : catalogo.produtosMonitorados()) {
            RegraAutomacao regra = regras.efetiva(TipoRegra.RESGATE_ACESSO, produto.id());
            if (regra.isAtiva()) {
                total += selecionarDoProduto(execucao, produto.id(), regra, agora);
            }
        }
        jdbc.sql("update resgate_execucoes set candidatos = ? where id = ?").params(total, execucao).update();
        log.info("Resgate de acesso: execução {} selecionou {} matrícula(s)", execucao, total);
        return new Execucao(execucao, total);
    }

    /**
     * Active, not in dispute, bought more than {@code limiar_horas} ago, still inside the rescue window (before the
     * warranty ends, else {@code limiar_dias} or 7 days after the purchase), no first access, a usable phone, not
     * opted out, and no rescue open, none within the minimum gap, fewer than {@code max_sugestoes} so far.
     */
    int selecionarDoProduto(long execucao, Long produtoId, RegraAutomacao regra, Instant agora) {
        int horas = regra.getLimiarHoras() == null ? 24 : regra.getLimiarHoras();
        int dias = regra.getLimiarDias() == null ? janelaPadraoDias : regra.getLimiarDias();
        OffsetDateTime corte = Datas.utc(agora.minus(Duration.ofHours(horas)));
        OffsetDateTime inicioSemGarantia = Datas.utc(agora.minus(Duration.ofDays(dias)));
        OffsetDateTime limiteInferior = Datas.utc(agora.minus(GARANTIA_MAXIMA.compareTo(Duration.ofDays(dias)) > 0
                ? GARANTIA_MAXIMA : Duration.ofDays(dias)));
        OffsetDateTime intervalo = Datas.utc(agora.minus(Duration.ofHours(regra.getIntervaloMinimoHoras())));
        return jdbc.sql("""
                        insert into resgate_candidatos (execucao_id, matricula_id, transacao, data_compra)
                        select ?, m.id, m.transacao_codigo, m.data_compra
                        from matriculas m
                        join alunos a on a.id = m.aluno_id
                        where m.produto_id = ?
                          and m.status = 'ATIVA'
                          and m.data_primeiro_acesso is null
                          and m.data_compra <= ?
                          and m.data_compra > ?
                          and ((m.data_garantia is not null and m.data_garantia > ?)
                               or (m.data_garantia is null and m.data_compra > ?))
                          and a.telefone_situacao = 'VALIDO'
                          and a.opt_out_em is null
                          and not exists (select 1 from filas_disparo f
                                          where f.matricula_id = m.id and f.tipo_regra = 'RESGATE_ACESSO'
                                            and (f.status in ('PENDENTE', 'APROVADO') or f.criado_em > ?))
                          and (select count(*) from filas_disparo f
                               where f.matricula_id = m.id and f.tipo_regra = 'RESGATE_ACESSO'
                                 and f.status <> 'CANCELADO') < ?""")
                .params(execucao, produtoId, corte, limiteInferior, Datas.utc(agora), inicioSemGarantia, intervalo,
                        regra.getMaxSugestoes())
                .update();
    }

    /** The next chunk of a run's candidates, marked as started in the caller's transaction. */
    @Transactional
    public List<Candidato> proximoLote(long execucao, int tamanho) {
        List<Candidato> lote = jdbc.sql("""
                        select id, matricula_id, transacao, data_compra from resgate_candidatos
                        where execucao_id = ? and iniciado = false order by id fetch first ? rows only""")
                .params(execucao, tamanho)
                .query((rs, n) -> new Candidato(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
        if (lote.isEmpty()) {
            return lote;
        }
        jdbc.sql("update resgate_candidatos set iniciado = true where id in (:ids)")
                .param("ids", lote.stream().map(Candidato::id).toList()).update();
        jdbc.sql("update resgate_execucoes set iniciados = iniciados + ? where id = ?").params(lote.size(), execucao).update();
        return lote;
    }

    @Transactional(readOnly = true)
    public long restantes(long execucao) {
        return jdbc.sql("select count(*) from resgate_candidatos where execucao_id = ? and iniciado = false")
                .param(execucao).query(Long.class).single();
    }

    @Transactional
    public void concluir(long execucao) {
        jdbc.sql("update resgate_execucoes set concluida_em = ? where id = ?")
                .params(Datas.utc(clock.instant()), execucao).update();
    }

    public Instant agora() {
        return clock.instant();
    }
}
