package br.com.terceirizacs.whatsapp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Meta's error codes, classified by code and never by HTTP status (shared/reference/whatsapp-chatwoot.md A3). */
class ClasseErroTest {

    @ParameterizedTest(name = "#{0} (HTTP {1}) → {2}")
    @CsvSource({
            "130429, 400, TRANSITORIO", "130429, 429, TRANSITORIO", "131056, 400, TRANSITORIO", "4, 429, TRANSITORIO",
            "80007, 429, TRANSITORIO", "131000, 500, TRANSITORIO", "2, 503, TRANSITORIO", "131057, 500, TRANSITORIO",
            "131026, 400, PERMANENTE", "100, 400, PERMANENTE",
            "132000, 400, TEMPLATE", "132001, 404, TEMPLATE", "132005, 400, TEMPLATE", "132007, 400, TEMPLATE",
            "132012, 400, TEMPLATE", "132015, 400, TEMPLATE", "132016, 400, TEMPLATE", "132068, 400, PERMANENTE",
            "131051, 400, PERMANENTE", "131047, 400, PERMANENTE", "131049, 400, PERMANENTE",
            "190, 401, TOKEN", "190, 400, TOKEN",
            "-1, 502, TRANSITORIO", "-1, 429, TRANSITORIO", "-1, 400, PERMANENTE", "1, 500, TRANSITORIO", "1, 400, TRANSITORIO"})
    void classificaPeloCodigoDoErro(int codigo, int http, ClasseErro esperada) {
        assertThat(ClasseErro.de(codigo, http)).isEqualTo(esperada);
    }

    @ParameterizedTest(name = "{0} / \"{1}\" → \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "132001 | (#132001) Template name does not exist in the translation | (#132001) Template name does not exist in the translation",
            "131026 | Message Undeliverable. | (#131026) Message Undeliverable.",
            "-1 | HTTP 502 | (#-1) HTTP 502",
            "131056 | (#131056) (Business Account, Consumer Account) pair rate limit hit | (#131056) (Business Account, Consumer Account) pair rate limit hit"})
    void oCodigoApareceUmaVezSoNoTextoDoErro(int codigo, String mensagemDaMeta, String esperado) {
        assertThat(new ErroCloudApi(400, codigo, mensagemDaMeta).getMessage()).isEqualTo(esperado);
    }
}
