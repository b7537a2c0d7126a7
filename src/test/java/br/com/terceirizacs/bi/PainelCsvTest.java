package br.com.terceirizacs.bi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Fields a spreadsheet opens safely, and durations as the producer reads them. */
class PainelCsvTest {

    @Test
    void textoQuePareceFormulaNaoViraFormulaNaPlanilha() {
        assertThat(PainelCsv.campo("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(PainelCsv.campo("+55 11")).isEqualTo("'+55 11");
        assertThat(PainelCsv.campo("@turma")).isEqualTo("'@turma");
        assertThat(PainelCsv.campo("Turma 10; VIP")).isEqualTo("\"Turma 10; VIP\"");
        assertThat(PainelCsv.campo("Turma 10")).isEqualTo("Turma 10");
        assertThat(PainelCsv.campo(null)).isEmpty();
    }

    @Test
    void duracoesEmPortugues() {
        assertThat(Formatos.duracao(null)).isEqualTo("—");
        assertThat(Formatos.duracao(20.0)).isEqualTo("menos de 1 min");
        assertThat(Formatos.duracao(47 * 60.0)).isEqualTo("47 min");
        assertThat(Formatos.duracao(3 * 3600 + 5 * 60.0)).isEqualTo("3 h 05 min");
        assertThat(Formatos.duracao(52 * 3600.0)).isEqualTo("2 dias e 4 h");
        assertThat(Formatos.duracao(7 * 86400.0)).isEqualTo("7 dias");
        assertThat(Formatos.percentual(12.345)).isEqualTo("12,3%");
        assertThat(Formatos.percentualInteiro(44.5)).isEqualTo("45%");
    }
}
