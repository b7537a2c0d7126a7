package br.com.terceirizacs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A class of more than 250 lines says at its top why it is one class ("Over 250 lines: ..."), or is split. */
class TamanhoDasClassesTest {

    private static final int LIMITE = 250;

    @Test
    void classesGrandesDizemPorQueSaoUmaSo() throws IOException {
        Map<String, Integer> semMotivo = new TreeMap<>();
        try (Stream<Path> arquivos = Files.walk(Path.of("src/main/java"))) {
            for (Path java : arquivos.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> linhas = Files.readAllLines(java);
                String texto = String.join("\n", linhas);
                int declaracao = texto.indexOf("\nclass ") >= 0 ? texto.indexOf("\nclass ") : texto.indexOf("\npublic ");
                String topo = declaracao < 0 ? texto : texto.substring(0, declaracao);
                if (linhas.size() > LIMITE && !topo.contains("Over " + LIMITE + " lines:")) {
                    semMotivo.put(java.toString(), linhas.size());
                }
            }
        }
        assertThat(semMotivo).as("classes com mais de %d linhas sem o motivo no topo", LIMITE).isEmpty();
    }
}
