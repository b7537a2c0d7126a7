package br.com.terceirizacs.disparo;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import br.com.terceirizacs.IntegracaoBase;
import br.com.terceirizacs.Navegador;
import br.com.terceirizacs.TasklistPagina;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The daily access rescue on the real engine and database: who is selected, and a queue that never goes stale. */
class ResgateTest extends IntegracaoBase {

    private static final String CAMINHO = "/v23.0/123456789012345/messages";

    @Autowired
    TaskService tarefas;

    @BeforeEach
    void semBoasVindasEComJanelaAberta() {
        // the welcome is not what these tests look at: its rule is off, so purchases only create enrolments
        jdbc.sql("update regras_automacao set ativa = false where chave = 'ONBOARDING:global'").update();
        jdbc.sql("update clientes set janela_envio_inicio = '00:00:00', janela_envio_fim = '23:59:59'").update();
    }

    /** A purchase of product 4100001 approved {@code ha} ago, with the warranty ending {@code garantia} from now. */
    private long compra(String nome, Duration ha, Duration garantia, boolean comTelefone) {
        Instant agora = Instant.now();
        String email = nome.toLowerCase().replace(' ', '.') + "@example.com";
        ObjectNode c = amostra("purchase-approved.json").put("id", UUID.randomUUID().toString())
                .put("creation_date", agora.minus(ha).toEpochMilli());
        ObjectNode data = (ObjectNode) c.path("data");
        ObjectNode comprador = ((ObjectNode) data.path("buyer")).put("email", email).put("name", nome);
        if (!comTelefone) {
            comprador.remove("checkout_phone");
        }
        ((ObjectNode) data.path("purchase")).put("transaction", "HP" + Math.abs(email.hashCode()))
                .put("approved_date", agora.minus(ha).toEpochMilli()).put("order_date", agora.minus(ha).toEpochMilli());
        if (garantia == null) {
            ((ObjectNode) data.path("product")).remove("warranty_date");
        } else {
            ((ObjectNode) data.path("product")).put("warranty_date", agora.plus(garantia).toString());
        }
        postarEProcessar(c);
        return (Long) ((Number) matricula(email, 4100001).get("id")).longValue();
    }

    private void evento(String email, String tipo) {
        postarEventoDaCompra(email, tipo);
    }

    private void primeiroAcesso(String email, Instant quando) {
        postarPrimeiroAcesso(email, 4100001, quando);
    }

    private long executarResgate() {
        HttpResponse<String> r = comoAdmin("POST", "/api/resgate/execucoes", null);
        assertThat(r.statusCode()).isEqualTo(202);
        executarJobs();
        return json(r.body()).path("candidatos").asLong();
    }

    private List<Task> resgatesPendentes() {
        return tarefas.createTaskQuery().taskCandidateGroup("cs").includeAssignedTasks()
                .processVariableValueEquals("tipoRegra", "RESGATE_ACESSO")
                .orderByTaskCreateTime().asc().list();
    }

    private String statusDaFila(long matricula) {
        return jdbc.sql("select status from filas_disparo where matricula_id = ? and tipo_regra = 'RESGATE_ACESSO'")
                .param(matricula).query(String.class).single();
    }

    @Test
    void aSelecaoPegaSoQuemPassouDoLimiarEstaNaJanelaENaoAcessou() {
        long vinteECinco = compra("Ana Vinte Cinco", Duration.ofHours(25), Duration.ofDays(5), true);
        compra("Bia Vinte Tres", Duration.ofHours(23), Duration.ofDays(5), true);
        compra("Caio Garantia Vencida", Duration.ofDays(8), Duration.ofHours(-1), true);
        long semGarantia = compra("Duda Sem Garantia", Duration.ofDays(3), null, true);
        compra("Edu Sem Garantia Antigo", Duration.ofDays(8), null, true);
        compra("Fabi Acessou", Duration.ofHours(30), Duration.ofDays(5), true);
        primeiroAcesso("fabi.acessou@example.com", Instant.now().minus(Duration.ofHours(2)));
        compra("Gil Reembolsado", Duration.ofHours(30), Duration.ofDays(5), true);
        evento("gil.reembolsado@example.com", "PURCHASE_REFUNDED");
        compra("Hugo Em Disputa", Duration.ofHours(30), Duration.ofDays(5), true);
        evento("hugo.em.disputa@example.com", "PURCHASE_PROTEST");
        compra("Iris Saiu", Duration.ofHours(30), Duration.ofDays(5), true);
        jdbc.sql("update alunos set opt_out_em = current_timestamp where email = 'iris.saiu@example.com'").update();
        compra("Juca Sem Telefone", Duration.ofHours(30), Duration.ofDays(5), false);

        assertThat(executarResgate()).isEqualTo(2);

        assertThat(jdbc.sql("select matricula_id from resgate_candidatos order by matricula_id").query(Long.class).list())
                .containsExactly(vinteECinco, semGarantia);
        assertThat(resgatesPendentes()).extracting(Task::getName).containsExactlyInAnyOrder(
                "Resgate: Ana Vinte Cinco — Curso Exemplo de Marketing Digital, sem acesso há 25 h",
                "Resgate: Duda Sem Garantia — Curso Exemplo de Marketing Digital, sem acesso há 3 dias");
        assertThat(resgatesPendentes().get(0).getFollowUpDate()).isNotNull();

        assertThat(executarResgate()).as("quem já tem resgate em aberto não é sugerido de novo").isZero();
        assertThat(resgatesPendentes()).hasSize(2);
    }

