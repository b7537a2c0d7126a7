package br.com.terceirizacs.matricula;

import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Buyer phones as Hotmart sends them, to E.164 with libphonenumber, by the rules of
 * shared/reference/hotmart.md §6: the buyer's country decides the region; Brazilian {@code checkout_phone} often
 * already holds the DDD (sometimes 55 too), so the code is prepended only to 8–9 digit numbers; a foreign phone
 * carries its country code. Only numbers that can receive WhatsApp (mobile) are usable; nothing is guessed.
 */
public final class Telefones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Telefones() {
    }

    public record Resultado(SituacaoTelefone situacao, String e164, String bruto) {
    }

    public static Resultado normalizar(String codigo, String telefone, String paisIso) {
        String bruto = bruto(codigo, telefone);
        String digitos = digitos(telefone);
        if (digitos.isEmpty()) {
            boolean vazio = telefone == null || telefone.isBlank();
            return new Resultado(vazio ? SituacaoTelefone.AUSENTE : SituacaoTelefone.INVALIDO, null, bruto);
        }
        String regiao = paisIso == null || paisIso.isBlank() ? "BR" : paisIso.trim().toUpperCase(Locale.ROOT);
        String t = telefone.trim();
        PhoneNumber numero;
        if (t.startsWith("+")) {
            numero = parse("+" + digitos, regiao);
        } else if (t.startsWith("00")) {
            numero = parse("+" + digitos.substring(2), regiao);
        } else if (!"BR".equals(regiao)) {
            numero = parse("+" + digitos, regiao);
            if (numero == null || !UTIL.isValidNumber(numero)) {
                numero = parse(digitos, regiao);
            }
        } else {
            numero = parse(brasileiro(digitos(codigo), digitos), "BR");
        }
        if (numero == null || !UTIL.isValidNumber(numero)) {
            return new Resultado(SituacaoTelefone.INVALIDO, null, bruto);
        }
        PhoneNumberType tipo = UTIL.getNumberType(numero);
        if (tipo != PhoneNumberType.MOBILE && tipo != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
            return new Resultado(SituacaoTelefone.INVALIDO, null, bruto);
        }
        return new Resultado(SituacaoTelefone.VALIDO, UTIL.format(numero, PhoneNumberFormat.E164), bruto);
    }

    /** The Brazilian cases; returns a string libphonenumber can parse, or null when the digits make no number. */
    private static String brasileiro(String codigo, String n) {
        String ddd = codigo.length() == 2 && !"55".equals(codigo) ? codigo : null;
        if ((n.length() == 12 || n.length() == 13) && n.startsWith("55")) {
            return "+" + n;
        }
        if (n.length() == 10 || n.length() == 11) {
            return "+55" + n;
        }
        if ((n.length() == 8 || n.length() == 9) && ddd != null) {
            return "+55" + ddd + n;
        }
        return null;
    }

    private static PhoneNumber parse(String texto, String regiao) {
        if (texto == null) {
            return null;
        }
        try {
            return UTIL.parse(texto, regiao);
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static String digitos(String s) {
        return s == null ? "" : s.replaceAll("\\D", "");
    }

    private static String bruto(String codigo, String telefone) {
        if ((codigo == null || codigo.isBlank()) && (telefone == null || telefone.isBlank())) {
            return null;
        }
        String texto = (codigo == null ? "" : codigo.trim()) + "|" + (telefone == null ? "" : telefone.trim());
        return texto.length() > 80 ? texto.substring(0, 80) : texto;
    }
}
