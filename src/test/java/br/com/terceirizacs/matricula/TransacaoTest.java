package br.com.terceirizacs.matricula;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static br.com.terceirizacs.matricula.StatusTransacao.APROVADA;
import static br.com.terceirizacs.matricula.StatusTransacao.CANCELADA;
import static br.com.terceirizacs.matricula.StatusTransacao.CHARGEBACK;
import static br.com.terceirizacs.matricula.StatusTransacao.COMPLETA;
import static br.com.terceirizacs.matricula.StatusTransacao.EM_DISPUTA;
import static br.com.terceirizacs.matricula.StatusTransacao.REEMBOLSADA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precedence of Hotmart events on one transaction (docs/architecture.md, "Purchases, states and order"): events
 * arrive out of order and more than once, so the status follows precedence and event time, never arrival order.
 */
class TransacaoTest {

    /** When the current status happened (Hotmart's creation_date of the event that set it). */
    private static final Instant T = Instant.parse("2026-03-10T15:00:00Z");
    /** When we process the next event: always later than any event time here. */
    private static final Instant AGORA = Instant.parse("2026-03-12T09:00:00Z");

    // Written out from the documentation, not taken from StatusTransacao.terminal().
    private static final Set<StatusTransacao> TERMINAIS = EnumSet.of(REEMBOLSADA, CHARGEBACK, CANCELADA);
    private static final Set<StatusTransacao> NAO_TERMINAIS = EnumSet.of(APROVADA, COMPLETA, EM_DISPUTA);

    private static Transacao transacaoEm(StatusTransacao status, Instant em) {
        return new Transacao(1L, "HP1234567890", 10L, status, em, em);
    }

    private static Stream<Arguments> pares(Set<StatusTransacao> atuais, Set<StatusTransacao> novos) {
        return atuais.stream().flatMap(atual -> novos.stream().map(novo -> Arguments.of(atual, novo)));
    }

    static Stream<Arguments> terminalDepoisDeQualquer() {
        return pares(TERMINAIS, EnumSet.allOf(StatusTransacao.class));
    }

    static Stream<Arguments> naoTerminalDepoisDeNaoTerminal() {
        return pares(NAO_TERMINAIS, NAO_TERMINAIS);
    }

    static Stream<Arguments> terminalDepoisDeNaoTerminal() {
        return pares(NAO_TERMINAIS, TERMINAIS);
    }

    @Test
    void osTerminaisSaoOsTresDaDocumentacao() {
        // the rest of this class relies on the split; a status moved across it must be a deliberate change
        assertThat(EnumSet.allOf(StatusTransacao.class)).filteredOn(StatusTransacao::terminal)
                .containsExactlyInAnyOrderElementsOf(TERMINAIS);
        assertThat(EnumSet.complementOf(EnumSet.copyOf(TERMINAIS))).as("um status novo precisa entrar nesta classe")
                .isEqualTo(NAO_TERMINAIS);
    }

    @ParameterizedTest(name = "{0} e depois {1}")
    @MethodSource("terminalDepoisDeQualquer")
    void umStatusTerminalEhDefinitivoMesmoDianteDeUmEventoMaisNovo(StatusTransacao atual, StatusTransacao novo) {
        Transacao tx = transacaoEm(atual, T);

        boolean aplicado = tx.aplicar(novo, T.plus(Duration.ofDays(1)), AGORA);

        assertThat(aplicado).isFalse();
        assertThat(tx.getStatus()).isEqualTo(atual);
        assertThat(tx.getStatusEm()).isEqualTo(T);
    }

    @ParameterizedTest(name = "{0} e depois {1}")
    @MethodSource("terminalDepoisDeNaoTerminal")
    void umStatusTerminalVenceMesmoComInstanteAnteriorAoAtual(StatusTransacao atual, StatusTransacao novo) {
        Transacao tx = transacaoEm(atual, T);
        Instant antes = T.minus(Duration.ofHours(3));

        boolean aplicado = tx.aplicar(novo, antes, AGORA);

        assertThat(aplicado).isTrue();
        assertThat(tx.getStatus()).isEqualTo(novo);
        assertThat(tx.getStatusEm()).as("o instante é o do evento terminal").isEqualTo(antes);
    }

    @ParameterizedTest(name = "{0} e depois {1}")
    @MethodSource("naoTerminalDepoisDeNaoTerminal")
    void entreNaoTerminaisUmEventoMaisAntigoQueChegaDepoisEhIgnorado(StatusTransacao atual, StatusTransacao novo) {
        Transacao tx = transacaoEm(atual, T);

        boolean aplicado = tx.aplicar(novo, T.minusMillis(1), AGORA);

        assertThat(aplicado).isFalse();
        assertThat(tx.getStatus()).isEqualTo(atual);
        assertThat(tx.getStatusEm()).isEqualTo(T);
    }

