package br.com.terceirizacs.disparo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import br.com.terceirizacs.catalogo.ProdutoResumo;
import br.com.terceirizacs.matricula.Destinatario;
import br.com.terceirizacs.matricula.SituacaoTelefone;
import br.com.terceirizacs.matricula.StatusMatricula;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.MockMakers;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

/**
 * The dispatch policy (docs/architecture.md, "Policy"): every reason a message must not go, and the message that may.
 * The per-student count comes from a mocked repository; the clock is fixed.
 */
class PoliticaDisparoTest {

    private static final Instant AGORA = Instant.parse("2026-03-10T14:00:00Z");
    private static final Long FILA = 41L;
    private static final Long MATRICULA = 7L;
    private static final Long ALUNO = 5L;
    private static final Long CLIENTE = 1L;
    private static final Long PRODUTO = 10L;

    private FilaDisparoRepository filas;

    @BeforeEach
    void repositorioVazio() {
        // a JDK proxy is enough for an interface and cheaper to start than the inline mock maker
        filas = mock(FilaDisparoRepository.class, withSettings().mockMaker(MockMakers.PROXY));
    }

    private PoliticaDisparo politica(int limitePorAluno24h) {
        return new PoliticaDisparo(filas, Clock.fixed(AGORA, ZoneOffset.UTC), limitePorAluno24h);
    }

    private PoliticaDisparo politica() {
        return politica(2);
    }

    private static RegraAutomacao regra(TipoRegra tipo, boolean ativa) {
        RegraAutomacao r = new RegraAutomacao();
        // id and type come from the database (the seeded rules); nothing in the code writes them
        ReflectionTestUtils.setField(r, "id", 3L);
        ReflectionTestUtils.setField(r, "tipo", tipo);
        r.alterar(tipo.rotulo() + " do curso", ModoExecucao.SUGERIR_APENAS, ativa, 24, null,
                "modelo_" + tipo.name().toLowerCase(), "pt_BR", 48, null, null, AGORA);
        return r;
    }

    /** A queue row as the preparation saves it before asking the policy (so it has its id). */
    private static FilaDisparo fila(Long id, TipoRegra tipo) {
        FilaDisparo f = new FilaDisparo(ALUNO, MATRICULA, regra(tipo, true), "Sem acesso há 31 h", false, "pi-" + id,
                AGORA.minus(Duration.ofMinutes(5)));
        ReflectionTestUtils.setField(f, "id", id);
        return f;
    }

    private static ProdutoResumo produto(boolean monitorado) {
        return new ProdutoResumo(PRODUTO, CLIENTE, 4100001L, "Curso Exemplo", monitorado, "https://membros.example.com",
                null, false);
    }

    private static Destinatario aluno(StatusMatricula status, SituacaoTelefone situacao, String telefone,
                                      Instant optOutEm, Instant primeiroAcesso) {
        return new Destinatario(MATRICULA, ALUNO, CLIENTE, PRODUTO, "Mariana Souza", telefone, situacao, optOutEm,
                status, "HP1234567890", AGORA.minus(Duration.ofDays(2)), primeiroAcesso, null, null, "tok3n");
    }

    /** Active, reachable, never opted out, no access yet: nothing holds a rescue back. */
    private static Destinatario alunoApto() {
        return aluno(StatusMatricula.ATIVA, SituacaoTelefone.VALIDO, "+5511900000001", null, null);
    }

    private Optional<String> bloqueio(TipoRegra tipo, Destinatario d) {
        return politica().bloqueio(fila(FILA, tipo), d, produto(true), regra(tipo, true));
    }

    private void enviadasNasUltimas24h(long quantas) {
        // only the exact window (now − 24 h) and the row's own id excluded get this answer; anything else counts 0
        when(filas.enviadasAoAlunoDesde(ALUNO, AGORA.minus(Duration.ofHours(24)), FILA)).thenReturn(quantas);
    }

    @ParameterizedTest
    @EnumSource(TipoRegra.class)
    void umAlunoAtivoAlcancavelESemEnviosRecentesPodeReceber(TipoRegra tipo) {
        enviadasNasUltimas24h(1);

        assertThat(bloqueio(tipo, alunoApto())).isEmpty();
    }

    @Test
    void umaRegraDesativadaNaoEnviaNada() {
        Optional<String> motivo = politica().bloqueio(fila(FILA, TipoRegra.RESGATE_ACESSO), alunoApto(), produto(true),
                regra(TipoRegra.RESGATE_ACESSO, false));

        assertThat(motivo).contains("Regra \"Resgate do curso\" desativada");
    }

