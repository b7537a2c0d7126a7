package br.com.terceirizacs.historia;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import br.com.terceirizacs.historia.Historia.Origem;
import br.com.terceirizacs.historia.Historia.Passo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The enrolment's side of the story, read from our tables (a read model: see package-info): the Hotmart events of its
 * transactions and of its student in its product, the dispatch queue rows with their decisions, each message with
 * every status Meta reported, clicks and accesses, replies and the opt-out. Every query rides an index: the
 * enrolment's id, its transaction codes, the queue rows' idempotency keys, the messages' wamids. It only reads.
 * <p>
 * Over 250 lines: one query per source table and the words of its steps, read top to bottom like the story.
 */
@Component
class HistoriaTabelas {

    /** The enrolment as it stands, with what the other reads need. */
    record Matricula(Historia.Resumo resumo, Long alunoId, Long clienteId, Set<String> transacoes, Instant optOutEm,
                     String optOutMotivo) {
    }

    /** A queue row: its id and the disparo instance that owns it (the engine's side of the story links by it). */
    record Fila(Long id, String processo) {
    }

    private final JdbcClient jdbc;

    HistoriaTabelas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Matricula> matricula(long id) {
        Optional<Matricula> m = jdbc.sql("""
                        select m.id, m.aluno_id, m.status, m.data_compra, m.data_primeiro_acesso, m.origem_primeiro_acesso,
                               m.transacao_codigo, m.alerta_cs, a.nome, a.email, a.telefone_e164, a.telefone_situacao,
                               a.wa_id, a.opt_out_em, a.opt_out_motivo, p.nome as produto, p.hotmart_product_id,
                               c.id as cliente_id, c.nome as cliente, c.fuso_horario
                        from matriculas m join alunos a on a.id = m.aluno_id join produtos p on p.id = m.produto_id
                        join clientes c on c.id = p.cliente_id
                        where m.id = ?""")
                .param(id)
                .query((rs, i) -> new Matricula(new Historia.Resumo(rs.getLong("id"), rs.getString("nome"),
                        rs.getString("email"), rs.getString("telefone_e164"), rs.getString("telefone_situacao"),
                        rs.getString("wa_id"), rs.getString("cliente"), rs.getString("produto"),
                        rs.getLong("hotmart_product_id"), rs.getString("transacao_codigo"), rs.getString("status"),
                        instante(rs, "data_compra"), instante(rs, "data_primeiro_acesso"),
                        rs.getString("origem_primeiro_acesso"), rs.getString("alerta_cs"), instante(rs, "opt_out_em"),
                        rs.getString("fuso_horario")),
                        rs.getLong("aluno_id"), rs.getLong("cliente_id"), new LinkedHashSet<>(Set.of(rs.getString("transacao_codigo"))),
                        instante(rs, "opt_out_em"), rs.getString("opt_out_motivo")))
                .optional();
        // renewals and replaced purchases keep their own transaction codes
        m.ifPresent(x -> x.transacoes().addAll(jdbc.sql("select codigo from transacoes where matricula_id = ?")
                .param(id).query(String.class).list()));
        return m;
    }

    List<Fila> filas(long matriculaId) {
        return jdbc.sql("select id, process_instance_id from filas_disparo where matricula_id = ? order by id")
                .param(matriculaId).query((rs, i) -> new Fila(rs.getLong("id"), rs.getString("process_instance_id")))
                .list();
    }

    /** Every step our tables know of, in no particular order (the service sorts the whole story). */
    List<Passo> passos(Matricula m) {
        List<Passo> passos = new ArrayList<>();
        ZoneId fuso = ZoneId.of(m.resumo().fuso());
        eventosHotmart(m, fuso, passos);
        filasEMensagens(m.resumo().id(), fuso, passos);
        acessos(m.resumo().id(), passos);
        respostas(m.resumo().id(), passos);
        if (m.optOutEm() != null) {
            passos.add(new Passo(m.optOutEm(), null, Origem.ALUNO, "Pediu para não receber mensagens (opt-out)",
                    m.optOutMotivo(), "aluno", null, null));
        }
        return passos;
    }

