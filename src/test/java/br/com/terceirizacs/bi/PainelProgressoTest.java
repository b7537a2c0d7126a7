package br.com.terceirizacs.bi;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Produto Progresso on the dashboard: modules completed and congratulations sent, per turma, page and CSV. */
class PainelProgressoTest extends PainelBase {

    private void concluir(String aluno, String modulo, Instant quando) {
        ObjectNode e = amostra("club-module-completed.json").put("id", UUID.randomUUID().toString())
                .put("creation_date", quando.toEpochMilli());
        ((ObjectNode) e.path("data").path("user")).put("email", email(aluno));
        ((ObjectNode) e.path("data").path("module")).put("id", modulo).put("name", "Módulo " + modulo);
        assertThat(postarEProcessar(e)).isEqualTo("PROCESSADO");
    }

    @Test
    void cadaTurmaMostraOsModulosConcluidosEOsParabensEnviados() {
        catalogo.atualizarProduto(SLUG, 4100001L, "Curso Exemplo de Marketing Digital", true, null, null, true);
        Instant agora = Instant.now();
        compra("ana", 1, 4100001L, null, agora.minus(Duration.ofHours(2)));
        compra("bia", 2, 4100001L, null, agora.minus(Duration.ofHours(2)));
        executarJobs();
        // Ana finishes two modules in a row (one congratulation), and one reported days late; Bia finishes one
        concluir("ana", "m1", agora.minusSeconds(120));
        concluir("ana", "m2", agora.minusSeconds(60));
        concluir("ana", "m0", agora.minus(Duration.ofDays(5)));
        concluir("bia", "m1", agora.minusSeconds(30));
        management.createJobQuery().processDefinitionKey("celebracao").timers().list()
                .forEach(j -> management.executeJob(j.getId()));
        executarJobs();
        agregador.passar();
        criarUsuarioProdutor(SLUG, EMAIL_PRODUTOR, SENHA_PRODUTOR);
        Sessao s = sessao(EMAIL_PRODUTOR, SENHA_PRODUTOR);

        JsonNode dados = json(s.get("/painel/" + SLUG + "/dados").body());
        JsonNode turma = dados.path("turmas").get(0);
        assertThat(dados.path("turmas")).hasSize(1);
        assertThat(turma.path("numeros").path("modulosConcluidos").asLong()).isEqualTo(4);
        assertThat(turma.path("numeros").path("parabensEnviados").asLong()).isEqualTo(2);
        assertThat(dados.path("numeros").path("parabensEnviados").asLong()).isEqualTo(2);

        HttpResponse<String> csv = s.get("/painel/" + SLUG + "/exportar.csv");
        List<String> linhas = csv.body().lines().toList();
        assertThat(linhas.get(0)).endsWith(";Módulos concluídos;Parabéns enviados");
        assertThat(linhas.get(1)).startsWith("Curso Exemplo de Marketing Digital;").endsWith(";4;2");
        assertThat(linhas.get(2)).startsWith("Total;").endsWith(";4;2");
        assertThat(s.get("/painel/" + SLUG).body()).contains("<th>Parabéns enviados</th>")
                .contains("<td data-rotulo=\"Módulos concluídos\">4</td>");
    }
}
