package br.com.terceirizacs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be run in the test suite, so it is read: every environment variable the application reads
 * (the {@code ${NAME:default}} placeholders of its configuration) is documented in README.md and passed to the app
 * service, and where the application has a default the compose file does not replace it with an empty value.
 */
class ImplantacaoComposeTest {

    /** Placeholders of upper-case names with their default (null when none). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    /** The container's port is fixed (8080, published by the compose file); it is not a setting of a deployment. */
    private static final Set<String> FORA_DO_COMPOSE = Set.of("PORT");

    @Test
    void todaVariavelQueAAplicacaoLeEstaDocumentadaEEhPassadaAoServicoApp() throws IOException {
        Map<String, String> lidas = new LinkedHashMap<>();
        for (String arquivo : new String[] {"application.yaml", "application-postgres.yaml"}) {
            Matcher m = PLACEHOLDER.matcher(Files.readString(Path.of("src/main/resources", arquivo)));
            while (m.find()) {
                if (!FORA_DO_COMPOSE.contains(m.group(1))) {
                    // the compose file runs the postgres profile: its default, when it has one, is the one to repeat
                    lidas.merge(m.group(1), m.group(2) == null ? "" : m.group(2), (a, b) -> b.isEmpty() ? a : b);
                }
            }
        }
        String readme = Files.readString(Path.of("README.md"));
        Map<String, Object> app = servicoApp();

        assertThat(lidas).containsKeys("DB_URL", "DB_USER", "DB_PASSWORD", "ADMIN_PASSWORD", "WHATSAPP_TOKEN",
                "WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_SIMULACAO_INTENCIONAL");
        lidas.forEach((variavel, padrao) -> {
            assertThat(readme).as("README.md documenta " + variavel).contains("`" + variavel + "`");
            assertThat(app).as("docker-compose.yml passa " + variavel + " ao serviço app").containsKey(variavel);
            if (!padrao.isEmpty()) {
                assertThat(String.valueOf(app.get(variavel))).as(variavel + " sem valor não apaga o padrão da aplicação")
                        .isIn("${" + variavel + ":-" + padrao + "}", "${" + variavel + "-" + padrao + "}");
            }
        });
        assertThat(app.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> servicoApp() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Object> servicos = (Map<String, Object>) compose.get("services");
        Map<String, Object> app = (Map<String, Object>) servicos.get("app");
        return (Map<String, Object>) app.get("environment");
    }
}
