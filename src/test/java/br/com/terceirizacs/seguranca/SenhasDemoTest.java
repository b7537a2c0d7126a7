package br.com.terceirizacs.seguranca;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class SenhasDemoTest {

    private final ConfiguracaoObrigatoriaPostProcessor processor = new ConfiguracaoObrigatoriaPostProcessor();

    @Test
    void aSenhaGeradaDoAdminEhAMesmaAPartidaSeguinteNaMesmaPastaDeDados(@TempDir Path dados) throws Exception {
        Path arquivo = dados.resolve("data/senhas-demo.properties");
        MockEnvironment primeira = demo(arquivo);
        MockEnvironment segunda = demo(arquivo);

        processor.postProcessEnvironment(primeira, null);
        processor.postProcessEnvironment(segunda, null);

        String senha = primeira.getProperty("terceiriza.admin.password");
        assertThat(segunda.getProperty("terceiriza.admin.password")).isEqualTo(senha);
        assertThat(PoliticaDeSenha.regrasVioladas(senha, PoliticaDeSenha.usuario("admin", null, null))).isEmpty();
        assertThat(Files.readString(arquivo)).contains("admin=" + senha);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(arquivo)))
                .as("só o dono lê o arquivo de senhas").isEqualTo("rw-------");
    }

    @Test
    void apagarOArquivoGeraSenhasNovas(@TempDir Path dados) throws Exception {
        Path arquivo = dados.resolve("senhas-demo.properties");
        String antes = SenhasDemo.obter(arquivo, "csdemo", () -> "Primeira-Senha-1", s -> true);
        Files.delete(arquivo);

        assertThat(SenhasDemo.obter(arquivo, "csdemo", () -> "Segunda-Senha-2", s -> true)).isEqualTo("Segunda-Senha-2");
        assertThat(antes).isEqualTo("Primeira-Senha-1");
    }

    @Test
    void umaSenhaGuardadaQueAPoliticaRecusaEhTrocadaEAsOutrasFicam(@TempDir Path dados) throws Exception {
        Path arquivo = dados.resolve("senhas-demo.properties");
        Files.writeString(arquivo, "csdemo=fraca\nprodutora@demo.example.com=Outra-Senha-9\n");

        String nova = SenhasDemo.obter(arquivo, "csdemo", () -> "Senha-Nova-Forte-3", s -> s.length() >= 10);

        assertThat(nova).isEqualTo("Senha-Nova-Forte-3");
        assertThat(SenhasDemo.obter(arquivo, "produtora@demo.example.com", () -> "nunca", s -> true))
                .isEqualTo("Outra-Senha-9");
    }

    @Test
    void semArquivoConfiguradoNadaEhGravadoECadaPartidaTemSenhaNova() {
        MockEnvironment a = new MockEnvironment().withProperty("terceiriza.admin.password", "")
                .withProperty(SenhasDemo.ARQUIVO, "");
        MockEnvironment b = new MockEnvironment().withProperty("terceiriza.admin.password", "")
                .withProperty(SenhasDemo.ARQUIVO, "");

        processor.postProcessEnvironment(a, null);
        processor.postProcessEnvironment(b, null);

        assertThat(a.getProperty("terceiriza.admin.password")).isNotEqualTo(b.getProperty("terceiriza.admin.password"));
    }

    private static MockEnvironment demo(Path arquivo) {
        return new MockEnvironment().withProperty("terceiriza.admin.password", "")
                .withProperty(SenhasDemo.ARQUIVO, arquivo.toString());
    }
}
