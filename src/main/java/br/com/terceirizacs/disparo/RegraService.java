package br.com.terceirizacs.disparo;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.comum.ConflitoException;
import br.com.terceirizacs.comum.Datas;
import br.com.terceirizacs.comum.Json;
import br.com.terceirizacs.comum.NaoEncontradoException;
import br.com.terceirizacs.comum.RequisicaoInvalidaException;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Automation rules: the effective rule of a product, changes with audit, and the hybrid-control guard. */
@Service
public class RegraService {

    private final RegraAutomacaoRepository regras;
    private final CatalogoService catalogo;
    private final JdbcClient jdbc;
    private final Json json;
    private final Clock clock;

    RegraService(RegraAutomacaoRepository regras, CatalogoService catalogo, JdbcClient jdbc, Json json,
                 Clock clock) {
        this.regras = regras;
        this.catalogo = catalogo;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public record DadosRegra(String nome, ModoExecucao modoExecucao, boolean ativa, Integer limiarHoras,
                             Integer limiarDias, String templateNome, String templateIdioma, Integer expiracaoHoras,
                             Integer maxSugestoes, Integer intervaloMinimoHoras) {
    }

    /** The product's override when it has one, else the global rule. */
    @Transactional(readOnly = true)
    public RegraAutomacao efetiva(TipoRegra tipo, Long produtoId) {
        return regras.findByChave(tipo.name() + ":" + produtoId)
                .or(() -> regras.findByChave(tipo.name() + ":global"))
                .orElseThrow(() -> new IllegalStateException("Regra global ausente: " + tipo));
    }

    @Transactional(readOnly = true)
    public List<RegraAutomacao> listar() {
        return regras.findAllByOrderByTipoAscProdutoIdAsc();
    }

    @Transactional(readOnly = true)
    public RegraAutomacao obter(Long id) {
        return regras.findById(id).orElseThrow(() -> new NaoEncontradoException("Regra " + id + " não encontrada"));
    }

    @Transactional
    public RegraAutomacao alterar(Long id, DadosRegra dados, String usuario) {
        RegraAutomacao regra = obter(id);
        validar(regra.getTipo(), dados);
        String antes = snapshot(regra);
        regra.alterar(dados.nome(), dados.modoExecucao(), dados.ativa(), dados.limiarHoras(), dados.limiarDias(),
                dados.templateNome(), dados.templateIdioma(), dados.expiracaoHoras(), dados.maxSugestoes(),
                dados.intervaloMinimoHoras(), clock.instant());
        regras.flush();
        auditar(regra, usuario, antes);
        return regra;
    }

    /** Creates the override of one product (a copy of the global rule with the given data). */
    @Transactional
    public RegraAutomacao sobrescrever(TipoRegra tipo, String slug, Long hotmartProductId, DadosRegra dados,
                                       String usuario) {
        Long produtoId = catalogo.listarProdutos(slug).stream()
                .filter(p -> p.hotmartProductId().equals(hotmartProductId)).findFirst()
                .orElseThrow(() -> new NaoEncontradoException("Produto " + hotmartProductId + " não encontrado para '" + slug + "'"))
                .id();
        regras.findByChave(tipo.name() + ":" + produtoId).ifPresent(existente -> {
            throw new ConflitoException("O produto já tem uma regra " + tipo + " (id " + existente.getId()
                    + "); para alterá-la use PUT /api/regras/" + existente.getId());
        });
        validar(tipo, dados);
        RegraAutomacao regra = RegraAutomacao.sobrescrita(efetiva(tipo, null), produtoId, clock.instant());
        regra.alterar(dados.nome(), dados.modoExecucao(), dados.ativa(), dados.limiarHoras(), dados.limiarDias(),
                dados.templateNome(), dados.templateIdioma(), dados.expiracaoHoras(), dados.maxSugestoes(),
                dados.intervaloMinimoHoras(), clock.instant());
        regra = regras.saveAndFlush(regra);
        auditar(regra, usuario, null);
        return regra;
    }

    public record Alteracao(String alteradoPor, java.time.OffsetDateTime alteradoEm, JsonNode antes, JsonNode depois) {
    }

    @Transactional(readOnly = true)
    public List<Alteracao> auditoria(Long regraId) {
        obter(regraId);
        return jdbc.sql("""
                        select alterado_por, alterado_em, antes, depois from regras_automacao_auditoria
                        where regra_id = ? order by alterado_em, id""")
                .param(regraId)
                .query((rs, n) -> new Alteracao(rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class),
                        json.lerArvore(rs.getString(3)), json.lerArvore(rs.getString(4))))
                .list();
    }

    private void validar(TipoRegra tipo, DadosRegra dados) {
        if (dados.modoExecucao() == ModoExecucao.DISPARO_AUTOMATICO && !tipo.automaticoPermitido()) {
            throw new RequisicaoInvalidaException("modoExecucao", "disparo automático não é permitido para regras de "
                    + tipo.rotulo().toLowerCase() + "; elas sempre passam pela aprovação do CS");
        }
        if (dados.templateNome() != null && catalogo.template(dados.templateNome(),
                dados.templateIdioma() == null ? "pt_BR" : dados.templateIdioma()).isEmpty()) {
            throw new RequisicaoInvalidaException("templateNome", "template '" + dados.templateNome() + "' ("
                    + dados.templateIdioma() + ") não cadastrado");
        }
    }

    private void auditar(RegraAutomacao regra, String usuario, String antes) {
        jdbc.sql("insert into regras_automacao_auditoria (regra_id, alterado_por, alterado_em, antes, depois) values (?, ?, ?, ?, ?)")
                .params(regra.getId(), usuario, Datas.utc(clock.instant()), antes, snapshot(regra)).update();
    }

    private String snapshot(RegraAutomacao r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nome", r.getNome());
        m.put("modoExecucao", r.getModoExecucao());
        m.put("ativa", r.isAtiva());
        m.put("limiarHoras", r.getLimiarHoras());
        m.put("limiarDias", r.getLimiarDias());
        m.put("templateNome", r.getTemplateNome());
        m.put("templateIdioma", r.getTemplateIdioma());
        m.put("expiracaoHoras", r.getExpiracaoHoras());
        m.put("maxSugestoes", r.getMaxSugestoes());
        m.put("intervaloMinimoHoras", r.getIntervaloMinimoHoras());
        return json.escrever(m);
    }
}
