package br.com.terceirizacs.catalogo;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import br.com.terceirizacs.comum.Datas;
import br.com.terceirizacs.comum.Json;
import br.com.terceirizacs.comum.NaoEncontradoException;
import br.com.terceirizacs.comum.RequisicaoInvalidaException;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Message templates as process owners edit them (admin API and the {@code /templates} page). A template is saved only
 * when {@link TemplateValidacao} finds nothing wrong, and every save is kept with who made it, when, and the template
 * before and after. A change applies to messages prepared after it; a message already waiting keeps the parameters it
 * was prepared with.
 */
@Service
class TemplateService {

    private final TemplateMensagemRepository templates;
    private final JdbcClient jdbc;
    private final Json json;
    private final Clock clock;

    TemplateService(TemplateMensagemRepository templates, JdbcClient jdbc, Json json, Clock clock) {
        this.templates = templates;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A template as the API shows it. */
    record Visao(String nome, String idioma, String categoria, String corpo, List<String> parametros,
                 String textoLivrePadrao, String botaoRotulo, String botaoUrl, Instant atualizadoEm,
                 String atualizadoPor) {
        static Visao de(TemplateMensagem t) {
            TemplateResumo r = t.resumo();
            return new Visao(r.nome(), r.idioma(), r.categoria(), r.corpo(), r.parametros(), r.textoLivrePadrao(),
                    r.botaoRotulo(), r.botaoUrl(), t.getAtualizadoEm(), t.getAtualizadoPor());
        }
    }

    /** One change: who, when, the template before (null when it was created) and after. */
    record Alteracao(String alteradoPor, OffsetDateTime alteradoEm, JsonNode antes, JsonNode depois) {
    }

    /** Whether the save created the template. */
    record Salvo(Visao template, boolean criado) {
    }

    @Transactional(readOnly = true)
    List<Visao> listar() {
        return templates.findAll().stream().map(Visao::de)
                .sorted(java.util.Comparator.comparing(Visao::nome).thenComparing(Visao::idioma)).toList();
    }

    @Transactional(readOnly = true)
    Visao obter(String nome, String idioma) {
        return Visao.de(existente(nome, idioma));
    }

    /** Creates or replaces the template {@code nome}/{@code idioma}; 400 with every problem when it is not valid. */
    @Transactional
    Salvo salvar(String nome, String idioma, TemplateValidacao.Dados dados, String usuario) {
        Map<String, String> erros = new LinkedHashMap<>(TemplateValidacao.errosDaChave(nome, idioma));
        erros.putAll(TemplateValidacao.erros(dados));
        if (!erros.isEmpty()) {
            throw new RequisicaoInvalidaException(erros);
        }
        Instant agora = clock.instant();
        TemplateMensagem t = templates.findByNomeAndIdioma(nome, idioma).orElse(null);
        boolean criado = t == null;
        String antes = criado ? null : json.escrever(Visao.de(t));
        if (criado) {
            t = new TemplateMensagem(nome, idioma, agora);
        }
        t.alterar(dados, usuario, agora);
        t = templates.saveAndFlush(t);
        jdbc.sql("insert into templates_mensagem_auditoria (template_id, alterado_por, alterado_em, antes, depois) "
                        + "values (?, ?, ?, ?, ?)")
                .params(t.getId(), usuario, Datas.utc(agora), antes, json.escrever(Visao.de(t))).update();
        return new Salvo(Visao.de(t), criado);
    }

    @Transactional(readOnly = true)
    List<Alteracao> auditoria(String nome, String idioma) {
        TemplateMensagem t = existente(nome, idioma);
        return jdbc.sql("""
                        select alterado_por, alterado_em, antes, depois from templates_mensagem_auditoria
                        where template_id = ? order by alterado_em, id""")
                .param(t.getId())
                .query((rs, n) -> new Alteracao(rs.getString(1), rs.getObject(2, OffsetDateTime.class),
                        json.lerArvore(rs.getString(3)), json.lerArvore(rs.getString(4))))
                .list();
    }

    private TemplateMensagem existente(String nome, String idioma) {
        return templates.findByNomeAndIdioma(nome, idioma).orElseThrow(() ->
                new NaoEncontradoException("Template '" + nome + "' (" + idioma + ") não encontrado"));
    }
}
