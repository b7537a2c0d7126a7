package br.com.terceirizacs.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import br.com.terceirizacs.catalogo.CatalogoService;
import br.com.terceirizacs.catalogo.TurmaService;
import br.com.terceirizacs.catalogo.Cliente;
import br.com.terceirizacs.catalogo.ProdutoResumo;
import br.com.terceirizacs.comum.Aleatorio;
import br.com.terceirizacs.comum.Datas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local demo only: six weeks of history for "Produtora Demo", so that the dashboard means something right after the
 * README's run command. Three turmas of the marketing course (two by purchase-date window, one by offer code), about
 * 320 purchases, welcome messages and clicks on the tracked link, first accesses by both origins, daily rescues
 * (approved, discarded, delivered, read, converted) and refunds, more of them among students who never accessed.
 * <p>
 * It writes the rows a real history leaves (the same tables and values the application writes) directly, because
 * a history has to be dated in the past. Seeded random: the same numbers on every fresh database, dated relative to
 * the day it runs. Runs once (skipped when the turmas exist).
 * <p>
 * Over 250 lines: one seed script, read from top to bottom like the six weeks it writes.
 */
@Component
@ConditionalOnProperty(name = "terceiriza.demo.semear", havingValue = "true")
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoHistorico implements ApplicationRunner {

    static final String SLUG = "produtora-demo";
    static final long PRODUTO = 4100001L;
    private static final Logger log = LoggerFactory.getLogger(DemoHistorico.class);
    private static final String[] NOMES = {"Ana", "Bruno", "Carla", "Diego", "Eduarda", "Felipe", "Gabriela", "Heitor",
            "Isabela", "João", "Karina", "Lucas", "Mariana", "Natália", "Otávio", "Paula", "Rafael", "Sabrina", "Tiago",
            "Vanessa", "Wesley", "Yasmin"};
    private static final String[] SOBRENOMES = {"Almeida", "Barbosa", "Cardoso", "Dias", "Ferreira", "Gomes", "Lima",
            "Martins", "Nascimento", "Oliveira", "Pereira", "Ribeiro", "Santos", "Souza", "Teixeira"};

    private final CatalogoService catalogo;
    private final TurmaService turmas;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoHistorico(CatalogoService catalogo, TurmaService turmas, JdbcTemplate jdbc, Clock clock) {
        this.catalogo = catalogo;
        this.turmas = turmas;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A turma of the demo and how many bought in it. */
    private record TurmaDemo(Long id, LocalDate inicio, LocalDate fim, String oferta, int compras) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Cliente cliente = catalogo.clientePorSlug(SLUG);
        ProdutoResumo produto = catalogo.produtoDoCliente(cliente.getId(), PRODUTO).orElseThrow();
        boolean semeado = turmas.listarTurmas(SLUG, PRODUTO).stream().anyMatch(t -> t.turma().getNome().equals("Turma 10"));
        if (semeado) {
            return;
        }
        ZoneId fuso = cliente.getFusoHorario();
        LocalDate hoje = LocalDate.now(clock.withZone(fuso));
        List<TurmaDemo> turmas = List.of(
                turma(produto, "Turma 10", hoje.minusDays(41), hoje.minusDays(28), null, 110),
                turma(produto, "Turma 11", hoje.minusDays(27), hoje.minusDays(14), null, 120),
                turma(produto, "Turma 12 (Black Friday)", hoje.minusDays(13), hoje, "blackfriday26", 90));
        Long regraBoasVindas = regra("ONBOARDING");
        Long regraResgate = regra("RESGATE_ACESSO");
        Random sorte = new Random(20261129L);
        Instant agora = clock.instant();
        int n = 0;
        for (TurmaDemo t : turmas) {
            long dias = t.fim().toEpochDay() - t.inicio().toEpochDay() + 1;
            for (int i = 0; i < t.compras(); i++, n++) {
                LocalDate dia = t.inicio().plusDays(sorte.nextInt((int) dias));
                Instant compra = dia.atStartOfDay(fuso).plusHours(8).plusMinutes(sorte.nextInt(14 * 60)).toInstant();
                // Nothing in the future, and nothing in the last 31 h but purchases under 24 h old: a purchase the rescue
                // would already select (24 h without access) whose modelled rescue (25-30 h) is not due yet would add a
                // rescue candidate that depends on the hour the demo was seeded (the README tour counts them).
                if (compra.isAfter(agora.minus(Duration.ofHours(31)))) {
                    compra = agora.minus(Duration.ofMinutes(30 + sorte.nextInt(600)));
                }
                aluno(cliente.getId(), produto.id(), t, n, compra, agora, sorte, regraBoasVindas, regraResgate);
            }
        }
        log.info("Demo: histórico de {} compras em 3 turmas semeado para '{}' (painel /painel/{})", n, SLUG, SLUG);
    }

    private TurmaDemo turma(ProdutoResumo produto, String nome, LocalDate inicio, LocalDate fim, String oferta,
                            int compras) {
        Long id = oferta == null
                ? turmas.criarTurma(SLUG, produto.hotmartProductId(), nome, null, inicio, fim).getId()
                : turmas.criarTurma(SLUG, produto.hotmartProductId(), nome, List.of(oferta), null, null).getId();
        return new TurmaDemo(id, inicio, fim, oferta, compras);
    }

    private Long regra(String tipo) {
        return jdbc.queryForObject("select id from regras_automacao where tipo = ? and produto_id is null", Long.class,
                tipo);
    }

    private void aluno(Long clienteId, Long produtoId, TurmaDemo turma, int n, Instant compra, Instant agora,
                       Random sorte, Long regraBoasVindas, Long regraResgate) {
        String nome = NOMES[sorte.nextInt(NOMES.length)] + " " + SOBRENOMES[sorte.nextInt(SOBRENOMES.length)];
        String telefone = "+55119%08d".formatted(80_000_000 + n);
        Long alunoId = inserir("""
                        insert into alunos (cliente_id, email, nome, telefone_e164, telefone_bruto, telefone_situacao,
                                            pais_iso, criado_em, atualizado_em) values (?, ?, ?, ?, ?, 'VALIDO', 'BR', ?, ?)""",
                clienteId, "aluno%03d@exemplo.com.br".formatted(n + 1), nome, telefone, telefone.substring(3),
                Datas.utc(compra), Datas.utc(compra));

        // What happens to this student, decided up front; only what has already happened by now is written.
        double perfil = sorte.nextDouble();
        Instant boasVindas = compra.plusSeconds(20 + sorte.nextInt(60));
        Instant clique = null;
        Instant primeiroAcesso = null;
        String origem = null;
        if (perfil < 0.42) {                       // opens the welcome on WhatsApp and comes in through our link
            clique = boasVindas.plus(Duration.ofMinutes(1 + sorte.nextInt(sorte.nextDouble() < 0.7 ? 90 : 600)));
            primeiroAcesso = clique.plusSeconds(30 + sorte.nextInt(600));
            origem = "link_whatsapp_terceiriza";
        } else if (perfil < 0.76) {                // finds Hotmart's e-mail first
            primeiroAcesso = compra.plus(Duration.ofMinutes(20 + sorte.nextInt(36 * 60)));
            origem = "email_hotmart";
        }
        Instant resgate = compra.plus(Duration.ofHours(25 + sorte.nextInt(6)));
        boolean semAcessoNoResgate = primeiroAcesso == null || primeiroAcesso.isAfter(resgate);
        String situacaoResgate = null;
        Instant resgateEnviado = null;
        Instant resgateEntregue = null;
        Instant resgateLido = null;
        if (semAcessoNoResgate && primeiroAcesso == null && !resgate.isAfter(agora)) {
            situacaoResgate = sorte.nextDouble() < 0.85 ? "ENVIADO" : "REJEITADO";
            if (situacaoResgate.equals("ENVIADO")) {
                resgateEnviado = resgate.plus(Duration.ofMinutes(10 + sorte.nextInt(120)));
                resgateEntregue = sorte.nextDouble() < 0.95 ? resgateEnviado.plusSeconds(3 + sorte.nextInt(30)) : null;
                resgateLido = resgateEntregue != null && sorte.nextDouble() < 0.7
                        ? resgateEntregue.plus(Duration.ofMinutes(2 + sorte.nextInt(300))) : null;
                if (resgateLido != null && sorte.nextDouble() < 0.5) {   // the rescue works: click, then first access
                    clique = resgateLido.plusSeconds(20 + sorte.nextInt(300));
                    primeiroAcesso = clique.plusSeconds(30 + sorte.nextInt(900));
                    origem = "link_whatsapp_terceiriza";
                }
            }
        }
        if (primeiroAcesso != null && primeiroAcesso.isAfter(agora)) {
            primeiroAcesso = null;
            origem = null;
        }
        if (clique != null && clique.isAfter(agora)) {
            clique = null;
        }
        boolean reembolso = sorte.nextDouble() < (primeiroAcesso == null ? 0.22 : 0.03);
        Instant reembolsoEm = compra.plus(Duration.ofHours(30 + sorte.nextInt(5 * 24)));
        if (reembolsoEm.isAfter(agora)) {
            reembolso = false;
        }
        String status = reembolso ? "REEMBOLSADA" : "ATIVA";
        Instant statusEm = reembolso ? reembolsoEm : compra;
        String transacao = "HP%010d".formatted(4_200_000_000L + n);
        String token = token();

        Long matriculaId = inserir("""
                        insert into matriculas (aluno_id, produto_id, turma_id, transacao_codigo, oferta_codigo, status,
                                                status_em, data_compra, data_garantia, data_primeiro_acesso,
                                                origem_primeiro_acesso, token_link, criado_em, atualizado_em)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                alunoId, produtoId, turma.id(), transacao, turma.oferta(), status, Datas.utc(statusEm),
                Datas.utc(compra), Datas.utc(compra.plus(Duration.ofDays(7))), Datas.utc(primeiroAcesso), origem, token,
                Datas.utc(compra), Datas.utc(agora));
        Long transacaoId = inserir("""
                        insert into transacoes (cliente_id, codigo, produto_id, aluno_id, matricula_id, status, status_em,
                                                oferta_codigo, preco, moeda, data_pedido, data_aprovacao, criado_em,
                                                atualizado_em) values (?, ?, ?, ?, ?, ?, ?, ?, 497.00, 'BRL', ?, ?, ?, ?)""",
                clienteId, transacao, produtoId, alunoId, matriculaId, reembolso ? "REEMBOLSADA" : "APROVADA",
                Datas.utc(statusEm), turma.oferta(), Datas.utc(compra), Datas.utc(compra), Datas.utc(compra),
                Datas.utc(statusEm));
        historico(transacaoId, "APROVADA", compra);
        if (reembolso) {
            historico(transacaoId, "REEMBOLSADA", reembolsoEm);
        }

        Long filaBoasVindas = fila(alunoId, matriculaId, regraBoasVindas, "ONBOARDING", "boas_vindas_acesso",
                "Compra aprovada", "ENVIADO", null, boasVindas);
        mensagem(filaBoasVindas, alunoId, telefone, "boas_vindas_acesso", boasVindas,
                boasVindas.plusSeconds(4), clique != null || sorte.nextBoolean() ? boasVindas.plusSeconds(90) : null, agora);
        if (sorte.nextDouble() < 0.6) {            // WhatsApp fetches the link preview: a robot, never credited
            acesso(matriculaId, "CLIQUE_LINK", boasVindas.plusSeconds(2), null, true);
        }
        if (situacaoResgate != null) {
            Long filaResgate = fila(alunoId, matriculaId, regraResgate, "RESGATE_ACESSO", "resgate_acesso",
                    "Sem acesso há " + Duration.between(compra, resgate).toHours() + " h", situacaoResgate,
                    situacaoResgate.equals("REJEITADO") ? "Aluno pediu para não receber mensagens pelo suporte" : null,
                    resgate);
            if (resgateEnviado != null) {
                mensagem(filaResgate, alunoId, telefone, "resgate_acesso", resgateEnviado, resgateEntregue, resgateLido,
                        agora);
            }
        }
        if (clique != null) {
            acesso(matriculaId, "CLIQUE_LINK", clique, null, false);
        }
        if (primeiroAcesso != null) {
            acesso(matriculaId, "PRIMEIRO_ACESSO", primeiroAcesso, origem, false);
            if (origem.equals("link_whatsapp_terceiriza")) {
                kpi(clienteId, produtoId, matriculaId, "PRIMEIRO_ACESSO_VIA_LINK", origem, primeiroAcesso,
                        "Primeiro acesso pelo link do WhatsApp");
            }
            if (resgateEnviado != null && !primeiroAcesso.isBefore(resgateEnviado)
                    && !primeiroAcesso.isAfter(resgateEnviado.plus(Duration.ofDays(3)))) {
                kpi(clienteId, produtoId, matriculaId, "RESGATE_CONVERTIDO", origem, primeiroAcesso,
                        "Primeiro acesso " + Duration.between(resgateEnviado, primeiroAcesso).toHours()
                                + " h depois do resgate");
            }
        }
        kpi(clienteId, produtoId, matriculaId, "ACESSO_FACILITADO_VIA_ZAP", null, boasVindas,
                "Boas-vindas com link rastreado enviadas");
    }

    private Long fila(Long alunoId, Long matriculaId, Long regraId, String tipo, String template, String motivo,
                      String status, String motivoDecisao, Instant criadaEm) {
        boolean humano = tipo.equals("RESGATE_ACESSO");
        Instant decidido = criadaEm.plus(Duration.ofMinutes(humano ? 8 : 0));
        return inserir("""
                        insert into filas_disparo (aluno_id, matricula_id, regra_id, template_sugerido, motivo, status,
                                                   decidido_por, decidido_em, motivo_decisao, criado_em, atualizado_em,
                                                   tipo_regra, modo_execucao, template_idioma, expira_em)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pt_BR', ?)""",
                alunoId, matriculaId, regraId, template, motivo, status, humano ? "csdemo" : "automatico",
                Datas.utc(decidido), motivoDecisao, Datas.utc(criadaEm), Datas.utc(decidido), tipo,
                humano ? "SUGERIR_APENAS" : "DISPARO_AUTOMATICO", Datas.utc(criadaEm.plus(Duration.ofHours(48))));
    }

    private void mensagem(Long filaId, Long alunoId, String telefone, String template, Instant enviada,
                          Instant entregue, Instant lida, Instant agora) {
        entregue = entregue != null && entregue.isAfter(agora) ? null : entregue;
        lida = entregue == null || (lida != null && lida.isAfter(agora)) ? null : lida;
        String status = lida != null ? "LIDA" : entregue != null ? "ENTREGUE" : "ENVIADA";
        inserir("""
                        insert into mensagens (fila_disparo_id, aluno_id, chave_idempotencia, template, idioma, telefone,
                                               wamid, status, enviada_em, entregue_em, lida_em, criado_em, atualizado_em)
                        values (?, ?, ?, ?, 'pt_BR', ?, ?, ?, ?, ?, ?, ?, ?)""",
                filaId, alunoId, "fila-" + filaId, template, telefone, "wamid.DEMO" + filaId, status, Datas.utc(enviada),
                Datas.utc(entregue), Datas.utc(lida), Datas.utc(enviada), Datas.utc(lida != null ? lida : enviada));
    }

    private void acesso(Long matriculaId, String tipo, Instant em, String origem, boolean robo) {
        jdbc.update("""
                        insert into acessos_log (matricula_id, tipo, ocorrido_em, origem, user_agent, robo, registrado_em)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                matriculaId, tipo, Datas.utc(em), origem,
                robo ? "WhatsApp/2.23.20.0 A" : "Mozilla/5.0 (Linux; Android 14) Mobile", robo, Datas.utc(em));
    }

    private void historico(Long transacaoId, String status, Instant em) {
        jdbc.update("""
                        insert into transacoes_historico (transacao_id, status, ocorrido_em, aplicado, registrado_em)
                        values (?, ?, ?, true, ?)""", transacaoId, status, Datas.utc(em), Datas.utc(em));
    }

    private void kpi(Long clienteId, Long produtoId, Long matriculaId, String tipo, String origem, Instant em,
                     String detalhe) {
        jdbc.update("""
                        insert into kpis_acesso (cliente_id, produto_id, matricula_id, tipo, origem, ocorrido_em, detalhe)
                        values (?, ?, ?, ?, ?, ?, ?)""", clienteId, produtoId, matriculaId, tipo, origem, Datas.utc(em),
                detalhe);
    }

    private Long inserir(String sql, Object... parametros) {
        GeneratedKeyHolder chave = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < parametros.length; i++) {
                ps.setObject(i + 1, parametros[i]);
            }
            return ps;
        }, chave);
        return chave.getKeyAs(Long.class);
    }

    private static String token() {
        return Aleatorio.texto(32);
    }
}
