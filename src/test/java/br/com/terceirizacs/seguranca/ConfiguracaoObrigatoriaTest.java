package br.com.terceirizacs.seguranca;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfiguracaoObrigatoriaTest {

    private final ConfiguracaoObrigatoriaPostProcessor processor = new ConfiguracaoObrigatoriaPostProcessor();

    @Test
    void oPerfilPostgresRecusaSubirSemAsVariaveisDeProducao() {
        MockEnvironment env = new MockEnvironment().withProperty("DB_URL", "jdbc:postgresql://db/x");
        env.setActiveProfiles("postgres");

        assertThatThrownBy(() -> processor.postProcessEnvironment(env, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DB_USER").hasMessageContaining("DB_PASSWORD").hasMessageContaining("ADMIN_PASSWORD")
                .message().doesNotContain("DB_URL,");
    }

    @Test
    void oPerfilPostgresSobeComTodasAsVariaveisESemGerarSenha() {
        MockEnvironment env = new MockEnvironment().withProperty("DB_URL", "jdbc:postgresql://db/x")
                .withProperty("DB_USER", "app").withProperty("DB_PASSWORD", "s").withProperty("ADMIN_PASSWORD", "forte")
                .withProperty("terceiriza.admin.password", "forte")
                .withProperty("terceiriza.admin.gerar-senha-se-ausente", "false");
        env.setActiveProfiles("postgres");

        processor.postProcessEnvironment(env, null);

        assertThat(env.getProperty("terceiriza.admin.password")).isEqualTo("forte");
        assertThat(env.getProperty("terceiriza.admin.senha-gerada")).isNull();
    }

    @Test
    void aDemoSemAdminPasswordGeraUmaSenhaAleatoriaNuncaPadrao() {
        MockEnvironment a = new MockEnvironment().withProperty("terceiriza.admin.password", "");
        MockEnvironment b = new MockEnvironment().withProperty("terceiriza.admin.password", "");

        processor.postProcessEnvironment(a, null);
        processor.postProcessEnvironment(b, null);

        String senhaA = a.getProperty("terceiriza.admin.password");
        assertThat(senhaA).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo(b.getProperty("terceiriza.admin.password"));
        assertThat(a.getProperty("terceiriza.admin.senha-gerada")).isEqualTo("true");
    }

    @Test
    void semSenhaEComGeracaoDesligadaNaoSobe() {
        MockEnvironment env = new MockEnvironment().withProperty("terceiriza.admin.gerar-senha-se-ausente", "false");

        assertThatThrownBy(() -> processor.postProcessEnvironment(env, null)).hasMessageContaining("ADMIN_PASSWORD");
    }
}
