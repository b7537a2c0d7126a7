package br.com.terceirizacs.disparo;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.util.ReflectionTestUtils;

import static br.com.terceirizacs.disparo.StatusFila.APROVADO;
import static br.com.terceirizacs.disparo.StatusFila.CANCELADO;
import static br.com.terceirizacs.disparo.StatusFila.ENVIADO;
import static br.com.terceirizacs.disparo.StatusFila.EXPIRADO;
import static br.com.terceirizacs.disparo.StatusFila.FALHOU;
import static br.com.terceirizacs.disparo.StatusFila.PENDENTE;
import static br.com.terceirizacs.disparo.StatusFila.REJEITADO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The life of a queue row: who may move it where, and what each move records. */
class FilaDisparoTest {

    private static final Instant CRIADA = Instant.parse("2026-03-10T14:00:00Z");
    private static final Instant DEPOIS = CRIADA.plus(Duration.ofHours(3));

    /** The diagram of {@link StatusFila}'s documentation, written out here: "PENDENTE → APROVADO | … ". */
    private static final Map<StatusFila, Set<StatusFila>> DIAGRAMA = Map.of(
            PENDENTE, EnumSet.of(APROVADO, REJEITADO, CANCELADO, EXPIRADO),
            APROVADO, EnumSet.of(ENVIADO, FALHOU, CANCELADO));

    private static RegraAutomacao regra(ModoExecucao modo) {
        RegraAutomacao r = new RegraAutomacao();
        // id and type come from the database (the seeded rules); nothing in the code writes them
        ReflectionTestUtils.setField(r, "id", 3L);
        ReflectionTestUtils.setField(r, "tipo", TipoRegra.RESGATE_ACESSO);
        r.alterar("Resgate", modo, true, 24, null, "resgate_acesso", "pt_BR", 48, null, null, CRIADA);
        return r;
    }

    private static FilaDisparo nova(ModoExecucao modo, boolean aprovadoPreviamente) {
        return new FilaDisparo(5L, 7L, regra(modo), "Sem acesso há 31 h", aprovadoPreviamente, "pi-1", CRIADA);
    }

    private static FilaDisparo pendente() {
        return nova(ModoExecucao.SUGERIR_APENAS, false);
    }

    private static FilaDisparo aprovada() {
        FilaDisparo f = pendente();
        f.aprovar("ana.cs", null, null, null, CRIADA.plusSeconds(60));
        return f;
    }

    /** A row in each state but PENDENTE, reached the way the application reaches it. */
    static Stream<FilaDisparo> depoisDePendente() {
        FilaDisparo rejeitada = pendente();
        rejeitada.rejeitar("ana.cs", "Aluno já falou com o suporte", CRIADA);
        FilaDisparo cancelada = pendente();
        cancelada.encerrar(CANCELADO, "Aluno pediu para não receber mensagens", CRIADA);
        FilaDisparo expirada = pendente();
        expirada.encerrar(EXPIRADO, "Ninguém decidiu dentro do prazo", CRIADA);
        FilaDisparo enviada = aprovada();
        enviada.encerrar(ENVIADO, "wamid.1", CRIADA);
        FilaDisparo falhou = aprovada();
        falhou.encerrar(FALHOU, "WhatsApp recusou: 131026", CRIADA);
        return Stream.of(aprovada(), rejeitada, cancelada, expirada, enviada, falhou);
    }

    static Stream<Arguments> naoPendentes() {
        return depoisDePendente().map(f -> Arguments.of(f.getStatus(), f));
    }

    /** Every closed row against every target state. */
    static Stream<Arguments> encerradas() {
        // a fresh row for every pair, so one case cannot leak into the next
        return Arrays.stream(StatusFila.values()).flatMap(novo -> depoisDePendente()
                .filter(f -> f.getStatus() != APROVADO).map(f -> Arguments.of(f.getStatus(), f, novo)));
    }

