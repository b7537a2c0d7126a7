package br.com.terceirizacs.hotmart;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HottokNoCorpoTest {

    private static String remover(String json) {
        return new String(HottokNoCorpo.remover(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void removeOHottokDoFimMantendoORestoByteAByte() {
        assertThat(remover("{\n  \"id\": \"a\",\n  \"data\": {\"x\": 1},\n  \"hottok\": \"segredo\"\n}"))
                .isEqualTo("{\n  \"id\": \"a\",\n  \"data\": {\"x\": 1}\n}");
    }

    @Test
    void removeOHottokDoInicioEDoMeio() {
        assertThat(remover("{\"hottok\":\"segredo\",\"id\":\"a\"}")).isEqualTo("{\"id\":\"a\"}");
        assertThat(remover("{\"id\":\"a\", \"hottok\" : \"segredo\" , \"event\":\"E\"}"))
                .isEqualTo("{\"id\":\"a\",  \"event\":\"E\"}");
    }

    @Test
    void removeMesmoQuandoEhOUnicoCampoOuNaoEhTexto() {
        assertThat(remover("{\"hottok\":\"segredo\"}")).isEqualTo("{}");
        assertThat(remover("{\"id\":1,\"hottok\":{\"a\":[1,2]}}")).isEqualTo("{\"id\":1}");
    }

    @Test
    void naoMexeEmHottokAninhadoNemEmCorposSemHottokOuInvalidos() {
        String aninhado = "{\"data\":{\"hottok\":\"nao-e-o-cabecalho\"}}";
        assertThat(remover(aninhado)).isEqualTo(aninhado);
        assertThat(remover("{\"id\":\"a\"}")).isEqualTo("{\"id\":\"a\"}");
        assertThat(remover("{\"id\":\"a\",")).isEqualTo("{\"id\":\"a\",");
        assertThat(remover("[1,2]")).isEqualTo("[1,2]");
    }

    @Test
    void lidaComTextoComAcentosAntesDoHottok() {
        assertThat(remover("{\"nome\":\"Módulo — ção\",\"hottok\":\"s\"}")).isEqualTo("{\"nome\":\"Módulo — ção\"}");
    }
}