    @Test
    void umaRegraInativaOuUmProdutoForaDoMonitoramentoNaoGeraResgate() {
        compra("Ana Vinte Cinco", Duration.ofHours(25), Duration.ofDays(5), true);
        jdbc.sql("update produtos set ativo_monitoramento = false").update();

        assertThat(executarResgate()).isZero();
    }

    @Test
    void oPrimeiroAcessoTiraOResgatePendenteDoTasklist() {
        long m = compra("Ana Vinte Cinco", Duration.ofHours(25), Duration.ofDays(5), true);
        executarResgate();
        assertThat(resgatesPendentes()).hasSize(1);

        primeiroAcesso("ana.vinte.cinco@example.com", Instant.now());

        assertThat(resgatesPendentes()).isEmpty();
        assertThat(statusDaFila(m)).isEqualTo("CANCELADO");
        assertThat(jdbc.sql("select motivo_decisao from filas_disparo where matricula_id = ? and tipo_regra = 'RESGATE_ACESSO'").param(m)
                .query(String.class).single()).isEqualTo("Aluno acessou o curso");
    }

    @Test
    void reembolsoChargebackOuCancelamentoTiramOResgatePendente() {
        long reembolso = compra("Ana Reembolso", Duration.ofHours(25), Duration.ofDays(5), true);
        long chargeback = compra("Bia Chargeback", Duration.ofHours(25), Duration.ofDays(5), true);
        executarResgate();
        assertThat(resgatesPendentes()).hasSize(2);

        evento("ana.reembolso@example.com", "PURCHASE_REFUNDED");
        evento("bia.chargeback@example.com", "PURCHASE_CHARGEBACK");

        assertThat(resgatesPendentes()).isEmpty();
        assertThat(statusDaFila(reembolso)).isEqualTo("CANCELADO");
        assertThat(statusDaFila(chargeback)).isEqualTo("CANCELADO");
    }

    @Test
    void seOAlunoAcessaDepoisDaAprovacaoAVerificacaoAntesDoEnvioCancela() {
        ZoneId sp = ZoneId.of("America/Sao_Paulo");
        LocalTime inicio = LocalTime.now(sp).getHour() < 12 ? LocalTime.of(20, 0) : LocalTime.of(3, 0);
        jdbc.sql("update clientes set janela_envio_inicio = ?, janela_envio_fim = ?")
                .params(inicio, inicio.plusHours(1)).update();
        long m = compra("Ana Vinte Cinco", Duration.ofHours(25), Duration.ofDays(5), true);
        executarResgate();
        Task tarefa = resgatesPendentes().get(0);
        tarefas.complete(tarefa.getId(), Map.of("decisao", "aprovar"));
        executarJobs();
        assertThat(statusDaFila(m)).as("aprovado, esperando a janela de envio").isEqualTo("APROVADO");

        primeiroAcesso("ana.vinte.cinco@example.com", Instant.now());
        Job janela = management.createJobQuery().timers().activityId("Evento_AguardarJanela").singleResult();
        management.executeJob(janela.getId());
        executarJobs();

        assertThat(statusDaFila(m)).isEqualTo("CANCELADO");
        assertThat(jdbc.sql("select motivo_decisao from filas_disparo where matricula_id = ? and tipo_regra = 'RESGATE_ACESSO'").param(m)
                .query(String.class).single()).isEqualTo("Na verificação antes do envio: Aluno já acessou o curso");
        META.verify(0, postRequestedFor(urlPathEqualTo(CAMINHO)));
    }

