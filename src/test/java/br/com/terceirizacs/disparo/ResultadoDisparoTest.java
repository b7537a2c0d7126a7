package br.com.terceirizacs.disparo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcome of a send as the diagrams read it: the process variable {@code resultadoEnvio} holds a constant's name,
 * so a constant renamed here without the diagrams (or the other way round) must fail the build, not production.
 */
class ResultadoDisparoTest {

    private static final Pattern COMPARACAO = Pattern.compile("resultadoEnvio\\s*[!=]=\\s*'(\\w+)'");

    private static final Map<StatusFila, ResultadoDisparo> ESPERADO = new EnumMap<>(Map.of(
            StatusFila.ENVIADO, ResultadoDisparo.ENVIADO,
            StatusFila.FALHOU, ResultadoDisparo.FALHOU,
            // it will not go: stopped by the policy, discarded, expired or cancelled before the send
            StatusFila.CANCELADO, ResultadoDisparo.CANCELADO,
            StatusFila.REJEITADO, ResultadoDisparo.CANCELADO,
            StatusFila.EXPIRADO, ResultadoDisparo.CANCELADO,
            // a row the send found not approved: nothing went
            StatusFila.PENDENTE, ResultadoDisparo.CANCELADO));

    /** The names a diagram compares {@code resultadoEnvio} against, read from the working directory. */
    private static Set<String> nomesComparadosEm(String diagrama) throws IOException {
        Matcher m = COMPARACAO.matcher(Files.readString(Path.of("processes", diagrama)));
        Set<String> nomes = new TreeSet<>();
        while (m.find()) {
            nomes.add(m.group(1));
        }
        return nomes;
    }

    @ParameterizedTest
    @EnumSource(value = StatusFila.class, names = "APROVADO", mode = EnumSource.Mode.EXCLUDE)
    void cadaStatusDaFilaTemOSeuResultado(StatusFila status) {
        assertThat(ESPERADO).as("um status novo precisa dizer o que o diagrama lê dele").containsKey(status);

        assertThat(ResultadoDisparo.de(status)).isEqualTo(ESPERADO.get(status));
    }

    @Test
    void umaLinhaAindaAprovadaNaoPassaPorEnviadaNemVoltaAoEnvio() {
        // outside the contract (a send reads the outcome only from a row that left APROVADO), but if it ever happens
        // the diagrams must neither count a welcome nor loop back to the send
        assertThat(ResultadoDisparo.de(StatusFila.APROVADO))
                .isNotIn(ResultadoDisparo.ENVIADO, ResultadoDisparo.INCERTO, ResultadoDisparo.REENVIAR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"disparo.bpmn", "onboarding.bpmn"})
    void todoNomeQueODiagramaComparaEhUmaConstante(String diagrama) throws IOException {
        Set<String> constantes = Arrays.stream(ResultadoDisparo.values()).map(Enum::name).collect(Collectors.toSet());

        Set<String> nomes = nomesComparadosEm(diagrama);

        assertThat(nomes).as("o diagrama lê resultadoEnvio (se não lê mais, tire-o desta lista)").isNotEmpty();
        assertThat(constantes).as("nomes comparados em " + diagrama).containsAll(nomes);
    }
}