    @ParameterizedTest(name = "{0} e depois {1}")
    @MethodSource("naoTerminalDepoisDeNaoTerminal")
    void entreNaoTerminaisUmEventoMaisNovoVence(StatusTransacao atual, StatusTransacao novo) {
        Transacao tx = transacaoEm(atual, T);

        boolean aplicado = tx.aplicar(novo, T.plusMillis(1), AGORA);

        assertThat(aplicado).isTrue();
        assertThat(tx.getStatus()).isEqualTo(novo);
        assertThat(tx.getStatusEm()).isEqualTo(T.plusMillis(1));
    }

    @ParameterizedTest(name = "{0} e depois {1}")
    @MethodSource("naoTerminalDepoisDeNaoTerminal")
    void entreNaoTerminaisNoMesmoInstanteValeOQueChegouPorUltimo(StatusTransacao atual, StatusTransacao novo) {
        // the boundary of "the later event time wins": an equal time is not older, so it is applied
        Transacao tx = transacaoEm(atual, T);

        boolean aplicado = tx.aplicar(novo, T, AGORA);

        assertThat(aplicado).isTrue();
        assertThat(tx.getStatus()).isEqualTo(novo);
        assertThat(tx.getStatusEm()).isEqualTo(T);
    }

    @Test
    void umReembolsoQueChegaAntesDaAprovacaoNaoEhDesfeitoPelaAprovacaoAtrasada() {
        Instant aprovadaEm = T;
        Instant reembolsadaEm = T.plus(Duration.ofDays(2));
        Transacao tx = transacaoEm(REEMBOLSADA, reembolsadaEm);

        boolean aplicado = tx.aplicar(APROVADA, aprovadaEm, AGORA);

        assertThat(aplicado).isFalse();
        assertThat(tx.getStatus()).isEqualTo(REEMBOLSADA);
        assertThat(tx.getStatus().statusMatricula()).isEqualTo(StatusMatricula.REEMBOLSADA);
    }

    @Test
    void umaDisputaEncerradaAFavorDoProdutorVoltaAAtivaPeloCompleteMaisNovo() {
        Transacao tx = transacaoEm(APROVADA, T);

        assertThat(tx.aplicar(EM_DISPUTA, T.plus(Duration.ofDays(3)), AGORA)).isTrue();
        assertThat(tx.aplicar(COMPLETA, T.plus(Duration.ofDays(5)), AGORA)).isTrue();

        assertThat(tx.getStatus()).isEqualTo(COMPLETA);
        assertThat(tx.getStatus().statusMatricula()).isEqualTo(StatusMatricula.ATIVA);
    }

    @Test
    void umCompleteAntigoEntregueDepoisDaDisputaNaoEncerraADisputa() {
        Transacao tx = transacaoEm(EM_DISPUTA, T.plus(Duration.ofDays(3)));

        assertThat(tx.aplicar(COMPLETA, T.plus(Duration.ofDays(1)), AGORA)).isFalse();

        assertThat(tx.getStatus()).isEqualTo(EM_DISPUTA);
    }

    @Test
    void umaSegundaEntregaDoMesmoReembolsoNaoAlteraNada() {
        Transacao tx = transacaoEm(APROVADA, T);
        Instant reembolsadaEm = T.plus(Duration.ofDays(1));
        assertThat(tx.aplicar(REEMBOLSADA, reembolsadaEm, AGORA)).isTrue();

        assertThat(tx.aplicar(REEMBOLSADA, reembolsadaEm, AGORA.plusSeconds(30))).isFalse();

        assertThat(tx.getStatus()).isEqualTo(REEMBOLSADA);
        assertThat(tx.getStatusEm()).isEqualTo(reembolsadaEm);
    }

    @Test
    void oPrimeiroTerminalVenceUmChargebackPosteriorAoReembolso() {
        Transacao tx = transacaoEm(APROVADA, T);
        assertThat(tx.aplicar(REEMBOLSADA, T.plus(Duration.ofDays(1)), AGORA)).isTrue();

        assertThat(tx.aplicar(CHARGEBACK, T.plus(Duration.ofDays(2)), AGORA)).isFalse();

        assertThat(tx.getStatus()).isEqualTo(REEMBOLSADA);
        assertThat(tx.getStatusEm()).isEqualTo(T.plus(Duration.ofDays(1)));
    }
}
