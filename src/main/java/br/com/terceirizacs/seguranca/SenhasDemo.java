package br.com.terceirizacs.seguranca;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Local demo only: the generated passwords (admin, CS user, producer user) are kept in a properties file next to the
 * H2 database ({@code terceiriza.demo.arquivo-senhas}, {@code ./data/senhas-demo.properties} by default, readable by
 * its owner only), so a restart on the same {@code ./data} keeps them: an exported {@code SENHA} and open sessions go
 * on working. Deleting the file (or the whole {@code ./data}) gives new ones at the next start. Without the property
 * (profile {@code postgres}, tests) nothing is written and every start generates fresh passwords.
 */
final class SenhasDemo {

    static final String ARQUIVO = "terceiriza.demo.arquivo-senhas";

    private SenhasDemo() {
    }

    /** The file configured in {@code env}, or {@code null} when generated passwords are not to be kept. */
    static Path arquivo(PropertyResolver env) {
        String caminho = env.getProperty(ARQUIVO);
        return StringUtils.hasText(caminho) ? Path.of(caminho) : null;
    }

    /**
     * The password kept under {@code chave} in {@code arquivo} when it is still {@code valida}; otherwise a new one from
     * {@code gerar}, written to the file before it is returned. With {@code arquivo == null}, always a new one.
     */
    static synchronized String obter(Path arquivo, String chave, Supplier<String> gerar, Predicate<String> valida) {
        if (arquivo == null) {
            return gerar.get();
        }
        try {
            Properties senhas = new Properties();
            if (Files.isRegularFile(arquivo)) {
                try (Reader in = Files.newBufferedReader(arquivo, StandardCharsets.UTF_8)) {
                    senhas.load(in);
                }
            }
            String guardada = senhas.getProperty(chave);
            if (StringUtils.hasText(guardada) && valida.test(guardada)) {
                return guardada;
            }
            String nova = gerar.get();
            senhas.setProperty(chave, nova);
            gravar(arquivo, senhas);
            return nova;
        } catch (IOException e) {
            throw new UncheckedIOException("Não foi possível ler nem gravar as senhas da demo em " + arquivo, e);
        }
    }

    private static void gravar(Path arquivo, Properties senhas) throws IOException {
        Path pasta = arquivo.toAbsolutePath().getParent();
        Files.createDirectories(pasta);
        Path temporario = pasta.resolve(arquivo.getFileName() + ".tmp");
        Files.deleteIfExists(temporario);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporario, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temporario);
        }
        try (Writer out = Files.newBufferedWriter(temporario, StandardCharsets.UTF_8)) {
            senhas.store(out, "Senhas geradas da demo local (apague para gerar novas na próxima partida)");
        }
        Files.move(temporario, arquivo, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
