package br.com.terceirizacs.hotmart;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import br.com.terceirizacs.IntegracaoBase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HotmartWebhookTest extends IntegracaoBase {

    @org.springframework.beans.factory.annotation.Autowired
    InboxDespachante despachante;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "purchase-approved.json, PROCESSADO",
            "purchase-approved-subscription.json, PROCESSADO",
            "purchase-complete.json, PROCESSADO",
            "purchase-refunded.json, PROCESSADO",
            "purchase-chargeback.json, PROCESSADO",
            "purchase-canceled.json, SEM_EFEITO",
            "purchase-protest.json, PROCESSADO",
            "purchase-out-of-shopping-cart.json, IGNORADO",
            "subscription-cancellation.json, AGUARDANDO_COMPRA",
            "club-first-access.json, AGUARDANDO_COMPRA",
            "club-first-access.documented.json, AGUARDANDO_COMPRA",
            "club-module-completed.json, AGUARDANDO_COMPRA"})
    void cadaAmostraDaHotmartEhGuardadaConfirmadaComDoisCentosEClassificada(String arquivo, String esperado) {
        HttpResponse<String> resposta = postarWebhook(bytesDaAmostra(arquivo), HOTTOK);

        assertThat(resposta.statusCode()).isEqualTo(200);
        long id = json(resposta.body()).path("id").asLong();
        assertThat(aguardarProcessamento(id)).isEqualTo(esperado);
        assertThat(contar("select count(*) from eventos_hotmart")).isEqualTo(1);
    }

    @Test
    void todasAsAmostrasEmSequenciaDeixamCadaAlunoNoEstadoCerto() {
        for (String arquivo : List.of("purchase-approved.json", "purchase-approved-subscription.json",
                "club-first-access.json", "club-first-access.documented.json", "club-module-completed.json",
                "purchase-complete.json", "subscription-cancellation.json", "purchase-refunded.json",
                "purchase-chargeback.json", "purchase-canceled.json", "purchase-protest.json",
                "purchase-out-of-shopping-cart.json")) {
            aguardarProcessamento(postarWebhook(bytesDaAmostra(arquivo)));
        }

        Map<String, Object> mariana = matricula("mariana.souza@example.com", 4100001);
        assertThat(mariana.get("status")).isEqualTo("ATIVA");
        assertThat(instante(mariana.get("data_primeiro_acesso"))).isEqualTo(Instant.ofEpochMilli(1772460760519L));
        assertThat(mariana.get("origem_primeiro_acesso")).isEqualTo("email_hotmart");
        assertThat(mariana.get("modulo_atual_id")).isEqualTo("Qk3vB7mZ2p");
        assertThat(mariana.get("modulo_atual_nome")).isEqualTo("Módulo 1 — Primeiros passos");

        Map<String, Object> rafael = matricula("rafael.lima@example.com", 4100002);
        assertThat(rafael.get("status")).isEqualTo("CANCELADA");
        assertThat(instante(rafael.get("acesso_ate"))).isEqualTo(Instant.ofEpochMilli(1775142000000L));
        assertThat(instante(rafael.get("data_primeiro_acesso"))).isEqualTo(Instant.ofEpochMilli(1772467391022L));

        assertThat(matricula("beatriz.alves@example.com", 4100001).get("status")).isEqualTo("REEMBOLSADA");
        assertThat(matricula("carlos.nunes@example.com", 4100001).get("status")).isEqualTo("CHARGEBACK");
        assertThat(matricula("fernanda.rocha@example.com", 4100001).get("status")).isEqualTo("EM_DISPUTA");
        assertThat(contar("select count(*) from alunos where email = 'daniela.costa@example.com'")).isEqualTo(1);
        assertThat(contar("select count(*) from matriculas m join alunos a on a.id = m.aluno_id "
                + "where a.email = 'daniela.costa@example.com'")).isZero();
        assertThat(contar("select count(*) from transacoes where codigo = 'HP0000000005' and status = 'CANCELADA'"))
                .isEqualTo(1);
        assertThat(contar("select count(*) from matriculas")).isEqualTo(5);
        assertThat(contar("select count(*) from eventos_hotmart where situacao in ('PENDENTE', 'ERRO')")).isZero();
    }

    @Test
    void aCompraAprovadaCriaAlunoTransacaoEMatriculaComTelefoneE164() {
        assertThat(postarEProcessar(amostra("purchase-approved.json"))).isEqualTo("PROCESSADO");

        Map<String, Object> aluno = jdbc.sql("select * from alunos where email = 'mariana.souza@example.com'")
                .query().singleRow();
        assertThat(aluno.get("nome")).isEqualTo("Mariana Souza");
        assertThat(aluno.get("telefone_e164")).isEqualTo("+5511900000001");
        assertThat(aluno.get("telefone_bruto")).isEqualTo("11|900000001");
        assertThat(aluno.get("telefone_situacao")).isEqualTo("VALIDO");

        Map<String, Object> m = matricula("mariana.souza@example.com", 4100001);
        assertThat(m.get("status")).isEqualTo("ATIVA");
        assertThat(instante(m.get("data_compra"))).isEqualTo(Instant.ofEpochMilli(1772456162000L));
        assertThat(instante(m.get("data_garantia"))).isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
        assertThat(m.get("transacao_codigo")).isEqualTo("HP0000000001");
        assertThat((String) m.get("token_link")).hasSize(43);
        assertThat(m.get("turma_id")).isNotNull();

        Map<String, Object> tx = jdbc.sql("select * from transacoes where codigo = 'HP0000000001'").query().singleRow();
        assertThat(tx.get("status")).isEqualTo("APROVADA");
        assertThat(tx.get("oferta_codigo")).isEqualTo("k3x9mq2a");
        assertThat(tx.get("matricula_id")).isEqualTo(m.get("id"));
    }

    @Test
    void oMesmoEventoEntregueTresVezesTemUmSoEfeito() {
        byte[] corpo = bytesDaAmostra("purchase-approved.json");
        long primeiro = postarWebhook(corpo);
        long segundo = postarWebhook(corpo);
        long terceiro = postarWebhook(corpo);

        assertThat(segundo).isEqualTo(primeiro);
        assertThat(terceiro).isEqualTo(primeiro);
        aguardarProcessamento(primeiro);
        assertThat(contar("select count(*) from eventos_hotmart")).isEqualTo(1);
        assertThat(contar("select entregas from eventos_hotmart where id = ?", primeiro)).isEqualTo(3);
        assertThat(contar("select count(*) from matriculas")).isEqualTo(1);
        assertThat(contar("select count(*) from transacoes_historico")).isEqualTo(1);
    }

    @Test
    void oitoEntregasSimultaneasDoMesmoEventoViramUmaSo() throws Exception {
        byte[] corpo = bytesDaAmostra("purchase-approved.json");
        CountDownLatch largada = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> respostas = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                respostas.add(pool.submit((Callable<HttpResponse<String>>) () -> {
                    largada.await();
                    return postarWebhook(corpo, HOTTOK);
                }));
            }
            largada.countDown();
            for (Future<HttpResponse<String>> r : respostas) {
                assertThat(r.get().statusCode()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        long id = contar("select id from eventos_hotmart");
        aguardarProcessamento(id);
        assertThat(contar("select entregas from eventos_hotmart where id = ?", id)).isEqualTo(8);
        assertThat(contar("select count(*) from matriculas")).isEqualTo(1);
        assertThat(contar("select count(*) from alunos")).isEqualTo(1);
    }

    @Test
    void aMesmaTransacaoSobOutroIdDeEventoEhGuardadaComoDuplicadaSemEfeito() {
        long original = postarWebhook(amostra("purchase-approved.json"));
        ObjectNode outra = amostra("purchase-approved.json").put("id", UUID.randomUUID().toString());
        long duplicada = postarWebhook(outra);

        assertThat(duplicada).isNotEqualTo(original);
        assertThat(situacao(duplicada)).isEqualTo("DUPLICADO");
        assertThat(contar("select duplicado_de from eventos_hotmart where id = ?", duplicada)).isEqualTo(original);
        aguardarProcessamento(original);
        assertThat(contar("select count(*) from matriculas")).isEqualTo(1);
        assertThat(contar("select count(*) from transacoes_historico")).isEqualTo(1);
    }

    @Test
    void umReembolsoQueChegaAntesDaAprovacaoNaoEhDesfeitoPelaAprovacaoAtrasada() {
        ObjectNode aprovada = amostra("purchase-approved.json");
        ObjectNode reembolso = amostra("purchase-refunded.json");
        reembolso.set("data", aprovada.get("data").deepCopy());
        ((ObjectNode) reembolso.path("data").path("purchase")).put("status", "REFUNDED");
        reembolso.put("creation_date", aprovada.path("creation_date").asLong() + 3_600_000);

        assertThat(postarEProcessar(reembolso)).isEqualTo("PROCESSADO");
        assertThat(postarEProcessar(aprovada)).isEqualTo("SEM_EFEITO");

        assertThat(matricula("mariana.souza@example.com", 4100001).get("status")).isEqualTo("REEMBOLSADA");
        assertThat(contar("select count(*) from transacoes where status = 'REEMBOLSADA'")).isEqualTo(1);
        assertThat(contar("select count(*) from transacoes_historico where aplicado = false")).isEqualTo(1);
    }

    @Test
    void oReembolsoDeUmaCompraConhecidaEncerraAMatricula() {
        postarEProcessar(amostra("purchase-approved.json"));
        ObjectNode reembolso = amostra("purchase-approved.json")
                .put("id", UUID.randomUUID().toString()).put("event", "PURCHASE_REFUNDED")
                .put("creation_date", 1772542800000L);

        assertThat(postarEProcessar(reembolso)).isEqualTo("PROCESSADO");
        Map<String, Object> m = matricula("mariana.souza@example.com", 4100001);
        assertThat(m.get("status")).isEqualTo("REEMBOLSADA");
        assertThat(instante(m.get("status_em"))).isEqualTo(Instant.ofEpochMilli(1772542800000L));
    }

    @Test
    void aRenovacaoDeAssinaturaRegistraOPagamentoNaMesmaMatricula() {
        postarEProcessar(amostra("purchase-approved-subscription.json"));
        ObjectNode renovacao = amostra("purchase-approved-subscription.json")
                .put("id", UUID.randomUUID().toString()).put("creation_date", 1775142100000L);
        ObjectNode compra = (ObjectNode) renovacao.path("data").path("purchase");
        compra.put("transaction", "HP0000000022").put("recurrence_number", 2).put("approved_date", 1775142050000L);

        assertThat(postarEProcessar(renovacao)).isEqualTo("PROCESSADO");

        assertThat(contar("select count(*) from matriculas")).isEqualTo(1);
        Map<String, Object> m = matricula("rafael.lima@example.com", 4100002);
        assertThat(m.get("transacao_codigo")).isEqualTo("HP0000000002");
        assertThat(instante(m.get("data_compra"))).isEqualTo(Instant.ofEpochMilli(1772463611000L));
        assertThat(contar("select count(*) from transacoes where matricula_id = ?", m.get("id"))).isEqualTo(2);
        assertThat(contar("select recorrencia from transacoes where codigo = 'HP0000000022'")).isEqualTo(2);
    }

    @Test
    void oPurchaseCompleteNuncaEhUmaSegundaVenda() {
        postarEProcessar(amostra("purchase-approved.json"));
        assertThat(postarEProcessar(amostra("purchase-complete.json"))).isEqualTo("SEM_EFEITO");

        assertThat(contar("select count(*) from matriculas")).isEqualTo(1);
        assertThat(contar("select count(*) from transacoes")).isEqualTo(1);
        assertThat(contar("select count(*) from transacoes where status = 'COMPLETA'")).isEqualTo(1);
    }

    @Test
    void aDisputaSuspendeEUmCompleteMaisRecenteReativaMasUmMaisAntigoNao() {
        postarEProcessar(amostra("purchase-approved.json"));
        ObjectNode disputa = amostra("purchase-approved.json").put("id", UUID.randomUUID().toString())
                .put("event", "PURCHASE_PROTEST").put("creation_date", 1772900000000L);
        assertThat(postarEProcessar(disputa)).isEqualTo("PROCESSADO");
        assertThat(matricula("mariana.souza@example.com", 4100001).get("status")).isEqualTo("EM_DISPUTA");

        ObjectNode completeAntigo = amostra("purchase-complete.json").put("creation_date", 1772800000000L);
        assertThat(postarEProcessar(completeAntigo)).isEqualTo("SEM_EFEITO");
        assertThat(matricula("mariana.souza@example.com", 4100001).get("status")).isEqualTo("EM_DISPUTA");
    }

    @Test
    void umCompletePosteriorADisputaDevolveAMatriculaAoEstadoAtivo() {
        postarEProcessar(amostra("purchase-approved.json"));
        ObjectNode disputa = amostra("purchase-approved.json").put("id", UUID.randomUUID().toString())
                .put("event", "PURCHASE_PROTEST").put("creation_date", 1772900000000L);
        postarEProcessar(disputa);

        assertThat(postarEProcessar(amostra("purchase-complete.json"))).isEqualTo("PROCESSADO");
        assertThat(matricula("mariana.souza@example.com", 4100001).get("status")).isEqualTo("ATIVA");
    }

    @Test
    void oPrimeiroAcessoEhLidoNasDuasGrafiasDaDataEOPrimeiroVence() {
        postarEProcessar(amostra("purchase-approved.json"));
        postarEProcessar(amostra("purchase-approved-subscription.json"));

        assertThat(postarEProcessar(amostra("club-first-access.json"))).isEqualTo("PROCESSADO");
        assertThat(postarEProcessar(amostra("club-first-access.documented.json"))).isEqualTo("PROCESSADO");

        assertThat(instante(matricula("mariana.souza@example.com", 4100001).get("data_primeiro_acesso")))
                .isEqualTo(Instant.ofEpochMilli(1772460760519L));
        assertThat(instante(matricula("rafael.lima@example.com", 4100002).get("data_primeiro_acesso")))
                .isEqualTo(Instant.ofEpochMilli(1772467391022L));

        ObjectNode outroAcesso = amostra("club-first-access.json").put("id", UUID.randomUUID().toString())
                .put("creationDate", 1772470000000L);
        ((ObjectNode) outroAcesso.path("data").path("user")).put("email", "MARIANA.SOUZA@example.com");
        long repetido = postarWebhook(outroAcesso);
        assertThat(situacao(repetido)).as("mesmo aluno e produto: o e-mail compara sem caixa").isEqualTo("DUPLICADO");
        assertThat(instante(matricula("mariana.souza@example.com", 4100001).get("data_primeiro_acesso")))
                .isEqualTo(Instant.ofEpochMilli(1772460760519L));
    }

    @Test
    void eventosDeClubeAntesDaCompraSaoGuardadosEAplicadosQuandoACompraChega() {
        assertThat(postarEProcessar(amostra("club-module-completed.json"))).isEqualTo("AGUARDANDO_COMPRA");
        assertThat(postarEProcessar(amostra("club-first-access.json"))).isEqualTo("AGUARDANDO_COMPRA");

        assertThat(postarEProcessar(amostra("purchase-approved.json"))).isEqualTo("PROCESSADO");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() ->
                contar("select count(*) from eventos_hotmart where situacao = 'PROCESSADO'") == 3);
        Map<String, Object> m = matricula("mariana.souza@example.com", 4100001);
        assertThat(instante(m.get("data_primeiro_acesso"))).isEqualTo(Instant.ofEpochMilli(1772460760519L));
        assertThat(m.get("modulo_atual_id")).isEqualTo("Qk3vB7mZ2p");
        assertThat(contar("select count(*) from acessos_log where tipo = 'MODULO_CONCLUIDO'")).isEqualTo(1);
    }

    @Test
    void oModuloConcluidoComIdDeProdutoEmTextoRegistraOProgresso() {
        postarEProcessar(amostra("purchase-approved.json"));
        assertThat(postarEProcessar(amostra("club-module-completed.json"))).isEqualTo("PROCESSADO");

        Map<String, Object> m = matricula("mariana.souza@example.com", 4100001);
        assertThat(m.get("modulo_atual_nome")).isEqualTo("Módulo 1 — Primeiros passos");
        assertThat(instante(m.get("ultimo_progresso_em"))).isEqualTo(Instant.ofEpochMilli(1772748191204L));
        assertThat(contar("select count(*) from acessos_log where tipo = 'MODULO_CONCLUIDO' and modulo_id = 'Qk3vB7mZ2p'"))
                .isEqualTo(1);
    }

    @Test
    void oCancelamentoDeAssinaturaEncerraAMatriculaComAcessoAteAProximaCobranca() {
        postarEProcessar(amostra("purchase-approved-subscription.json"));
        assertThat(postarEProcessar(amostra("subscription-cancellation.json"))).isEqualTo("PROCESSADO");

        Map<String, Object> m = matricula("rafael.lima@example.com", 4100002);
        assertThat(m.get("status")).isEqualTo("CANCELADA");
        assertThat(instante(m.get("acesso_ate"))).isEqualTo(Instant.ofEpochMilli(1775142000000L));

        ObjectNode aprovacaoRepetida = amostra("purchase-complete.json");
        ((ObjectNode) aprovacaoRepetida.path("data").path("purchase")).put("transaction", "HP0000000002");
        ((ObjectNode) aprovacaoRepetida.path("data").path("product")).put("id", 4100002);
        ((ObjectNode) aprovacaoRepetida.path("data").path("buyer")).put("email", "rafael.lima@example.com");
        aprovacaoRepetida.put("creation_date", 1775000000000L);
        assertThat(postarEProcessar(aprovacaoRepetida)).isEqualTo("SEM_EFEITO");
        assertThat(matricula("rafael.lima@example.com", 4100002).get("status")).isEqualTo("CANCELADA");
    }

    @Test
    void hottokErradoOuAusenteRecebe401ENadaEhGuardado() {
        byte[] corpo = bytesDaAmostra("purchase-approved.json");

        HttpResponse<String> errado = postarWebhook(corpo, "hottok-de-outra-conta");
        HttpResponse<String> ausente = postarWebhook(corpo, null);
        HttpResponse<String> vazio = postarWebhook(corpo, "");

        assertThat(List.of(errado.statusCode(), ausente.statusCode(), vazio.statusCode())).containsOnly(401);
        assertThat(errado.body()).doesNotContain("hottok-de-outra-conta");
        assertThat(contar("select count(*) from eventos_hotmart")).isZero();
        assertThat(contar("select count(*) from alunos")).isZero();
    }

    @Test
    void umCorpoTruncadoEhGuardadoConfirmadoEMarcadoComoJsonInvalido() {
        byte[] corpo = bytesDaAmostra("purchase-approved.json");
        byte[] truncado = java.util.Arrays.copyOf(corpo, corpo.length / 2);

        HttpResponse<String> r = postarWebhook(truncado, HOTTOK);

        assertThat(r.statusCode()).isEqualTo(200);
        long id = json(r.body()).path("id").asLong();
        assertThat(situacao(id)).isEqualTo("JSON_INVALIDO");
        assertThat(jdbc.sql("select payload from eventos_hotmart where id = ?").param(id).query(String.class).single())
                .isEqualTo(new String(truncado, StandardCharsets.UTF_8));
        assertThat(contar("select count(*) from alunos")).isZero();
    }

    @Test
    void umCorpoMaiorQueUmMebibyteRecebe413ENadaEhGuardado() {
        byte[] grande = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(grande, (byte) ' ');
        grande[0] = '{';
        grande[grande.length - 1] = '}';

        assertThat(postarWebhook(grande, HOTTOK).statusCode()).isEqualTo(413);
        assertThat(contar("select count(*) from eventos_hotmart")).isZero();
    }

    @Test
    void oHottokRepetidoNoCorpoNaoEhGuardadoEORestoFicaComoRecebido() {
        long id = postarWebhook(bytesDaAmostra("purchase-approved-subscription.json"));
        aguardarProcessamento(id);

        String guardado = jdbc.sql("select payload from eventos_hotmart where id = ?").param(id).query(String.class).single();
        assertThat(guardado).doesNotContain("hottok").doesNotContain(HOTTOK);
        assertThat(json(guardado)).isEqualTo(amostra("purchase-approved-subscription.json").without("hottok"));
        assertThat(guardado).contains("\"transaction\": \"HP0000000002\"");
    }

    @Test
    void umProdutoNaoCadastradoFicaRegistradoEPodeSerReprocessadoDepoisDoCadastro() {
        ObjectNode outroProduto = amostra("purchase-approved.json");
        ((ObjectNode) outroProduto.path("data").path("product")).put("id", 4199999);

        long id = postarWebhook(outroProduto);
        assertThat(aguardarProcessamento(id)).isEqualTo("PRODUTO_DESCONHECIDO");
        assertThat(contar("select count(*) from matriculas")).isZero();

        catalogo.criarProduto(SLUG, 4199999L, "Curso Novo", true, null, null);
        HttpResponse<String> r = comoAdmin("POST", "/api/eventos-hotmart/" + id + "/reprocessar", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r.body()).path("situacao").asText()).isEqualTo("PROCESSADO");
        assertThat(contar("select count(*) from matriculas")).isEqualTo(1);
    }

    @Test
    void oEnvioDeTesteDoPainelComProdutoZeroNaoCriaAluno() {
        ObjectNode teste = amostra("purchase-approved.json");
        ((ObjectNode) teste.path("data").path("product")).put("id", 0).put("name", "Produto test postback2");
        ((ObjectNode) teste.path("data").path("buyer")).put("checkout_phone_code", "999999999")
                .put("checkout_phone", "99999999900");

        assertThat(postarEProcessar(teste)).isEqualTo("EVENTO_DE_TESTE");
        assertThat(contar("select count(*) from alunos")).isZero();
    }

    @Test
    void umEventoDeTipoDesconhecidoOuSemCamposEhConfirmadoEMarcado() {
        ObjectNode desconhecido = amostra("purchase-approved.json").put("event", "SWITCH_PLAN");
        assertThat(postarEProcessar(desconhecido)).isEqualTo("IGNORADO");

        ObjectNode semComprador = amostra("purchase-approved.json").put("id", UUID.randomUUID().toString());
        ((ObjectNode) semComprador.path("data").path("purchase")).put("transaction", "HP0000000099");
        ((ObjectNode) semComprador.path("data")).remove("buyer");
        long id = postarWebhook(semComprador);
        assertThat(aguardarProcessamento(id)).isEqualTo("CAMPOS_AUSENTES");
        assertThat(jdbc.sql("select detalhe from eventos_hotmart where id = ?").param(id).query(String.class).single())
                .contains("data.buyer.email");

        ObjectNode semEvento = amostra("purchase-approved.json").put("id", UUID.randomUUID().toString());
        semEvento.remove("event");
        assertThat(postarEProcessar(semEvento)).isEqualTo("CAMPOS_AUSENTES");
        assertThat(contar("select count(*) from matriculas")).isZero();
    }

    @Test
    void umEventoSemVariosCamposNomeiaTodosDeUmaVez() {
        ObjectNode semVarios = amostra("purchase-approved.json").put("id", UUID.randomUUID().toString());
        ((ObjectNode) semVarios.path("data").path("purchase")).remove("transaction");
        ((ObjectNode) semVarios.path("data")).remove("buyer");
        ((ObjectNode) semVarios.path("data")).remove("product");
        long id = postarWebhook(semVarios);

        assertThat(aguardarProcessamento(id)).isEqualTo("CAMPOS_AUSENTES");
        assertThat(detalhe(id)).isEqualTo(
                "Campos obrigatórios ausentes: data.product.id, data.purchase.transaction, data.buyer.email");

        ObjectNode moduloSemNada = amostra("club-module-completed.json").put("id", UUID.randomUUID().toString());
        ((ObjectNode) moduloSemNada.path("data")).remove("user");
        ((ObjectNode) moduloSemNada.path("data")).remove("module");
        long modulo = postarWebhook(moduloSemNada);
        assertThat(aguardarProcessamento(modulo)).isEqualTo("CAMPOS_AUSENTES");
        assertThat(detalhe(modulo)).isEqualTo("Campos obrigatórios ausentes: data.user.email, data.module.id");
    }

    @Test
    void umTipoDesconhecidoEhGuardadoComUmAvisoNoLogEContadoPorTipo() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger(EventosDesconhecidos.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> linhas =
                new ch.qos.logback.core.read.ListAppender<>();
        linhas.start();
        logger.addAppender(linhas);
        double antes = contagemDesconhecidos("PURCHASE_NOVIDADE_2027");
        try {
            ObjectNode novo = amostra("purchase-approved.json").put("id", UUID.randomUUID().toString())
                    .put("event", "purchase_novidade-2027");
            long id = postarWebhook(novo);

            assertThat(aguardarProcessamento(id)).isEqualTo("IGNORADO");
            assertThat(detalhe(id)).contains("Tipo de evento desconhecido");
            assertThat(linhas.list).anySatisfy(l -> {
                assertThat(l.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
                assertThat(l.getFormattedMessage()).contains("tipo desconhecido 'PURCHASE_NOVIDADE_2027'")
                        .contains("evento interno " + id);
            });
            assertThat(contagemDesconhecidos("PURCHASE_NOVIDADE_2027")).isEqualTo(antes + 1);

            linhas.list.clear();
            ObjectNode documentado = amostra("purchase-out-of-shopping-cart.json").put("id", UUID.randomUUID().toString());
            assertThat(postarEProcessar(documentado)).isEqualTo("IGNORADO");
            assertThat(linhas.list).as("um tipo documentado que não usamos não é um aviso").isEmpty();
        } finally {
            logger.detachAppender(linhas);
        }
    }

    @Test
    void oErroDoLeitorDeJsonFicaGuardadoComOEvento() {
        byte[] corpo = bytesDaAmostra("purchase-approved.json");
        long id = json(postarWebhook(java.util.Arrays.copyOf(corpo, corpo.length / 2), HOTTOK).body()).path("id").asLong();

        assertThat(situacao(id)).isEqualTo("JSON_INVALIDO");
        assertThat(detalhe(id)).startsWith("O corpo não é um JSON válido: Unexpected end-of-input").contains("(linha ");
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry metricas;

    private double contagemDesconhecidos(String tipo) {
        io.micrometer.core.instrument.Counter c = metricas.find(EventosDesconhecidos.METRICA).tag("tipo", tipo).counter();
        return c == null ? 0 : c.count();
    }

    private String detalhe(long id) {
        return jdbc.sql("select detalhe from eventos_hotmart where id = ?").param(id).query(String.class).single();
    }

    @Test
    void valoresMaioresQueAsColunasOuComNulAindaSaoGuardadosEConfirmados() {
        ObjectNode idEnorme = amostra("purchase-approved.json").put("id", "x".repeat(150));
        ((ObjectNode) idEnorme.path("data").path("purchase")).put("transaction", "HP" + "9".repeat(60));
        HttpResponse<String> r = postarWebhook(bytes(idEnorme), HOTTOK);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(postarWebhook(bytes(idEnorme), HOTTOK).statusCode()).as("e a repetição é reconhecida").isEqualTo(200);
        assertThat(contar("select entregas from eventos_hotmart")).isEqualTo(2);

        byte[] comNul = "{\"id\": \"a\u0000b\", \"event\": ".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> nul = postarWebhook(comNul, HOTTOK);
        assertThat(nul.statusCode()).isEqualTo(200);
        assertThat(situacao(json(nul.body()).path("id").asLong())).isEqualTo("JSON_INVALIDO");
    }

    @Test
    void umEventoDeClubeQueFicouEsperandoUmaCompraJaExistenteEhRevisado() {
        postarEProcessar(amostra("purchase-approved.json"));
        long acesso = postarWebhook(amostra("club-first-access.json"));
        aguardarProcessamento(acesso);
        // as if it had lost the race with its purchase: waiting, looked at more than a minute ago
        jdbc.sql("update eventos_hotmart set situacao = 'AGUARDANDO_COMPRA', processado_em = ? where id = ?")
                .params(java.time.OffsetDateTime.now().minusMinutes(2), acesso).update();
        jdbc.sql("update matriculas set data_primeiro_acesso = null, origem_primeiro_acesso = null").update();

        despachante.revisarAguardando();

        assertThat(situacao(acesso)).isEqualTo("PROCESSADO");
        assertThat(matricula("mariana.souza@example.com", 4100001).get("data_primeiro_acesso")).isNotNull();
    }

    @Test
    void camposDesconhecidosSaoIgnorados() {
        ObjectNode comExtras = amostra("purchase-approved.json");
        comExtras.putObject("novidade").put("qualquer", 1);
        ((ObjectNode) comExtras.path("data").path("purchase").path("offer")).putObject("metadata").put("utm", "x");

        assertThat(postarEProcessar(comExtras)).isEqualTo("PROCESSADO");
    }

    @Test
    void oEventoGuardadoPodeSerConsultadoPeloIdDaHotmart() {
        long id = postarWebhook(amostra("purchase-approved.json"));
        aguardarProcessamento(id);

        HttpResponse<String> r = comoAdmin("GET", "/api/eventos-hotmart/8908b78b-b1fe-483f-9e16-43ecce2a078f", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r.body()).path("id").asLong()).isEqualTo(id);
        assertThat(json(r.body()).path("situacao").asText()).isEqualTo("PROCESSADO");
        assertThat(json(r.body()).path("detalhe").asText()).contains("Matrícula criada");
        assertThat(comoAdmin("GET", "/api/eventos-hotmart/" + id, null).statusCode()).isEqualTo(200);
        assertThat(comoAdmin("GET", "/api/eventos-hotmart/nao-existe", null).statusCode()).isEqualTo(404);
        assertThat(comoAdmin("GET", "/api/eventos-hotmart/987654321", null).statusCode()).isEqualTo(404);
    }

    private static Instant instante(Object valor) {
        if (valor instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (valor instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new AssertionError("não é um instante: " + valor);
    }
}
