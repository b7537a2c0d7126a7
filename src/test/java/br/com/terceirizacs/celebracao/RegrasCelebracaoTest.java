package br.com.terceirizacs.celebracao;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static br.com.terceirizacs.celebracao.SituacaoCelebracao.AGUARDANDO;
import static br.com.terceirizacs.celebracao.SituacaoCelebracao.PARABENIZADA;
import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of a congratulation, with its reason. */
class RegrasCelebracaoTest {

    private static final Instant T = Instant.parse("2026-11-30T13:00:00Z");

    private static RegrasCelebracao.Conclusao conclusao(long id, String modulo, Integer ordem, Instant ocorrido,
                                                        Duration informadaDepois, SituacaoCelebracao situacao) {
        return new RegrasCelebracao.Conclusao(id, modulo, ordem, ocorrido, ocorrido.plus(informadaDepois), situacao);
    }

    private static RegrasCelebracao.Conclusao agora(long id, String modulo, Integer ordem, Instant ocorrido) {
        return conclusao(id, modulo, ordem, ocorrido, Duration.ofSeconds(5), AGUARDANDO);
    }

    @Test
    void umModuloConcluidoAgoraRecebeParabensPeloModulo() {
        RegrasCelebracao.Decisao d = RegrasCelebracao.decidir(agora(1, "m2", 2, T), List.of(), false, "m5");

        assertThat(d.parabenizar()).isTrue();
        assertThat(d.template()).isEqualTo("parabens_modulo");
    }

    @Test
    void oUltimoModuloDoCursoRecebeCursoConcluido() {
        RegrasCelebracao.Decisao d = RegrasCelebracao.decidir(agora(1, "m5", 5, T), List.of(), false, "m5");

        assertThat(d.situacao()).isEqualTo(PARABENIZADA);
        assertThat(d.template()).isEqualTo("curso_concluido");
        assertThat(d.motivo()).isEqualTo("Último módulo do curso concluído");
    }

    @Test
    void semCatalogoQueDigaQualEhOUltimoNuncaEhCursoConcluido() {
        assertThat(RegrasCelebracao.decidir(agora(1, "m5", 5, T), List.of(), false, null).template())
                .isEqualTo("parabens_modulo");
    }

    @Test
    void umaConclusaoInformadaMaisDeTresDiasDepoisEhRegistradaSemParabens() {
        RegrasCelebracao.Conclusao atrasada = conclusao(1, "m2", 2, T, Duration.ofDays(3).plusMinutes(1), AGUARDANDO);
        RegrasCelebracao.Conclusao noLimite = conclusao(1, "m2", 2, T, Duration.ofDays(3), AGUARDANDO);

        RegrasCelebracao.Decisao d = RegrasCelebracao.decidir(atrasada, List.of(), false, "m5");
        assertThat(d.situacao()).isEqualTo(SituacaoCelebracao.ATRASADA);
        assertThat(d.template()).isNull();
        assertThat(d.motivo()).contains("mais de 3 dias");
        assertThat(RegrasCelebracao.decidir(noLimite, List.of(), false, "m5").parabenizar()).isTrue();
    }

    @Test
    void umModuloAnteriorConcluidoDepoisDeUmPosteriorNaoRecebeParabens() {
        RegrasCelebracao.Conclusao m3 = conclusao(1, "m3", 3, T.minusSeconds(3600), Duration.ofSeconds(5), PARABENIZADA);

        RegrasCelebracao.Decisao d = RegrasCelebracao.decidir(agora(2, "m2", 2, T), List.of(m3), false, "m5");

        assertThat(d.situacao()).isEqualTo(SituacaoCelebracao.MODULO_ANTERIOR);
    }

    @Test
    void numaMaratonaSoOModuloMaisRecenteRecebeParabens() {
        RegrasCelebracao.Conclusao m1 = agora(1, "m1", 1, T);
        RegrasCelebracao.Conclusao m2 = agora(2, "m2", 2, T.plusSeconds(300));
        RegrasCelebracao.Conclusao m3 = agora(3, "m3", 3, T.plusSeconds(600));

        assertThat(RegrasCelebracao.decidir(m1, List.of(m2, m3), false, "m5").situacao())
                .isEqualTo(SituacaoCelebracao.SUBSTITUIDA);
        assertThat(RegrasCelebracao.decidir(m2, List.of(m1, m3), false, "m5").situacao())
                .isEqualTo(SituacaoCelebracao.SUBSTITUIDA);
        assertThat(RegrasCelebracao.decidir(m3, List.of(m1, m2), false, "m5").situacao()).isEqualTo(PARABENIZADA);
    }

    @Test
    void doisModulosNoMesmoInstanteParabenizamOPosteriorNoCurso() {
        RegrasCelebracao.Conclusao m1 = agora(1, "m1", 1, T);
        RegrasCelebracao.Conclusao m2 = agora(2, "m2", 2, T);

        assertThat(RegrasCelebracao.decidir(m1, List.of(m2), false, "m5").situacao())
                .isEqualTo(SituacaoCelebracao.SUBSTITUIDA);
        assertThat(RegrasCelebracao.decidir(m2, List.of(m1), false, "m5").situacao()).isEqualTo(PARABENIZADA);
    }

    @Test
    void umaConclusaoJaDecididaNaoTiraOsParabensDeUmModuloPosterior() {
        RegrasCelebracao.Conclusao m1 = conclusao(1, "m1", 1, T.minusSeconds(60), Duration.ofSeconds(5),
                SituacaoCelebracao.CANCELADA);

        assertThat(RegrasCelebracao.decidir(agora(2, "m2", 2, T), List.of(m1), false, "m5").parabenizar()).isTrue();
    }

    @Test
    void semLugarConhecidoNoCursoOMaisRecenteDaMaratonaVenceENenhumEhAnterior() {
        RegrasCelebracao.Conclusao visto = agora(1, "extra", null, T.plusSeconds(60));
        RegrasCelebracao.Conclusao m2 = agora(2, "m2", 2, T);
        RegrasCelebracao.Conclusao antigoForaDoCatalogo = conclusao(3, "velho", null, T.minus(Duration.ofDays(5)),
                Duration.ofDays(5), SituacaoCelebracao.ATRASADA);

        assertThat(RegrasCelebracao.decidir(m2, List.of(visto, antigoForaDoCatalogo), false, "m5").situacao())
                .isEqualTo(SituacaoCelebracao.SUBSTITUIDA);
        assertThat(RegrasCelebracao.decidir(visto, List.of(m2, antigoForaDoCatalogo), false, "m5").situacao())
                .isEqualTo(PARABENIZADA);
        assertThat(RegrasCelebracao.decidir(agora(4, "m1", 1, T), List.of(antigoForaDoCatalogo), false, "m5")
                .situacao()).as("um módulo sem lugar no curso nunca torna outro \"anterior\"").isEqualTo(PARABENIZADA);
    }

    @Test
    void quemJaRecebeuParabensHojeNaoRecebeOutro() {
        RegrasCelebracao.Decisao d = RegrasCelebracao.decidir(agora(1, "m2", 2, T), List.of(), true, "m5");

        assertThat(d.situacao()).isEqualTo(SituacaoCelebracao.LIMITE_DIARIO);
        assertThat(d.motivo()).isEqualTo("Aluno já recebeu parabéns hoje");
    }
}