    @Test
    void noTasklistOCsAbreOsResgatesPendentesDescartaUmComMotivoEAprovaOutro() throws Exception {
        long ana = compra("Ana Primeira", Duration.ofHours(30), Duration.ofDays(5), true);
        long bia = compra("Bia Segunda", Duration.ofHours(26), Duration.ofDays(5), true);
        executarResgate();
        garantirUsuarioCs("carlacs", "Carla", "Senha-Forte-Resgate-1");

        try (Navegador navegador = Navegador.abrir()) {
            TasklistPagina tasklist = new TasklistPagina(navegador.driver());
            try {
                tasklist.entrar(url("/camunda/app/tasklist/default/"), "carlacs", "Senha-Forte-Resgate-1");
                tasklist.abrirFiltro("Resgates pendentes");
                tasklist.abrirEReivindicar("Resgate: Ana Primeira");
                assertThat(tasklist.previaDaMensagem().getText()).startsWith("Oi, Ana! Vimos que você ainda não entrou em");
                tasklist.escolher("Descartar");
                tasklist.preencher("campoMotivoDescarte", "Aluna já pediu reembolso pelo suporte");
                tasklist.concluir();
                await().atMost(Duration.ofSeconds(20)).until(() -> resgatesPendentes().size() == 1);

                tasklist.abrirEReivindicar("Resgate: Bia Segunda");
                tasklist.escolher("Aprovar e enviar");
                navegador.fotografar("tasklist-resgate");
                tasklist.concluir();
                await().atMost(Duration.ofSeconds(20)).until(() -> resgatesPendentes().isEmpty());
            } catch (RuntimeException | AssertionError e) {
                navegador.fotografar("tasklist-resgate-falha");
                throw e;
            }
        }
        executarJobs();

        assertThat(statusDaFila(ana)).isEqualTo("REJEITADO");
        assertThat(jdbc.sql("select motivo_decisao from filas_disparo where matricula_id = ? and tipo_regra = 'RESGATE_ACESSO'")
                .param(ana).query(String.class).single()).isEqualTo("Aluna já pediu reembolso pelo suporte");
        assertThat(statusDaFila(bia)).isEqualTo("ENVIADO");
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));
    }

    @Test
    void umaSugestaoNaoDecididaNoPrazoExpira() {
        long m = compra("Ana Vinte Cinco", Duration.ofHours(25), Duration.ofDays(5), true);
        executarResgate();
        Job prazo = management.createJobQuery().timers().activityId("Limite_PrazoDeDecisao").singleResult();
        assertThat(prazo.getDuedate()).isAfter(java.util.Date.from(Instant.now().plus(Duration.ofHours(47))));

        management.executeJob(prazo.getId());

        assertThat(statusDaFila(m)).isEqualTo("EXPIRADO");
        assertThat(resgatesPendentes()).isEmpty();
    }

    @Test
    void umResgateEnviadoSeguidoDoPrimeiroAcessoContaComoConversao() {
        long m = compra("Ana Vinte Cinco", Duration.ofHours(25), Duration.ofDays(5), true);
        executarResgate();
        tarefas.complete(resgatesPendentes().get(0).getId(), Map.of("decisao", "aprovar",
                "textoLivre", "Posso ajudar você a entrar?"));
        executarJobs();
        assertThat(statusDaFila(m)).isEqualTo("ENVIADO");
        META.verify(1, postRequestedFor(urlPathEqualTo(CAMINHO)));

        primeiroAcesso("ana.vinte.cinco@example.com", Instant.now().plus(Duration.ofHours(5)));

        Map<String, Object> kpi = jdbc.sql("select * from kpis_acesso where tipo = 'RESGATE_CONVERTIDO'").query().singleRow();
        assertThat(((Number) kpi.get("matricula_id")).longValue()).isEqualTo(m);
        assertThat(kpi.get("origem")).isEqualTo("email_hotmart");
        assertThat(jdbc.sql("select texto_editado from filas_disparo where matricula_id = ? and tipo_regra = 'RESGATE_ACESSO'").param(m)
                .query(String.class).single()).isEqualTo("Posso ajudar você a entrar?");
    }

    @Test
    void umPrimeiroAcessoMuitoDepoisDoResgateNaoEhConversao() {
        compra("Ana Vinte Cinco", Duration.ofHours(25), Duration.ofDays(5), true);
        executarResgate();
        tarefas.complete(resgatesPendentes().get(0).getId(), Map.of("decisao", "aprovar"));
        executarJobs();

        primeiroAcesso("ana.vinte.cinco@example.com", Instant.now().plus(Duration.ofDays(4)));

        assertThat(contar("select count(*) from kpis_acesso where tipo = 'RESGATE_CONVERTIDO'")).isZero();
    }
}
