package br.com.terceirizacs.catalogo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrlAreaMembrosTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://curso-exemplo.club.hotmart.com", "https://CURSO.club.hotmart.com/area?x=1",
            "https://hotmart.com/pt-br/club/curso", "https://membros.escola-exemplo.com.br:8443/entrar"})
    void aceitaEnderecosHttpsComHostCompleto(String url) {
        assertThat(UrlAreaMembros.Validador.valida(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://\u2026.club.hotmart.com", "https://curso\u2026club.hotmart.com",
            "https://curso....club.hotmart.com", "https://cur...so.club.hotmart.com", "http://curso.club.hotmart.com",
            "ftp://curso.club.hotmart.com", "https://localhost", "https://curso", "https://10.0.0.1/area",
            "https://-curso.club.hotmart.com", "https://curso..hotmart.com", "https://curso.club.hotmart.com/…",
            "https://usuario@curso.club.hotmart.com", " https://curso.club.hotmart.com", "curso.club.hotmart.com",
            "https://curso club.hotmart.com", "https://curso.club.hotmart.c"})
    void recusaEnderecosColadosIncompletosOuSemHttps(String url) {
        assertThat(UrlAreaMembros.Validador.valida(url)).as(url).isFalse();
    }
}
