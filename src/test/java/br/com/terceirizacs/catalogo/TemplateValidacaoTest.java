package br.com.terceirizacs.catalogo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape rules Meta applies to a template and to the parameters we send with it, before anything is saved. */
class TemplateValidacaoTest {

    private static final TemplateValidacao.Dados BOAS_VINDAS = new TemplateValidacao.Dados("UTILITY",
            "Olá, {{1}}! Sua compra de *{{2}}* foi aprovada. Toque no botão abaixo.",
            List.of("primeiro_nome", "produto"), null, "Acessar o curso", "/a/{{1}}");

    @Test
    void umTemplateComoOsDaInstalacaoPassa() {
        assertThat(TemplateValidacao.erros(BOAS_VINDAS)).isEmpty();
        assertThat(TemplateValidacao.erros(new TemplateValidacao.Dados("MARKETING",
                "Oi, {{1}}! Você parou em *{{2}}*. {{3}} Toque no botão abaixo.",
                List.of("primeiro_nome", "modulo", "texto_livre"), "Falta pouco!", "Continuar", "/a/{{1}}"))).isEmpty();
        assertThat(TemplateValidacao.errosDaChave("boas_vindas_acesso", "pt_BR")).isEmpty();
    }

    @Test
    void parametrosEmNumeroDiferenteDasVariaveisSaoRecusadosComOErroDaMeta() {
        Map<String, String> erros = TemplateValidacao.erros(comCorpo(
                "Olá, {{1}}! Sua compra de *{{2}}* foi aprovada e {{3}} está liberado.", List.of("primeiro_nome", "produto")));

        assertThat(erros).containsOnlyKeys("parametros");
        assertThat(erros.get("parametros")).contains("3 variáveis", "2 parâmetros", "132000");
    }

    @Test
    void variaveisPuladasMalEscritasOuNasPontasSaoRecusadas() {
        assertThat(TemplateValidacao.erros(comCorpo("Olá, {{1}} e {{3}}!", List.of("primeiro_nome", "produto"))))
                .extractingByKey("corpo").asString().contains("sem pular");
        assertThat(TemplateValidacao.erros(comCorpo("Olá, {{ 1 }}!", List.of("primeiro_nome"))))
                .extractingByKey("corpo").asString().contains("{{1}}");
        assertThat(TemplateValidacao.erros(comCorpo("{{1}}, sua compra saiu.", List.of("primeiro_nome"))))
                .extractingByKey("corpo").asString().contains("começo");
        assertThat(TemplateValidacao.erros(comCorpo("Sua compra saiu, {{1}}", List.of("primeiro_nome"))))
                .extractingByKey("corpo").asString().contains("fim");
    }

    @Test
    void oCorpoTemNoMaximo1024Caracteres() {
        assertThat(TemplateValidacao.erros(comCorpo("Oi " + "a".repeat(1022), List.of()))).containsKey("corpo");
        assertThat(TemplateValidacao.erros(comCorpo("Oi " + "a".repeat(1021), List.of()))).isEmpty();
    }

    @Test
    void soParametrosQueAAplicacaoPreencheETextoLivreComPadraoAceitoPelaMeta() {
        assertThat(TemplateValidacao.erros(comCorpo("Olá, {{1}}!", List.of("cpf")))).extractingByKey("parametros")
                .asString().contains("'cpf' desconhecido");
        TemplateValidacao.Dados semPadrao = new TemplateValidacao.Dados("UTILITY", "Oi, {{1}}. {{2}} Até.",
                List.of("primeiro_nome", "texto_livre"), null, null, null);
        assertThat(TemplateValidacao.erros(semPadrao)).containsOnlyKeys("textoLivrePadrao");
        TemplateValidacao.Dados comQuebra = new TemplateValidacao.Dados("UTILITY", "Oi, {{1}}. {{2}} Até.",
                List.of("primeiro_nome", "texto_livre"), "linha 1\nlinha 2", null, null);
        assertThat(TemplateValidacao.erros(comQuebra)).extractingByKey("textoLivrePadrao").asString().contains("132018");
    }

    @Test
    void oBotaoTemRotuloDeAte25CaracteresEUrlTerminadaNaVariavel() {
        assertThat(TemplateValidacao.erros(comBotao("Acessar o curso agora mesmo", "/a/{{1}}")))
                .extractingByKey("botaoRotulo").asString().contains("25");
        assertThat(TemplateValidacao.erros(comBotao("Acessar", "/a/{{1}}/fim"))).containsKey("botaoUrl");
        assertThat(TemplateValidacao.erros(comBotao("Acessar", "/a/fixo"))).containsKey("botaoUrl");
        assertThat(TemplateValidacao.erros(comBotao("Acessar", null))).containsKey("botaoUrl");
        assertThat(TemplateValidacao.erros(comBotao(null, null))).isEmpty();
    }

    @Test
    void nomeEIdiomaNoFormatoDaMeta() {
        assertThat(TemplateValidacao.errosDaChave("Boas Vindas", "pt_BR")).containsOnlyKeys("nome");
        assertThat(TemplateValidacao.errosDaChave("boas_vindas", "portugues")).containsOnlyKeys("idioma");
    }

    private static TemplateValidacao.Dados comCorpo(String corpo, List<String> parametros) {
        return new TemplateValidacao.Dados("UTILITY", corpo, parametros, null, null, null);
    }

    private static TemplateValidacao.Dados comBotao(String rotulo, String url) {
        return new TemplateValidacao.Dados("UTILITY", BOAS_VINDAS.corpo(), BOAS_VINDAS.parametros(), null, rotulo, url);
    }
}
