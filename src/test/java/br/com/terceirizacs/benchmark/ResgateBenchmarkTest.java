package br.com.terceirizacs.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import br.com.terceirizacs.IntegracaoBase;
import br.com.terceirizacs.disparo.ResgateService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily rescue at scale, on PostgreSQL (docs/benchmarks.md):
 * <pre>./mvnw verify -Pbenchmark -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/terceiriza_bench -Dspring.datasource.username=postgres</pre>
 * Generates 1,000,000 enrolments (purchases spread over 120 days, 20% without access, 2% refunded), times the selection five
 * times, then creates the ~10,000 suggestions end to end (one disparo each, with its Tasklist task) and times that.
 */
@Tag("benchmark")
class ResgateBenchmarkTest extends IntegracaoBase {

    private static final int MATRICULAS = Integer.getInteger("bench.matriculas", 1_000_000);

    @Autowired
    ResgateService resgates;

    @Test
    void selecaoSobreUmMilhaoDeMatriculasECriacaoDasSugestoes() {
        Assumptions.assumeTrue(isPostgres(), "benchmark de PostgreSQL: informe spring.datasource.url de um PostgreSQL");
        jdbc.sql("update regras_automacao set ativa = false where chave = 'ONBOARDING:global'").update();
        long produto = contar("select id from produtos where hotmart_product_id = 4100001");
        long cliente = contar("select id from clientes");

        long t0 = System.nanoTime();
        gerarAlunosDeBenchmark(cliente, MATRICULAS);
        jdbc.sql("""
                        insert into matriculas (aluno_id, produto_id, transacao_codigo, status, status_em, data_compra,
                                                data_garantia, data_primeiro_acesso, origem_primeiro_acesso, token_link,
                                                criado_em, atualizado_em)
                        select a.id, ?, 'HPB' || a.id,
                               case when a.id % 50 = 0 then 'REEMBOLSADA' else 'ATIVA' end, now(),
                               now() - (a.id % 120) * interval '1 day' - (a.id % 24) * interval '1 hour',
                               now() - (a.id % 120) * interval '1 day' + interval '7 days',
                               case when (a.id / 7) % 5 = 0 then null else now() - (a.id % 120) * interval '1 day' + interval '2 hours' end,
                               case when (a.id / 7) % 5 = 0 then null else 'email_hotmart' end,
                               md5(cast(a.id as text)) || substr(md5(cast(-a.id as text)), 1, 11), now(), now()
                        from alunos a where a.email like '%@bench.example.com'""").param(produto).update();
        jdbc.sql("analyze alunos").update();
        jdbc.sql("analyze matriculas").update();
        jdbc.sql("analyze filas_disparo").update();
        System.out.printf("BENCH dados: %d matrículas geradas em %.1f s%n", contar("select count(*) from matriculas"),
                (System.nanoTime() - t0) / 1e9);

        List<Double> tempos = new ArrayList<>();
        long candidatos = 0;
        for (int i = 0; i < 5; i++) {
            jdbc.sql("delete from resgate_candidatos").update();
            jdbc.sql("delete from resgate_execucoes").update();
            long inicio = System.nanoTime();
            candidatos = resgates.selecionar("bench").candidatos();
            tempos.add((System.nanoTime() - inicio) / 1e6);
        }
        Collections.sort(tempos);
        System.out.printf("BENCH seleção: %d candidatos; mediana %.0f ms, mín %.0f ms, máx %.0f ms (5 execuções) %s%n",
                candidatos, tempos.get(2), tempos.get(0), tempos.get(4), tempos);
        jdbc.sql("explain (analyze, buffers) select m.id from matriculas m join alunos a on a.id = m.aluno_id "
                        + "where m.produto_id = ? and m.status = 'ATIVA' and m.data_primeiro_acesso is null "
                        + "and m.data_compra <= now() - interval '24 hours' and m.data_compra > now() - interval '30 days' "
                        + "and m.data_garantia > now() and a.telefone_situacao = 'VALIDO' and a.opt_out_em is null "
                        + "and not exists (select 1 from filas_disparo f where f.matricula_id = m.id "
                        + "and f.tipo_regra = 'RESGATE_ACESSO')")
                .param(produto).query(String.class).list().forEach(linha -> System.out.println("BENCH plano " + linha));
        assertThat(tempos.get(2)).as("mediana da seleção (ms)").isLessThan(2_000.0);

        jdbc.sql("delete from resgate_candidatos").update();
        jdbc.sql("delete from resgate_execucoes").update();
        long inicio = System.nanoTime();
        comoAdmin("POST", "/api/resgate/execucoes", null);
        executarJobs(Duration.ofMinutes(15));
        double segundos = (System.nanoTime() - inicio) / 1e9;
        long tarefas = runtime.createProcessInstanceQuery().processDefinitionKey("disparo").count();
        System.out.printf("BENCH sugestões: %d disparos com tarefa criados em %.1f s (%.1f por segundo, uma thread)%n",
                tarefas, segundos, tarefas / segundos);
        assertThat(tarefas).isEqualTo(candidatos);
    }
}