    private void eventosHotmart(Matricula m, ZoneId fuso, List<Passo> passos) {
        Map<Long, Passo> porId = new LinkedHashMap<>();
        org.springframework.jdbc.core.RowMapper<Map.Entry<Long, Passo>> linha = (rs, i) -> Map.entry(rs.getLong("id"),
                new Passo(instante(rs, "recebido_em"), null, Origem.HOTMART, Rotulos.eventoHotmart(rs.getString("evento")),
                        detalheEvento(rs, fuso), "Hotmart", null, null));
        String colunas = "select id, evento, situacao, detalhe, entregas, ocorrido_em, recebido_em from eventos_hotmart ";
        jdbc.sql(colunas + "where cliente_id = :cliente and transacao in (:transacoes)")
                .param("cliente", m.clienteId()).param("transacoes", List.copyOf(m.transacoes()))
                .query(linha).list().forEach(e -> porId.put(e.getKey(), e.getValue()));
        // club events (first access, modules) carry no transaction: they are the student's in the product
        jdbc.sql(colunas + "where cliente_id = :cliente and produto_hotmart_id = :produto and email = :email")
                .param("cliente", m.clienteId()).param("produto", m.resumo().hotmartProductId())
                .param("email", m.resumo().email())
                .query(linha).list().forEach(e -> porId.putIfAbsent(e.getKey(), e.getValue()));
        passos.addAll(porId.values());
    }

    private static String detalheEvento(ResultSet rs, ZoneId fuso) throws SQLException {
        StringBuilder s = new StringBuilder(Rotulos.situacaoEvento(rs.getString("situacao")));
        if (rs.getString("detalhe") != null) {
            s.append(": ").append(rs.getString("detalhe"));
        }
        Instant ocorrido = instante(rs, "ocorrido_em");
        if (ocorrido != null) {
            s.append(" (evento de ").append(Rotulos.dataHora(ocorrido, fuso)).append(" na Hotmart)");
        }
        int entregas = rs.getInt("entregas");
        if (entregas > 1) {
            s.append("; entregue ").append(entregas).append(" vezes pela Hotmart, aplicado uma vez");
        }
        return s.toString();
    }

