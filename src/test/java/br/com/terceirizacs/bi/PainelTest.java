package br.com.terceirizacs.bi;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The producer's dashboard over the real application: the figures against the hand-worked fixture of
 * {@link PainelBase}, the live stream, the exports, and tenant isolation on every endpoint.
 */
class PainelTest extends PainelBase {

    @org.springframework.beans.factory.annotation.Autowired
    PainelAoVivo aoVivo;

    private JsonNode dados(Sessao s, String consulta) {
        HttpResponse<String> r = s.get("/painel/" + SLUG + "/dados" + consulta);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r.body());
    }

    @Test
    void osNumerosDoProdutorBatemComAFixturaCalculadaAMao() {
        Fixtura f = montarFixtura();
        criarUsuarioProdutor(SLUG, EMAIL_PRODUTOR, SENHA_PRODUTOR);
        JsonNode d = dados(sessao(EMAIL_PRODUTOR, SENHA_PRODUTOR), "");

        // Ana and Fabi came through the link (clicks within 24 h before the access); Bruno clicked 24 h 01 min
        // before, Duda never clicked and Gil's only click was a robot's: e-mail.
        assertThat(d.at("/numeros/compradores").asLong()).isEqualTo(7);
        assertThat(d.at("/numeros/acessaram").asLong()).isEqualTo(5);
        assertThat(d.at("/numeros/semAcesso").asLong()).isEqualTo(2);
        assertThat(d.at("/numeros/viaLink").asLong()).isEqualTo(2);
        assertThat(d.at("/numeros/viaEmail").asLong()).isEqualTo(3);
        assertThat(d.at("/manchete/frase").asText()).isEqualTo(
                "Trouxemos 40% dos primeiros acessos dos seus cursos: 2 de 5 alunos entraram pelo nosso link no WhatsApp.");
        assertThat(d.at("/manchete/regra").asText()).contains("até 24 h antes").contains("robôs");

        // medians: link = mean of Ana (5 d 23 h 59) and Fabi (8 d 0 h 10); e-mail = Bruno (7 d 0 h 01) among
        // Duda (2 h) and Gil (7 d 1 h). From the histogram's 1-hour bands (beyond 24 h): within half a band, 30 min.
        double ana = Duration.ofDays(5).plusHours(23).plusMinutes(59).toSeconds();
        double fabi = Duration.ofDays(8).plusMinutes(10).toSeconds();
        assertThat(d.at("/medianas/segundosLink").asDouble()).isCloseTo((ana + fabi) / 2, within(1800.0));
        assertThat(d.at("/medianas/segundosEmail").asDouble())
                .isCloseTo(Duration.ofDays(7).plusMinutes(1).toSeconds(), within(1800.0));
        assertThat(d.at("/medianas/email").asText()).isEqualTo("7 dias");

        // rescue: Bruno, Clara, Gil suggested; Gil discarded; Bruno delivered; Clara delivered and read; Bruno
        // accessed 24 h after the message (inside the 3-day window)
        assertThat(List.of("sugeridos", "aprovados", "enviados", "entregues", "lidos", "acessaram").stream()
                .map(k -> d.at("/funil/" + k).asLong()).toList()).containsExactly(3L, 2L, 2L, 2L, 1L, 1L);

        // refunds: Duda accessed (1 of 5); Edu never did (1 of 2)
        assertThat(d.at("/reembolsos/comAcesso").asLong()).isEqualTo(1);
        assertThat(d.at("/reembolsos/semAcesso").asLong()).isEqualTo(1);
        assertThat(d.at("/reembolsos/frase").asText()).isEqualTo(
                "Pediram reembolso 20,0% de quem acessou o curso (1 de 5) e 50,0% de quem nunca acessou (1 de 2).");

        long acessosNaLinha = 0;
        for (JsonNode dia : d.path("linhaDoTempo")) {
            acessosNaLinha += dia.path("viaLink").asLong() + dia.path("viaEmail").asLong();
        }
        assertThat(acessosNaLinha).isEqualTo(5);
        LocalDate diaDuda = LocalDate.now(SP).minusDays(2);   // bought 00:30, accessed 02:30 local time
        assertThat(d.path("linhaDoTempo").findValuesAsText("dia")).contains(diaDuda.toString());
    }

    @Test
    void cadaTurmaTemSeusNumerosPorOfertaEPorJanelaDeDatas() {
        Fixtura f = montarFixtura();
        criarUsuarioProdutor(SLUG, EMAIL_PRODUTOR, SENHA_PRODUTOR);
        Sessao s = sessao(EMAIL_PRODUTOR, SENHA_PRODUTOR);
        JsonNode d = dados(s, "");

        Map<Long, JsonNode> turmas = new java.util.HashMap<>();
        d.path("turmas").forEach(t -> turmas.put(t.path("turmaId").asLong(), t));
        // Ana bought in the window but with the VIP offer: the offer decides
        assertThat(turmas.get(f.turmaOferta()).at("/numeros/compradores").asLong()).isEqualTo(1);
        assertThat(turmas.get(f.turmaOferta()).at("/numeros/percentualLink").asDouble()).isEqualTo(100.0);
        // Bruno, Clara (23:30 on the last day of the window, local time), Edu, Gil
        JsonNode periodo = turmas.get(f.turmaPeriodo());
        assertThat(periodo.at("/numeros/compradores").asLong()).isEqualTo(4);
        assertThat(periodo.at("/numeros/acessaram").asLong()).isEqualTo(2);
        assertThat(periodo.at("/numeros/viaLink").asLong()).isZero();
        assertThat(periodo.at("/reembolsos/semAcesso").asLong()).isEqualTo(1);
        assertThat(periodo.at("/funil/sugeridos").asLong()).isEqualTo(3);
        // Duda bought at 00:30 the day after the window: the default turma of her month
        assertThat(turmas.get(f.turmaMensalDeDuda()).at("/numeros/compradores").asLong()).isEqualTo(1);
        assertThat(turmas.get(f.turmaMensalDeDuda()).at("/reembolsos/comAcesso").asLong()).isEqualTo(1);

        JsonNode soPeriodo = dados(s, "?turma=" + f.turmaPeriodo());
        assertThat(soPeriodo.at("/manchete/frase").asText()).isEqualTo("Trouxemos 0% dos primeiros acessos da Turma "
                + "Período (Curso Exemplo de Marketing Digital): 0 de 2 alunos entraram pelo nosso link no WhatsApp.");
        assertThat(soPeriodo.at("/numeros/compradores").asLong()).isEqualTo(4);

        JsonNode clube = dados(s, "?produto=" + f.produtoClube());
        assertThat(clube.at("/numeros/compradores").asLong()).isEqualTo(1);
        assertThat(clube.at("/manchete/percentual").asDouble()).isEqualTo(100.0);
    }

    @Test
    void oPeriodoCortaPelaDataDaCompraNoFusoDoProdutor() {
        montarFixtura();
        criarUsuarioProdutor(SLUG, EMAIL_PRODUTOR, SENHA_PRODUTOR);
        Sessao s = sessao(EMAIL_PRODUTOR, SENHA_PRODUTOR);
        LocalDate hoje = LocalDate.now(SP);

        // Clara: 23:30 on hoje-3 in São Paulo (already hoje-2 in UTC)
        JsonNode diaDaClara = dados(s, "?de=" + hoje.minusDays(3) + "&ate=" + hoje.minusDays(3));
        assertThat(diaDaClara.at("/numeros/compradores").asLong()).isEqualTo(1);
        assertThat(diaDaClara.at("/manchete/frase").asText()).startsWith("Ainda não há primeiros acessos");
        // Duda: 00:30 on hoje-2
        JsonNode diaDaDuda = dados(s, "?de=" + hoje.minusDays(2) + "&ate=" + hoje.minusDays(2));
        assertThat(diaDaDuda.at("/numeros/compradores").asLong()).isEqualTo(1);
        assertThat(diaDaDuda.at("/numeros/viaEmail").asLong()).isEqualTo(1);

        assertThat(s.get("/painel/" + SLUG + "/dados?de=" + hoje + "&ate=" + hoje.minusDays(1)).statusCode())
                .isEqualTo(400);
        assertThat(s.get("/painel/" + SLUG + "/dados?de=ontem").statusCode()).isEqualTo(400);
    }

    @Test
    void oCsvTrazUmaLinhaPorTurmaEOTotalParaPlanilhaBrasileira() {
        Fixtura f = montarFixtura();
        criarUsuarioProdutor(SLUG, EMAIL_PRODUTOR, SENHA_PRODUTOR);
        Sessao s = sessao(EMAIL_PRODUTOR, SENHA_PRODUTOR);

        HttpResponse<String> r = s.get("/painel/" + SLUG + "/exportar.csv?turma=" + f.turmaPeriodo());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment").contains("acessos-" + SLUG + "-turma-" + f.turmaPeriodo());
        List<String> linhas = r.body().lines().toList();
        assertThat(linhas.get(0)).startsWith("\uFEFFProduto;Turma;Compradores;Acessaram;Ainda sem acesso;");
        assertThat(linhas).hasSize(3);
        // compradores 4, acessaram 2, sem acesso 2, link 0, e-mail 2, 0,0 %, …, resgates 3/2/2/2/1/1, reembolsos 0 e 1
        assertThat(linhas.get(1)).startsWith("Curso Exemplo de Marketing Digital;Turma Período;4;2;2;0;2;0,0;")
                .endsWith(";3;2;2;2;1;1;0;0,0;0;0,0;1;50,0;0;0");
        assertThat(linhas.get(2)).startsWith("Total;").contains(";4;2;2;0;2;0,0;");

        HttpResponse<String> impressao = s.get("/painel/" + SLUG + "/impressao?turma=" + f.turmaPeriodo());
        assertThat(impressao.statusCode()).isEqualTo(200);
        assertThat(impressao.body()).contains("Trouxemos 0% dos primeiros acessos da Turma Período")
                .contains("@page { size: A4").contains("<td data-rotulo=\"Turma\">Turma Período</td>");
        // on the page, each turma of the table leads to its own filter
        assertThat(s.get("/painel/" + SLUG).body()).contains("turma=" + f.turmaOferta() + "\">Turma VIP</a>");
    }

    @Test
    void quemRespondeuNoWhatsAppContaComoEngajamentoNaTurmaENoTotal() {
        jdbc.sql("update regras_automacao set ativa = false where chave = 'ONBOARDING:global'").update();
        Instant ontem = Instant.now().minus(Duration.ofDays(1));
        compra("Ana", 1, 4100001L, null, ontem);
        compra("Bruno", 2, 4100001L, null, ontem);
        agregador.passar();
        criarUsuarioProdutor(SLUG, EMAIL_PRODUTOR, SENHA_PRODUTOR);
        Sessao s = sessao(EMAIL_PRODUTOR, SENHA_PRODUTOR);
        assertThat(dados(s, "").at("/numeros/responderam").asLong()).isZero();

        // Ana (+55 11 90000-0001) replies from her number as Meta knows it, without the ninth digit; twice
        for (String wamid : List.of("wamid.ANA-1", "wamid.ANA-2")) {
            assertThat(postarWhatsAppAssinado(amostraWhatsApp("webhook-inbound-text-sair.json")
                    .replace("\"5511900000002\"", "\"551100000001\"")
                    .replace("wamid.SEJnTjU1MTE5MDAwMDAwMDItRU5UUkFEQS0wMDAz", wamid)
                    .replace("\"body\": \"SAIR\"", "\"body\": \"Oi, não achei o link\"")).statusCode()).isEqualTo(200);
        }
        // Bruno (+55 11 90000-0002) only asks to stop: a reply CS sees, not engagement
        assertThat(postarWhatsAppAssinado(amostraWhatsApp("webhook-inbound-text-sair.json")).statusCode()).isEqualTo(200);
        assertThat(contar("select count(*) from respostas_whatsapp where opt_out = true")).isEqualTo(1);
        agregador.passar();

        JsonNode d = dados(s, "");
        assertThat(d.at("/numeros/responderam").asLong()).isEqualTo(1);
        assertThat(d.at("/numeros/percentualResposta").asDouble()).isEqualTo(50.0);
        assertThat(d.at("/turmas/0/numeros/responderam").asLong()).isEqualTo(1);
        assertThat(s.get("/painel/" + SLUG).body()).contains("Responderam no WhatsApp");
        assertThat(agregador.reconstruirTudo()).isPositive();
        assertThat(dados(s, "").at("/numeros/responderam").asLong()).isEqualTo(1);
    }

    @Test
    void reconstruirTudoDaOsMesmosNumerosQueAsPassadasIncrementais() {
        montarFixtura();
        criarUsuarioProdutor(SLUG, EMAIL_PRODUTOR, SENHA_PRODUTOR);
        Sessao s = sessao(EMAIL_PRODUTOR, SENHA_PRODUTOR);
        JsonNode incremental = dados(s, "");

        assertThat(agregador.reconstruirTudo()).isPositive();

        JsonNode reconstruido = dados(s, "");
        for (String parte : List.of("/numeros", "/medianas", "/funil", "/reembolsos", "/linhaDoTempo", "/turmas")) {
            assertThat(reconstruido.at(parte)).as(parte).isEqualTo(incremental.at(parte));
        }
    }

    @Test
    void umaNovaCompraDepoisDoReembolsoSaiDoDiaAntigoDoPainel() {
        Instant antiga = Instant.now().minus(Duration.ofDays(20));
        compra("Rita", 1, 4100001L, null, antiga);
        evento("rita", "PURCHASE_REFUNDED");
        agregador.passar();
        criarUsuarioProdutor(SLUG, EMAIL_PRODUTOR, SENHA_PRODUTOR);
        Sessao s = sessao(EMAIL_PRODUTOR, SENHA_PRODUTOR);
        LocalDate diaAntigo = LocalDate.ofInstant(antiga, SP);
        String noDiaAntigo = "?de=" + diaAntigo + "&ate=" + diaAntigo;
        assertThat(dados(s, noDiaAntigo).at("/numeros/compradores").asLong()).isEqualTo(1);

        // she buys again today, under a new transaction: the enrolment now stands for today's purchase
        ObjectNode nova = amostra("purchase-approved.json").put("id", UUID.randomUUID().toString());
        ((ObjectNode) nova.path("data").path("buyer")).put("email", email("rita"));
        ((ObjectNode) nova.path("data").path("purchase")).put("transaction", "HP777000111")
                .put("approved_date", Instant.now().toEpochMilli()).put("order_date", Instant.now().toEpochMilli());
        assertThat(postarEProcessar(nova)).isEqualTo("PROCESSADO");
        agregador.passar();

        assertThat(dados(s, noDiaAntigo).at("/numeros/compradores").asLong()).isZero();
        LocalDate hoje = LocalDate.now(SP);
        JsonNode deHoje = dados(s, "?de=" + hoje + "&ate=" + hoje);
        assertThat(deHoje.at("/numeros/compradores").asLong()).isEqualTo(1);
        assertThat(deHoje.at("/reembolsos/semAcesso").asLong()).isZero();
    }

    @Test
    void umResgateAprovadoECanceladoAntesDoEnvioContinuaContandoComoAprovado() {
        Fixtura f = montarFixtura();
        // Clara's approved rescue is cancelled (say she opted out) before it left: the team did approve it
        jdbc.sql("update filas_disparo set status = 'CANCELADO', atualizado_em = ? where matricula_id = ?")
                .params(java.time.OffsetDateTime.now(), f.matriculas().get("clara")).update();
        agregador.passar();
        criarUsuarioProdutor(SLUG, EMAIL_PRODUTOR, SENHA_PRODUTOR);
        JsonNode d = dados(sessao(EMAIL_PRODUTOR, SENHA_PRODUTOR), "");
        assertThat(List.of("sugeridos", "aprovados", "enviados", "entregues", "lidos", "acessaram").stream()
                .map(k -> d.at("/funil/" + k).asLong()).toList()).containsExactly(3L, 2L, 1L, 1L, 0L, 1L);
    }

    @Test
    void aVersaoDoProdutorSoAndaQuandoAlgumNumeroMuda() {
        montarFixtura();
        long cliente = catalogo.clientePorSlug(SLUG).getId();
        String versao = "select versao from painel_versoes where cliente_id = ?";
        long antes = contar(versao, cliente);
        agregador.passar();   // the same rows, still inside the margin: rebuilt, unchanged
        agregador.passar();
        assertThat(contar(versao, cliente)).isEqualTo(antes);

        primeiroAcesso("clara", 4100001L, Instant.now());
        agregador.passar();
        assertThat(contar(versao, cliente)).isGreaterThan(antes);
    }

    @Test
    void aReconstrucaoCompletaApagaDiasQueNaoTemMaisMatriculas() {
        Fixtura f = montarFixtura();
        jdbc.sql("""
                        insert into painel_resumo (produto_id, turma_id, dia, compradores, acessaram, via_link, via_email,
                            reemb_com_acesso, reemb_sem_acesso, resgates_sugeridos, resgates_aprovados, resgates_enviados,
                            resgates_entregues, resgates_lidos, resgates_acessaram)
                        values (?, ?, ?, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)""")
                .params(f.produtoCurso(), f.turmaPeriodo(), LocalDate.now(SP).minusDays(9)).update();
        assertThat(comoAdmin("POST", "/api/painel/reconstrucao", null).statusCode()).isEqualTo(200);
        criarUsuarioProdutor(SLUG, EMAIL_PRODUTOR, SENHA_PRODUTOR);
        assertThat(dados(sessao(EMAIL_PRODUTOR, SENHA_PRODUTOR), "").at("/numeros/compradores").asLong()).isEqualTo(7);
    }

    @Test
    void umPrimeiroAcessoAvisaOPainelAbertoPeloFluxoDeEventos() throws Exception {
        compra("Nina", 8, 4100001L, null, Instant.now().minus(Duration.ofHours(3)));
        criarUsuarioProdutor(SLUG, EMAIL_PRODUTOR, SENHA_PRODUTOR);
        Sessao s = sessao(EMAIL_PRODUTOR, SENHA_PRODUTOR);
        HttpRequest req = HttpRequest.newBuilder(URI.create(url("/painel/" + SLUG + "/eventos")))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> fluxo = s.cliente.send(req, HttpResponse.BodyHandlers.ofLines());
        assertThat(fluxo.statusCode()).isEqualTo(200);
        var linhas = fluxo.body().iterator();
        assertThat(CompletableFuture.supplyAsync(linhas::next).get(5, TimeUnit.SECONDS)).isEqualTo("event:conectado");

        Instant postado = Instant.now();
        primeiroAcesso("nina", 4100001L, Instant.now());
        String evento = CompletableFuture.supplyAsync(() -> {
            while (linhas.hasNext()) {
                String l = linhas.next();
                if (l.startsWith("event:atualizacao")) {
                    return l;
                }
            }
            return null;
        }).get(5, TimeUnit.SECONDS);
        assertThat(evento).isEqualTo("event:atualizacao");
        assertThat(Duration.between(postado, Instant.now())).isLessThan(Duration.ofSeconds(5));
        fluxo.body().close();
    }

    // ----- tenant isolation -----

    private static final List<String> ROTAS = List.of("", "/dados", "/eventos", "/exportar.csv", "/impressao");

    private long outraProdutoraComDados() {
        catalogo.criarCliente("Outra Produtora Secreta", OUTRO_SLUG, "hottok-da-outra-produtora-01");
        catalogo.criarProduto(OUTRO_SLUG, 5200001L, "Curso Secreto da Outra", true,
                "https://curso-secreto.club.hotmart.com", "boas_vindas_acesso");
        long turma = turmas.criarTurma(OUTRO_SLUG, 5200001L, "Turma Secreta", List.of("secreta1"), null, null).getId();
        ObjectNode c = amostra("purchase-approved.json").put("id", UUID.randomUUID().toString());
        ((ObjectNode) c.path("data").path("product")).put("id", 5200001L);
        ((ObjectNode) c.path("data").path("purchase")).putObject("offer").put("code", "secreta1");
        assertThat(postarWebhook(bytes(c), "hottok-da-outra-produtora-01").statusCode()).isEqualTo(200);
        criarUsuarioProdutor(OUTRO_SLUG, EMAIL_OUTRO, "senha-da-outra-produtora");
        return turma;
    }

    private static void semDadosDaOutra(HttpResponse<String> r) {
        assertThat(r.body()).doesNotContain("Outra Produtora Secreta").doesNotContain("Curso Secreto")
                .doesNotContain("Turma Secreta");
    }

    @Test
    void umProdutorNaoVeNadaDeOutroProdutorEmNenhumaRota() {
        long turmaDaOutra = outraProdutoraComDados();
        long produtoDaOutra = catalogo.produtoDoCliente(catalogo.clientePorSlug(OUTRO_SLUG).getId(), 5200001L)
                .orElseThrow().id();
        criarUsuarioProdutor(SLUG, EMAIL_PRODUTOR, SENHA_PRODUTOR);
        Sessao s = sessao(EMAIL_PRODUTOR, SENHA_PRODUTOR);

        assertThat(s.get("/painel").headers().firstValue("Location").orElse("")).endsWith("/painel/" + SLUG);
        for (String rota : ROTAS) {
            HttpResponse<String> daOutra = s.get("/painel/" + OUTRO_SLUG + rota);
            assertThat(daOutra.statusCode()).as(rota).isEqualTo(404);
            semDadosDaOutra(daOutra);
            // the same answer as for a producer that does not exist
            assertThat(s.get("/painel/nao-existe" + rota).statusCode()).as(rota).isEqualTo(404);
            if (!rota.equals("/eventos")) {
                for (String filtro : List.of("?turma=" + turmaDaOutra, "?produto=" + produtoDaOutra)) {
                    HttpResponse<String> r = s.get("/painel/" + SLUG + rota + filtro);
                    assertThat(r.statusCode()).as(rota + filtro).isEqualTo(404);
                    semDadosDaOutra(r);
                }
            }
        }
        HttpResponse<String> proprio = s.get("/painel/" + SLUG);
        assertThat(proprio.statusCode()).isEqualTo(200);
        semDadosDaOutra(proprio);
        // the producer's login opens neither the admin API nor Camunda's REST API
        assertThat(get("/api/clientes", EMAIL_PRODUTOR, SENHA_PRODUTOR).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/task", EMAIL_PRODUTOR, SENHA_PRODUTOR).statusCode()).isEqualTo(401);
    }

    @Test
    void semLoginOPainelLevaAoLoginENaoMostraNada() {
        outraProdutoraComDados();
        Sessao anonima = new Sessao(url(""));
        for (String rota : ROTAS) {
            HttpResponse<String> r = anonima.get("/painel/" + OUTRO_SLUG + rota);
            assertThat(r.statusCode()).as(rota).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).as(rota).endsWith("/login");
            semDadosDaOutra(r);
        }
        HttpResponse<String> senhaErrada = anonima.entrar(EMAIL_OUTRO, "senha-errada-123");
        assertThat(senhaErrada.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        assertThat(anonima.get("/login").body()).contains("Entrar");
    }

    @Test
    void aEquipeDeCsEscolheQualquerProdutor() {
        outraProdutoraComDados();
        garantirUsuarioCs("cspainel", "CS Painel", "Senha-Forte-Painel-1");
        Sessao cs = sessao("cspainel", "Senha-Forte-Painel-1");
        HttpResponse<String> lista = cs.get("/painel");
        assertThat(lista.statusCode()).isEqualTo(200);
        assertThat(lista.body()).contains("Outra Produtora Secreta").contains("Escola Modelo Cursos Online");
        assertThat(cs.get("/painel/" + OUTRO_SLUG).statusCode()).isEqualTo(200);
        assertThat(cs.get("/painel/" + SLUG + "/dados").statusCode()).isEqualTo(200);
    }

    @Test
    void umUsuarioDesativadoPerdeOAcessoMesmoComASessaoAberta() {
        criarUsuarioProdutor(SLUG, EMAIL_PRODUTOR, SENHA_PRODUTOR);
        Sessao s = sessao(EMAIL_PRODUTOR, SENHA_PRODUTOR);
        assertThat(s.get("/painel/" + SLUG + "/dados").statusCode()).isEqualTo(200);
        long id = json(comoAdmin("GET", "/api/clientes/" + SLUG + "/usuarios", null).body()).get(0).path("id").asLong();

        assertThat(comoAdmin("DELETE", "/api/clientes/" + SLUG + "/usuarios/" + id, null).statusCode()).isEqualTo(204);

        assertThat(s.get("/painel/" + SLUG + "/dados").statusCode()).isEqualTo(404);
        assertThat(new Sessao(url("")).entrar(EMAIL_PRODUTOR, SENHA_PRODUTOR).headers().firstValue("Location")
                .orElse("")).endsWith("/login?error");
    }

    @Test
    void oFluxoAoVivoDeUmUsuarioDesativadoTermina() throws Exception {
        criarUsuarioProdutor(SLUG, EMAIL_PRODUTOR, SENHA_PRODUTOR);
        Sessao s = sessao(EMAIL_PRODUTOR, SENHA_PRODUTOR);
        HttpResponse<Stream<String>> fluxo = s.cliente.send(HttpRequest.newBuilder(
                URI.create(url("/painel/" + SLUG + "/eventos"))).GET().build(), HttpResponse.BodyHandlers.ofLines());
        var linhas = fluxo.body().iterator();
        assertThat(CompletableFuture.supplyAsync(linhas::next).get(5, TimeUnit.SECONDS)).isEqualTo("event:conectado");
        long id = json(comoAdmin("GET", "/api/clientes/" + SLUG + "/usuarios", null).body()).get(0).path("id").asLong();
        comoAdmin("DELETE", "/api/clientes/" + SLUG + "/usuarios/" + id, null);

        aoVivo.pulso();

        Boolean terminou = CompletableFuture.supplyAsync(() -> {
            while (linhas.hasNext()) {
                linhas.next();
            }
            return true;
        }).get(5, TimeUnit.SECONDS);
        assertThat(terminou).isTrue();
    }

    @Test
    void aApiDeUsuariosDoProdutorValidaEGuardaASenhaComHash() {
        HttpResponse<String> curta = comoAdmin("POST", "/api/clientes/" + SLUG + "/usuarios",
                Map.of("email", "a@b.example.com", "nome", "A", "senha", "curta"));
        assertThat(curta.statusCode()).isEqualTo(400);
        assertThat(curta.body()).contains("senha");
        assertThat(comoAdmin("POST", "/api/clientes/" + SLUG + "/usuarios",
                Map.of("email", "isto-nao-e-email", "nome", "A", "senha", "senha-longa-o-bastante")).statusCode())
                .isEqualTo(400);
        assertThat(comoAdmin("POST", "/api/clientes/nao-existe/usuarios",
                Map.of("email", "a@b.example.com", "nome", "A", "senha", "senha-longa-o-bastante")).statusCode())
                .isEqualTo(404);
        assertThat(contar("select count(*) from usuarios_cliente")).isZero();

        criarUsuarioProdutor(SLUG, "Dono@Escola-Modelo.example.com", SENHA_PRODUTOR);
        assertThat(comoAdmin("POST", "/api/clientes/" + SLUG + "/usuarios",
                Map.of("email", "dono@escola-modelo.example.com", "nome", "B", "senha", "outra-senha-longa"))
                .statusCode()).isEqualTo(409);
        String hash = jdbc.sql("select senha_hash from usuarios_cliente").query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain(SENHA_PRODUTOR);
        // e-mail is case-insensitive at login
        sessao("DONO@escola-modelo.example.com", SENHA_PRODUTOR);
        assertThat(get("/api/clientes/" + SLUG + "/usuarios", null, null).statusCode()).isEqualTo(401);
        assertThat(new String(comoAdmin("GET", "/api/clientes/" + SLUG + "/usuarios", null).body()
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).doesNotContain("$2");
    }
}
