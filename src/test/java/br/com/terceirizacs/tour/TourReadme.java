package br.com.terceirizacs.tour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bash blocks of README.md's tour, in order, as a person would paste them. A comment that starts with a quote, a
 * brace or a digit ({@code # "novo":false}, {@code # 302 https://…}, {@code # {"candidatos":1,...}}) is what the block
 * prints: parts separated by {@code ...} must each appear in its output. Lines that start the app ({@code ./mvnw},
 * {@code java -jar}) are left out: the test starts the packaged jar itself.
 */
record TourReadme(List<Bloco> blocos) {

    static final String SECAO = "## A 5-minute tour";
    private static final Pattern BLOCO = Pattern.compile("(?m)^( *)```bash\\n(.*?)^ *```$", Pattern.DOTALL);
    private static final Pattern COMENTARIO_ESPERADO = Pattern.compile("(?:^|\\s)#\\s+([\"{\\[0-9].*)$");

    /** One block: its commands and what its output must contain. */
    record Bloco(String comandos, List<String> esperado) {

        /** Whether running it twice would change something (it posts or puts): such a block runs exactly once. */
        boolean alteraEstado() {
            return comandos.contains("-X POST") || comandos.contains("-X PUT") || comandos.contains("--data-binary");
        }

        /** The parts of {@link #esperado} missing from {@code saida}. */
        List<String> faltando(String saida) {
            return esperado.stream().filter(parte -> !saida.contains(parte)).toList();
        }
    }

    static TourReadme ler(Path readme, int porta) throws IOException {
        String texto = Files.readString(readme);
        int inicio = texto.indexOf(SECAO);
        if (inicio < 0) {
            throw new IllegalStateException("README.md sem a seção '" + SECAO + "'");
        }
        int fim = texto.indexOf("\n## ", inicio + SECAO.length());
        String secao = texto.substring(inicio, fim < 0 ? texto.length() : fim).replace("localhost:8080", "localhost:" + porta);
        List<Bloco> blocos = new ArrayList<>();
        Matcher m = BLOCO.matcher(secao);
        while (m.find()) {
            List<String> linhas = new ArrayList<>();
            List<String> esperado = new ArrayList<>();
            String recuo = m.group(1);
            for (String linha : m.group(2).split("\n")) {
                String comando = linha.startsWith(recuo) ? linha.substring(recuo.length()) : linha.stripLeading();
                if (comando.startsWith("./mvnw") || comando.startsWith("java -jar")) {
                    continue;
                }
                Matcher comentario = COMENTARIO_ESPERADO.matcher(comando);
                if (comentario.find()) {
                    Arrays.stream(comentario.group(1).split("\\.\\.\\.|…"))
                            .map(String::strip).filter(parte -> !parte.isEmpty()).forEach(esperado::add);
                }
                linhas.add(comando);
            }
            if (linhas.stream().anyMatch(l -> !l.isBlank())) {
                blocos.add(new Bloco(String.join("\n", linhas), List.copyOf(esperado)));
            }
        }
        return new TourReadme(List.copyOf(blocos));
    }
}
