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
    void oPerfilPostgresSemNumeroDeWhatsAppListaTudoOQueFaltaNumaSoMensagem() {
        MockEnvironment env = producao().withProperty("terceiriza.whatsapp.token", "");
        MockEnvironment semBanco = new MockEnvironment().withProperty("ADMIN_PASSWORD", "Senha-Forte-1")
                .withProperty("terceiriza.admin.password", "Senha-Forte-1");
        semBanco.setActiveProfiles("postgres");

        assertThatThrownBy(() -> processor.postProcessEnvironment(env, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[WHATSAPP_TOKEN, WHATSAPP_PHONE_NUMBER_ID]")
                .hasMessageContaining("WHATSAPP_SIMULACAO_INTENCIONAL=true");
        assertThatThrownBy(() -> processor.postProcessEnvironment(semBanco, null))
                .hasMessageContaining("[DB_URL, DB_USER, DB_PASSWORD, WHATSAPP_TOKEN, WHATSAPP_PHONE_NUMBER_ID]");
    }

    @Test
    void umNumeroIncompletoNomeiaSoOQueFalta() {
        MockEnvironment env = producao().withProperty("WHATSAPP_TOKEN", "token-real");

        assertThatThrownBy(() -> processor.postProcessEnvironment(env, null))
                .hasMessageContaining("[WHATSAPP_PHONE_NUMBER_ID]");
    }

    @Test
    void oPerfilPostgresSobeComONumeroGlobalOuComASimulacaoIntencional() {
        processor.postProcessEnvironment(producao().withProperty("WHATSAPP_TOKEN", "token-real")
                .withProperty("terceiriza.whatsapp.phone-number-id", "123456789012345"), null);
        processor.postProcessEnvironment(producao().withProperty("terceiriza.whatsapp.simulacao-intencional", "true"), null);
        processor.postProcessEnvironment(producao().withProperty("WHATSAPP_SIMULACAO_INTENCIONAL", "true"), null);

        assertThatThrownBy(() -> processor.postProcessEnvironment(
                producao().withProperty("terceiriza.whatsapp.simulacao-intencional", "false"), null))
                .hasMessageContaining("WHATSAPP_TOKEN");
    }

    @Test
    void foraDoPerfilPostgresSimularContinuaPermitido() {
        processor.postProcessEnvironment(new MockEnvironment().withProperty("terceiriza.admin.password", "Senha-Forte-1"),
                null);
    }

    /** Production settings complete except WhatsApp. */
    private static MockEnvironment producao() {
        MockEnvironment env = new MockEnvironment().withProperty("DB_URL", "jdbc:postgresql://db/x")
                .withProperty("DB_USER", "app").withProperty("DB_PASSWORD", "s").withProperty("ADMIN_PASSWORD", "Senha-Forte-1")
                .withProperty("terceiriza.admin.password", "Senha-Forte-1")
                .withProperty("terceiriza.admin.gerar-senha-se-ausente", "false");
        env.setActiveProfiles("postgres");
        return env;
    }

    @Test
    void oPerfilPostgresSobeComTodasAsVariaveisESemGerarSenha() {
        MockEnvironment env = new MockEnvironment().withProperty("DB_URL", "jdbc:postgresql://db/x")
                .withProperty("DB_USER", "app").withProperty("DB_PASSWORD", "s").withProperty("ADMIN_PASSWORD", "Senha-Forte-1")
                .withProperty("terceiriza.admin.password", "Senha-Forte-1")
                .withProperty("terceiriza.admin.gerar-senha-se-ausente", "false")
                .withProperty("WHATSAPP_TOKEN", "token-real").withProperty("WHATSAPP_PHONE_NUMBER_ID", "123456789012345");
        env.setActiveProfiles("postgres");

        processor.postProcessEnvironment(env, null);

        assertThat(env.getProperty("terceiriza.admin.password")).isEqualTo("Senha-Forte-1");
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
        assertThat(PoliticaDeSenha.regrasVioladas(senhaA, PoliticaDeSenha.usuario("admin", "Administrador", "Terceiriza")))
                .as("a senha gerada passa na política de senhas do Camunda").isEmpty();
    }

    @Test
    void umaAdminPasswordFracaNaoSobeEDizQuaisRegrasFaltam() {
        MockEnvironment env = new MockEnvironment().withProperty("terceiriza.admin.password", "senha-admin-fraca")
                .withProperty("camunda.bpm.admin-user.id", "admin");

        assertThatThrownBy(() -> processor.postProcessEnvironment(env, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ADMIN_PASSWORD não atende à política de senhas")
                .hasMessageContaining("maiúscula").hasMessageContaining("dígito")
                .hasMessageContaining("não conter o id");
    }

    @Test
    void aSenhaDoAdminNaoPodeConterONomeDoUsuario() {
        MockEnvironment env = new MockEnvironment().withProperty("terceiriza.admin.password", "Senha-Terceiriza-1")
                .withProperty("camunda.bpm.admin-user.last-name", "Terceiriza");

        assertThatThrownBy(() -> processor.postProcessEnvironment(env, null)).hasMessageContaining("não conter o id");
    }

    @Test
    void semSenhaEComGeracaoDesligadaNaoSobe() {
        MockEnvironment env = new MockEnvironment().withProperty("terceiriza.admin.gerar-senha-se-ausente", "false");

        assertThatThrownBy(() -> processor.postProcessEnvironment(env, null)).hasMessageContaining("ADMIN_PASSWORD");
    }
}