    @Test
    void osEstadosDeTesteCobremTodosMenosPendente() {
        assertThat(depoisDePendente().map(FilaDisparo::getStatus))
                .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(PENDENTE)));
    }

    static Stream<Arguments> todosOsPares() {
        return Arrays.stream(StatusFila.values())
                .flatMap(de -> Arrays.stream(StatusFila.values()).map(para -> Arguments.of(de, para)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("todosOsPares")
    void soAsTransicoesDoDiagramaSaoPermitidas(StatusFila de, StatusFila para) {
        boolean noDiagrama = DIAGRAMA.getOrDefault(de, Set.of()).contains(para);

        assertThat(de.podeIrPara(para)).isEqualTo(noDiagrama);
    }

    @ParameterizedTest
    @EnumSource(StatusFila.class)
    void soPendenteEAprovadoEstaoEmAberto(StatusFila status) {
        // a state with a way out in the diagram is open; every other one is closed
        assertThat(status.encerrado()).isEqualTo(!DIAGRAMA.containsKey(status));
    }

    @Test
    void umaSugestaoNascePendenteEPrecisaDeAprovacao() {
        FilaDisparo f = pendente();

        assertThat(f.getStatus()).isEqualTo(PENDENTE);
        assertThat(f.dispensaAprovacao()).isFalse();
        assertThat(f.getDecididoPor()).isNull();
    }

    @Test
    void umLoteJaRevisadoNasceAprovadoEDispensaAprovacao() {
        FilaDisparo f = nova(ModoExecucao.SUGERIR_APENAS, true);

        assertThat(f.getStatus()).isEqualTo(APROVADO);
        assertThat(f.dispensaAprovacao()).isTrue();
    }

    @Test
    void umaRegraAutomaticaDispensaAprovacaoEAprovaSemNinguem() {
        FilaDisparo f = nova(ModoExecucao.DISPARO_AUTOMATICO, false);
        assertThat(f.dispensaAprovacao()).isTrue();
        assertThat(f.getStatus()).as("aprovada só depois da política").isEqualTo(PENDENTE);

        f.aprovarAutomaticamente(DEPOIS);

        assertThat(f.getStatus()).isEqualTo(APROVADO);
        assertThat(f.getDecididoPor()).isEqualTo("automatico");
        assertThat(f.getAtualizadoEm()).isEqualTo(DEPOIS);
    }

    @Test
    void aprovarAutomaticamenteNaoMexeEmQuemUmaPessoaJaDecidiu() {
        FilaDisparo f = aprovada();

        f.aprovarAutomaticamente(DEPOIS);

        assertThat(f.getStatus()).isEqualTo(APROVADO);
        assertThat(f.getDecididoPor()).isEqualTo("ana.cs");
        assertThat(f.getAtualizadoEm()).isEqualTo(CRIADA.plusSeconds(60));
    }

    @Test
    void aprovarAutomaticamenteNaoReabreUmaLinhaCancelada() {
        FilaDisparo f = pendente();
        f.encerrar(CANCELADO, "Aluno pediu para não receber mensagens", CRIADA);

        f.aprovarAutomaticamente(DEPOIS);

        assertThat(f.getStatus()).isEqualTo(CANCELADO);
        assertThat(f.getDecididoPor()).isNull();
    }

    @Test
    void aprovarMantendoOTextoGuardaQuemDecidiuENaoTocaNaPrevia() {
        FilaDisparo f = pendente();
        f.prepararMensagem("resgate_acesso", "pt_BR", "[\"Mariana\",\"Seu acesso está ativo.\"]",
                "Oi, Mariana! Seu acesso está ativo.", CRIADA.plus(Duration.ofHours(48)));

        f.aprovar("ana.cs", null, null, null, DEPOIS);

        assertThat(f.getStatus()).isEqualTo(APROVADO);
        assertThat(f.getDecididoPor()).isEqualTo("ana.cs");
        assertThat(f.getTextoEditado()).isNull();
        assertThat(f.getTextoPrevia()).isEqualTo("Oi, Mariana! Seu acesso está ativo.");
        assertThat(f.getParametros()).isEqualTo("[\"Mariana\",\"Seu acesso está ativo.\"]");
        assertThat(f.getAtualizadoEm()).isEqualTo(DEPOIS);
    }

    @Test
    void aprovarComTextoEditadoTrocaAPreviaEOsParametros() {
        FilaDisparo f = pendente();
        f.prepararMensagem("resgate_acesso", "pt_BR", "[\"Mariana\",\"Seu acesso está ativo.\"]",
                "Oi, Mariana! Seu acesso está ativo.", CRIADA.plus(Duration.ofHours(48)));

        f.aprovar("ana.cs", "Posso ajudar?", "Oi, Mariana! Posso ajudar?", "[\"Mariana\",\"Posso ajudar?\"]", DEPOIS);

        assertThat(f.getTextoEditado()).isEqualTo("Posso ajudar?");
        assertThat(f.getTextoPrevia()).isEqualTo("Oi, Mariana! Posso ajudar?");
        assertThat(f.getParametros()).isEqualTo("[\"Mariana\",\"Posso ajudar?\"]");
    }

    @Test
    void rejeitarGuardaQuemEPorQue() {
        FilaDisparo f = pendente();

        f.rejeitar("ana.cs", "Aluno já falou com o suporte", DEPOIS);

        assertThat(f.getStatus()).isEqualTo(REJEITADO);
        assertThat(f.getDecididoPor()).isEqualTo("ana.cs");
        assertThat(f.getMotivoDecisao()).isEqualTo("Aluno já falou com o suporte");
        assertThat(f.getAtualizadoEm()).isEqualTo(DEPOIS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("naoPendentes")
    void soUmaSugestaoPendentePodeSerAprovada(StatusFila estado, FilaDisparo f) {
        String decidiu = f.getDecididoPor();

        assertThatThrownBy(() -> f.aprovar("bruno.cs", "outro texto", "outra prévia", "[]", DEPOIS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(estado.name());
        assertThat(f.getStatus()).isEqualTo(estado);
        assertThat(f.getDecididoPor()).isEqualTo(decidiu);
        assertThat(f.getTextoEditado()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("naoPendentes")
    void soUmaSugestaoPendentePodeSerRejeitada(StatusFila estado, FilaDisparo f) {
        String decidiu = f.getDecididoPor();
        String motivo = f.getMotivoDecisao();

        assertThatThrownBy(() -> f.rejeitar("bruno.cs", "tarde demais", DEPOIS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(estado.name());
        assertThat(f.getStatus()).isEqualTo(estado);
        assertThat(f.getDecididoPor()).isEqualTo(decidiu);
        assertThat(f.getMotivoDecisao()).isEqualTo(motivo);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("encerradas")
    void umaLinhaEncerradaFicaComoEstaERespondeFalse(StatusFila estado, FilaDisparo f, StatusFila novo) {
        String motivoAntes = f.getMotivoDecisao();
        Instant atualizadaEm = f.getAtualizadoEm();

        boolean mudou = f.encerrar(novo, "Matrícula reembolsada", DEPOIS);

        assertThat(mudou).isFalse();
        assertThat(f.getStatus()).isEqualTo(estado);
        assertThat(f.getMotivoDecisao()).isEqualTo(motivoAntes);
        assertThat(f.getAtualizadoEm()).isEqualTo(atualizadaEm);
    }

    @ParameterizedTest(name = "PENDENTE → {0}")
    @EnumSource(StatusFila.class)
    void encerrarUmaLinhaPendenteSegueODiagrama(StatusFila novo) {
        encerrarSegueODiagrama(pendente(), novo);
    }

    @ParameterizedTest(name = "APROVADO → {0}")
    @EnumSource(StatusFila.class)
    void encerrarUmaLinhaAprovadaSegueODiagrama(StatusFila novo) {
        encerrarSegueODiagrama(aprovada(), novo);
    }

    private static void encerrarSegueODiagrama(FilaDisparo f, StatusFila novo) {
        StatusFila antes = f.getStatus();
        if (DIAGRAMA.get(antes).contains(novo)) {
            assertThat(f.encerrar(novo, "motivo", DEPOIS)).isTrue();
            assertThat(f.getStatus()).isEqualTo(novo);
            assertThat(f.getMotivoDecisao()).isEqualTo("motivo");
            assertThat(f.getAtualizadoEm()).isEqualTo(DEPOIS);
        } else {
            assertThatThrownBy(() -> f.encerrar(novo, "motivo", DEPOIS))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(antes + " → " + novo);
            assertThat(f.getStatus()).isEqualTo(antes);
        }
    }

    @Test
    void oMotivoDoEncerramentoCabeEm500Caracteres() {
        FilaDisparo exato = pendente();
        FilaDisparo longo = pendente();
        String quinhentos = "x".repeat(500);

        exato.encerrar(CANCELADO, quinhentos, DEPOIS);
        longo.encerrar(CANCELADO, quinhentos + "y", DEPOIS);

        assertThat(exato.getMotivoDecisao()).isEqualTo(quinhentos);
        assertThat(longo.getMotivoDecisao()).isEqualTo(quinhentos);
    }

    @Test
    void umEnvioSemDetalheEncerraSemMotivo() {
        // the channel may report a send without any detail: the row closes all the same
        FilaDisparo f = aprovada();

        assertThat(f.encerrar(ENVIADO, null, DEPOIS)).isTrue();

        assertThat(f.getStatus()).isEqualTo(ENVIADO);
        assertThat(f.getMotivoDecisao()).isNull();
    }
}
