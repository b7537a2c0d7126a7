package br.com.terceirizacs.matricula;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The phone forms of shared/reference/hotmart.md §6, through libphonenumber. */
class TelefonesTest {

    @ParameterizedTest(name = "[{0}] [{1}] {2} → {3}")
    @CsvSource(nullValues = "-", value = {
            // documented shape: DDD in checkout_phone_code, number without it
            "31, 999999999, BR, +5531999999999",
            "11, 900000001, BR, +5511900000001",
            // DDD repeated inside checkout_phone (the common real form)
            "32, 32988037060, BR, +5532988037060",
            "11, 11900000002, BR, +5511900000002",
            // country code inside, no code field
            "-, 5541985008090, BR, +5541985008090",
            // checkout_phone_code holding the country code instead of the DDD
            "55, 21900000019, BR, +5521900000019",
            // a mask typed at checkout
            "31, (31) 90000-0031, BR, +5531900000031",
            // foreign buyers: country code inside checkout_phone, no code field
            "-, 351912000001, PT, +351912000001",
            "-, 12025550147, US, +12025550147",
            // explicit international prefixes
            "-, +55 11 90000-0001, BR, +5511900000001",
            "-, 0055 11 900000001, BR, +5511900000001",
            // no country known: Brazil
            "11, 900000001, -, +5511900000001"})
    void normalizaOsFormatosQueAHotmartEnvia(String codigo, String telefone, String pais, String esperado) {
        Telefones.Resultado r = Telefones.normalizar(codigo, telefone, pais);

        assertThat(r.situacao()).isEqualTo(SituacaoTelefone.VALIDO);
        assertThat(r.e164()).isEqualTo(esperado);
    }

    @ParameterizedTest(name = "[{0}] [{1}] {2} → inutilizável")
    @CsvSource(nullValues = "-", value = {
            // 9 digits with no DDD would parse as a premium-rate number: never guessed into a mobile
            "-, 900000001, BR",
            // a fixed line cannot receive WhatsApp
            "11, 30000002, BR",
            // too short / garbage
            "11, 123, BR",
            "-, abc, BR",
            // a foreign number is not parsed as Brazilian
            "-, 351912000, PT"})
    void numerosQueNaoSaoCelularesValidosFicamMarcadosComoInvalidos(String codigo, String telefone, String pais) {
        Telefones.Resultado r = Telefones.normalizar(codigo, telefone, pais);

        assertThat(r.situacao()).isEqualTo(SituacaoTelefone.INVALIDO);
        assertThat(r.e164()).isNull();
        assertThat(r.bruto()).contains(telefone);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"-, -", "11, -", "11, ''"})
    void semTelefoneNaCompraFicaAusenteSemErro(String codigo, String telefone) {
        assertThat(Telefones.normalizar(codigo, telefone, "BR").situacao()).isEqualTo(SituacaoTelefone.AUSENTE);
    }
}
