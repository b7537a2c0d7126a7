package br.com.terceirizacs.seguranca;

import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Production must not simulate WhatsApp by accident: without a sending number every message would be recorded as sent
 * while nothing leaves. The profile {@code postgres} therefore needs a number configured somewhere, or
 * {@value #INTENCIONAL} (WHATSAPP_SIMULACAO_INTENCIONAL) set on purpose.
 * <p>
 * "Somewhere" is any of {@link #FONTES}: today only the global number (WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID).
 * Per-producer numbers are another source with its own settings: add it to the list and the channel counts as
 * configured when any source is complete. (A source kept in the database could not be read this early; it would be
 * checked when the context starts instead.)
 */
final class NumeroWhatsAppObrigatorio {

    static final String INTENCIONAL = "terceiriza.whatsapp.simulacao-intencional";
    static final String VARIAVEL_INTENCIONAL = "WHATSAPP_SIMULACAO_INTENCIONAL";

    /** One setting: its property and the environment variable an operator sets (either is accepted). */
    record Configuracao(String propriedade, String variavel) {

        boolean presente(Environment env) {
            return StringUtils.hasText(env.getProperty(propriedade)) || StringUtils.hasText(env.getProperty(variavel));
        }
    }

    /** A place a sending number can be configured, with the settings it needs. */
    record Fonte(String descricao, List<Configuracao> configuracoes) {

        List<String> faltando(Environment env) {
            return configuracoes.stream().filter(c -> !c.presente(env)).map(Configuracao::variavel).toList();
        }
    }

    static final List<Fonte> FONTES = List.of(new Fonte("número global", List.of(
            new Configuracao("terceiriza.whatsapp.token", "WHATSAPP_TOKEN"),
            new Configuracao("terceiriza.whatsapp.phone-number-id", "WHATSAPP_PHONE_NUMBER_ID"))));

    private NumeroWhatsAppObrigatorio() {
    }

    /**
     * The settings an operator could set to configure a number (those of the first source, the global one), or an
     * empty list when a source is complete or simulation is intended.
     */
    static List<String> faltando(Environment env) {
        if (intencional(env)) {
            return List.of();
        }
        List<String> daPrimeira = null;
        for (Fonte fonte : FONTES) {
            List<String> faltando = fonte.faltando(env);
            if (faltando.isEmpty()) {
                return List.of();
            }
            if (daPrimeira == null) {
                daPrimeira = faltando;
            }
        }
        return daPrimeira;
    }

    static boolean intencional(Environment env) {
        return Boolean.parseBoolean(env.getProperty(INTENCIONAL, env.getProperty(VARIAVEL_INTENCIONAL, "false")).trim());
    }

    static String explicacao() {
        return "Sem número de WhatsApp configurado nenhuma mensagem sairia, mas todas apareceriam como enviadas: defina "
                + "WHATSAPP_TOKEN e WHATSAPP_PHONE_NUMBER_ID, ou " + VARIAVEL_INTENCIONAL
                + "=true para rodar em modo simulação de propósito.";
    }
}