    private void filasEMensagens(long matriculaId, ZoneId fuso, List<Passo> passos) {
        List<Long> filas = new ArrayList<>();
        jdbc.sql("""
                        select id, tipo_regra, modo_execucao, template_sugerido, motivo, status, texto_previa, texto_editado,
                               decidido_por, decidido_em, motivo_decisao, criado_em, atualizado_em
                        from filas_disparo where matricula_id = ?""")
                .param(matriculaId)
                .query((ResultSet rs) -> {
                    long id = rs.getLong("id");
                    filas.add(id);
                    String regra = Rotulos.regra(rs.getString("tipo_regra"));
                    String texto = rs.getString("texto_previa");
                    passos.add(new Passo(instante(rs, "criado_em"), null, Origem.FILA,
                            regra + " " + Rotulos.modo(rs.getString("modo_execucao")) + " (fila " + id + ")",
                            juntar(rotulado("motivo", rs.getString("motivo")),
                                    rotulado("template", rs.getString("template_sugerido")),
                                    rs.getString("texto_editado") != null ? "texto livre editado por quem aprovou" : null,
                                    rotulado("mensagem", texto)),
                            "sistema", null, null));
                    String status = rs.getString("status");
                    String por = rs.getString("decidido_por");
                    boolean pessoa = por != null && !"automatico".equals(por);
                    if (instante(rs, "decidido_em") != null) {
                        passos.add(new Passo(instante(rs, "decidido_em"), null, Origem.FILA,
                                regra + ": " + Rotulos.decisaoFila(status, pessoa) + " (fila " + id + ")",
                                "REJEITADO".equals(status) ? rs.getString("motivo_decisao") : null,
                                pessoa ? por : "sistema", null, null));
                    }
                    // closing a row (sent, failed, cancelled, expired) sets only atualizado_em: a closed row never changes
                    String fim = Rotulos.encerramentoFila(status);
                    if (fim != null) {
                        passos.add(new Passo(instante(rs, "atualizado_em"), null, Origem.FILA,
                                regra + ": " + fim + " (fila " + id + ")", rs.getString("motivo_decisao"), "sistema",
                                null, null));
                    }
                });
        if (filas.isEmpty()) {
            return;
        }
        List<String> chaves = filas.stream().map(id -> "fila:" + id).toList();
        Map<String, Long> mensagemPorWamid = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, fila_disparo_id, template, status, wamid, erro_codigo, erro_detalhe, tentativas,
                               enviando_em, enviada_em, falhou_em, criado_em, atualizado_em
                        from mensagens where chave_idempotencia in (:chaves)""")
                .param("chaves", chaves)
                .query((ResultSet rs) -> {
                    long id = rs.getLong("id");
                    String status = rs.getString("status");
                    String rotulo = "Mensagem " + id + " (fila " + rs.getLong("fila_disparo_id") + ", template "
                            + rs.getString("template") + ")";
                    if (rs.getString("wamid") != null) {
                        mensagemPorWamid.put(rs.getString("wamid"), id);
                    }
                    if (instante(rs, "enviando_em") != null) {
                        passos.add(new Passo(instante(rs, "enviando_em"), null, Origem.WHATSAPP,
                                rotulo + ": pedido de envio à Meta", "tentativas: " + rs.getInt("tentativas"),
                                "sistema", null, null));
                    }
                    Instant aceita = instante(rs, "enviada_em");
                    if (aceita != null) {
                        passos.add(new Passo(aceita, null, Origem.WHATSAPP, rotulo + ": " + ("SIMULADA".equals(status)
                                ? "SIMULADA (modo simulação: nada saiu)" : "aceita pela Meta (ENVIADA)"),
                                rs.getString("wamid") == null ? null : "id no WhatsApp: " + rs.getString("wamid"),
                                "SIMULADA".equals(status) ? "sistema" : "Meta", null, null));
                    }
                    if (Set.of("INCERTA", "NAO_ENVIADA", "FALHOU", "NOVA", "ENVIANDO").contains(status)) {
                        Instant quando = instante(rs, "falhou_em") != null ? instante(rs, "falhou_em")
                                : instante(rs, "atualizado_em");
                        passos.add(new Passo(quando, null, Origem.WHATSAPP, rotulo + ": " + Rotulos.statusMensagem(status),
                                rs.getObject("erro_codigo") == null ? rs.getString("erro_detalhe")
                                        : "(#" + rs.getInt("erro_codigo") + ") " + rs.getString("erro_detalhe"),
                                "sistema", null, null));
                    }
                });
        if (mensagemPorWamid.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        select wamid, status, ocorrido_em, erro_codigo, erro_titulo, registrado_em
                        from mensagens_status where wamid in (:wamids)""")
                .param("wamids", List.copyOf(mensagemPorWamid.keySet()))
                .query((ResultSet rs) -> {
                    passos.add(new Passo(instante(rs, "ocorrido_em"), null, Origem.WHATSAPP,
                            "Mensagem " + mensagemPorWamid.get(rs.getString("wamid")) + ": "
                                    + Rotulos.statusMeta(rs.getString("status")),
                            juntar(rs.getObject("erro_codigo") == null ? null
                                            : "(#" + rs.getInt("erro_codigo") + ") " + rs.getString("erro_titulo"),
                                    "aviso recebido em " + Rotulos.dataHora(instante(rs, "registrado_em"), fuso)),
                            "Meta", null, null));
                });
    }

    private void acessos(long matriculaId, List<Passo> passos) {
        jdbc.sql("select tipo, ocorrido_em, origem, modulo_nome, robo from acessos_log where matricula_id = ? order by ocorrido_em")
                .param(matriculaId)
                .query((ResultSet rs) -> {
                    boolean robo = rs.getBoolean("robo");
                    passos.add(new Passo(instante(rs, "ocorrido_em"), null, Origem.ALUNO,
                            Rotulos.acesso(rs.getString("tipo"), rs.getString("modulo_nome")),
                            robo ? "robô de pré-visualização de link (não conta como clique do aluno)"
                                    : rs.getString("origem") == null ? null : "origem: " + Rotulos.origemAcesso(rs.getString("origem")),
                            robo ? "robô" : "aluno", null, null));
                });
    }

    private void respostas(long matriculaId, List<Passo> passos) {
        jdbc.sql("select tipo, texto, opt_out, recebida_em from respostas_whatsapp where matricula_id = ? order by recebida_em")
                .param(matriculaId)
                .query((ResultSet rs) -> {
                    passos.add(new Passo(instante(rs, "recebida_em"), null, Origem.ALUNO,
                            rs.getBoolean("opt_out") ? "Respondeu no WhatsApp pedindo para sair" : "Respondeu no WhatsApp",
                            rs.getString("texto") != null ? "“" + rs.getString("texto") + "”" : "(" + rs.getString("tipo") + ")",
                            "aluno", null, null));
                });
    }

    private static String rotulado(String rotulo, String valor) {
        return valor == null || valor.isBlank() ? null : rotulo + ": " + valor;
    }

    private static String juntar(String... partes) {
        return String.join("; ", java.util.Arrays.stream(partes).filter(p -> p != null && !p.isBlank()).toList());
    }

    static Instant instante(ResultSet rs, String coluna) throws SQLException {
        OffsetDateTime t = rs.getObject(coluna, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
