package br.com.terceirizacs.comum;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MascaraTest {

    @Test
    void emailMostraSoODominioEOInicio() {
        assertThat(Mascara.email("mariana.souza@example.com")).isEqualTo("ma***@example.com");
        assertThat(Mascara.email("a@b.com")).isEqualTo("a***@b.com");
        assertThat(Mascara.email(null)).isEqualTo("-");
        assertThat(Mascara.email("sem-arroba")).isEqualTo("***");
    }

    @Test
    void usuarioMostraSoOInicio() {
        assertThat(Mascara.usuario("admin")).isEqualTo("ad***");
        assertThat(Mascara.usuario("x")).isEqualTo("x***");
        assertThat(Mascara.usuario("dono@escola.example.com")).isEqualTo("do***@escola.example.com");
        assertThat(Mascara.usuario(" ")).isEqualTo("-");
        assertThat(Mascara.usuario(null)).isEqualTo("-");
    }

    @Test
    void telefoneEscondeOMeioDoNumero() {
        assertThat(Mascara.telefone("+5511900000001")).isEqualTo("+5511*****0001");
        assertThat(Mascara.telefone("+5511900000001")).doesNotContain("90000");
        assertThat(Mascara.telefone("1234")).isEqualTo("***");
        assertThat(Mascara.telefone(null)).isEqualTo("-");
    }
}
