package br.com.terceirizacs.matricula;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OptOutVariantesTest {

    @Test
    void umNumeroBrasileiroSemONonoDigitoTambemAlcancaOQueTemONove() {
        assertThat(ContatoAlunoService.variantesBrasileiras("551190000003")).containsExactly("551190000003", "5511990000003");
        assertThat(ContatoAlunoService.variantesBrasileiras("5511900000003")).containsExactly("5511900000003", "551100000003");
    }

    @Test
    void numerosDeOutrosPaisesFicamComoEstao() {
        assertThat(ContatoAlunoService.variantesBrasileiras("351912000001")).containsExactly("351912000001");
        assertThat(ContatoAlunoService.variantesBrasileiras("12025550147")).containsExactly("12025550147");
    }
}