    @Test
    void umProdutoForaDoMonitoramentoNaoEnviaNada() {
        Optional<String> motivo = politica().bloqueio(fila(FILA, TipoRegra.ONBOARDING), alunoApto(), produto(false),
                regra(TipoRegra.ONBOARDING, true));

        assertThat(motivo).contains("Produto fora do monitoramento");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "EM_DISPUTA,  Matrícula em disputa",
            "REEMBOLSADA, Matrícula reembolsada",
            "CHARGEBACK,  Matrícula chargeback",
            "CANCELADA,   Matrícula cancelada"})
    void umaMatriculaQueNaoEstaAtivaNaoRecebe(StatusMatricula status, String esperado) {
        Destinatario d = aluno(status, SituacaoTelefone.VALIDO, "+5511900000001", null, null);

        assertThat(bloqueio(TipoRegra.ONBOARDING, d)).contains(esperado);
    }

    @Test
    void umAlunoQuePediuParaSairNaoRecebe() {
        Destinatario d = aluno(StatusMatricula.ATIVA, SituacaoTelefone.VALIDO, "+5511900000001",
                AGORA.minus(Duration.ofDays(1)), null);

        assertThat(bloqueio(TipoRegra.CELEBRACAO, d)).contains("Aluno pediu para não receber mensagens");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "INVALIDO, +551133334444",
            "AUSENTE,",
            "VALIDO,"})
    void umTelefoneInutilizavelNaoRecebe(SituacaoTelefone situacao, String telefone) {
        Destinatario d = aluno(StatusMatricula.ATIVA, situacao, telefone, null, null);

        assertThat(bloqueio(TipoRegra.ONBOARDING, d)).contains("Aluno sem telefone de WhatsApp válido");
    }

    @Test
    void umResgateParaQuemJaAcessouNaoTemMaisMotivo() {
        Destinatario d = aluno(StatusMatricula.ATIVA, SituacaoTelefone.VALIDO, "+5511900000001", null,
                AGORA.minus(Duration.ofHours(2)));

        assertThat(bloqueio(TipoRegra.RESGATE_ACESSO, d)).contains("Aluno já acessou o curso");
    }

    @ParameterizedTest
    @EnumSource(value = TipoRegra.class, names = "RESGATE_ACESSO", mode = EnumSource.Mode.EXCLUDE)
    void soOResgateDependeDeAindaNaoTerAcessado(TipoRegra tipo) {
        Destinatario d = aluno(StatusMatricula.ATIVA, SituacaoTelefone.VALIDO, "+5511900000001", null,
                AGORA.minus(Duration.ofHours(2)));

        assertThat(bloqueio(tipo, d)).isEmpty();
    }

    @Test
    void umSegundoResgateEmAbertoParaAMesmaMatriculaNaoEhSugerido() {
        when(filas.findByMatriculaIdAndStatusIn(MATRICULA, EnumSet.of(StatusFila.PENDENTE, StatusFila.APROVADO)))
                .thenReturn(List.of(fila(40L, TipoRegra.RESGATE_ACESSO)));

        assertThat(bloqueio(TipoRegra.RESGATE_ACESSO, alunoApto()))
                .contains("Já existe um resgate em aberto para esta matrícula");
    }

    @Test
    void oProprioResgateEmAbertoNaoImpedeASiMesmo() {
        // in the re-checks before the send the row itself is APROVADO, so the query finds it
        when(filas.findByMatriculaIdAndStatusIn(MATRICULA, EnumSet.of(StatusFila.PENDENTE, StatusFila.APROVADO)))
                .thenReturn(List.of(fila(FILA, TipoRegra.RESGATE_ACESSO)));

        assertThat(bloqueio(TipoRegra.RESGATE_ACESSO, alunoApto())).isEmpty();
    }

    @Test
    void umaSugestaoEmAbertoDeOutroTipoNaoImpedeOResgate() {
        when(filas.findByMatriculaIdAndStatusIn(MATRICULA, EnumSet.of(StatusFila.PENDENTE, StatusFila.APROVADO)))
                .thenReturn(List.of(fila(40L, TipoRegra.ESTAGNACAO)));

        assertThat(bloqueio(TipoRegra.RESGATE_ACESSO, alunoApto())).isEmpty();
    }

    @ParameterizedTest(name = "limite {0}, já enviadas {1}: bloqueia = {2}")
    @CsvSource({
            "2, 0, false",
            "2, 1, false",
            "2, 2, true",
            "2, 3, true",
            "1, 0, false",
            "1, 1, true"})
    void oLimitePorAlunoEm24hBarraAMensagemQuandoJaFoiAtingido(int limite, long enviadas, boolean bloqueia) {
        enviadasNasUltimas24h(enviadas);

        Optional<String> motivo = politica(limite).bloqueio(fila(FILA, TipoRegra.ESTAGNACAO), alunoApto(),
                produto(true), regra(TipoRegra.ESTAGNACAO, true));

        if (bloqueia) {
            assertThat(motivo).contains("Aluno já recebeu " + limite + " mensagem(ns) nas últimas 24 h");
        } else {
            assertThat(motivo).isEmpty();
        }
    }

    @Test
    void oLimiteContaAsUltimas24hDoRelogioSemAPropriaFila() {
        bloqueio(TipoRegra.RESGATE_ACESSO, alunoApto());

        verify(filas).enviadasAoAlunoDesde(ALUNO, Instant.parse("2026-03-09T14:00:00Z"), FILA);
    }

    @Test
    void asBoasVindasNaoEsbarramNoLimite() {
        when(filas.enviadasAoAlunoDesde(anyLong(), any(), any())).thenReturn(5L);

        assertThat(bloqueio(TipoRegra.ONBOARDING, alunoApto())).isEmpty();
    }

    @Test
    void osParabensNaoEsbarramNoLimiteMasOOptOutValeParaEles() {
        when(filas.enviadasAoAlunoDesde(anyLong(), any(), any())).thenReturn(5L);

        assertThat(bloqueio(TipoRegra.CELEBRACAO, alunoApto())).isEmpty();
        assertThat(bloqueio(TipoRegra.ESTAGNACAO, alunoApto())).isPresent();
    }

    @Test
    void limiteZeroDesligaOLimite() {
        when(filas.enviadasAoAlunoDesde(anyLong(), any(), any())).thenReturn(5L);

        Optional<String> motivo = politica(0).bloqueio(fila(FILA, TipoRegra.RESGATE_ACESSO), alunoApto(),
                produto(true), regra(TipoRegra.RESGATE_ACESSO, true));

        assertThat(motivo).isEmpty();
    }
}
