package br.com.terceirizacs.seguranca;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The user name as the webapps' login form sends it, read without consuming the request for Camunda. */
class LoginCamundaLimitadoTest {

    static String campo(String corpo, String nome) {
        return LoginCamundaLimitado.campo(corpo.getBytes(StandardCharsets.UTF_8), nome);
    }

    @Test
    void leOCampoDoFormularioDecodificado() {
        assertThat(campo("username=ana%40escola.example&password=a%26b", "username")).isEqualTo("ana@escola.example");
        assertThat(campo("password=x&username=Jos%C3%A9+Silva", "username")).isEqualTo("José Silva");
        assertThat(campo("username=&password=x", "username")).isEmpty();
        assertThat(campo("password=x", "username")).isNull();
        assertThat(campo("username=%zz", "username")).isEqualTo("%zz");
    }
}
