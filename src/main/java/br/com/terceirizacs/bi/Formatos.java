package br.com.terceirizacs.bi;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers and durations as a Brazilian producer reads them. */
final class Formatos {

    static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    static final DateTimeFormatter DATA = DateTimeFormatter.ofPattern("dd/MM/yyyy", PT_BR);
    static final DateTimeFormatter DATA_HORA = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", PT_BR);

    private Formatos() {
    }

    /** {@code parte / todo} in percent, or null when there is no whole. */
    static Double percentual(long parte, long todo) {
        return todo == 0 ? null : 100.0 * parte / todo;
    }

    /** "45%" (whole percent, as in the headline). */
    static String percentualInteiro(Double p) {
        return p == null ? "—" : Math.round(p) + "%";
    }

    /** "12,5%" (one decimal). */
    static String percentual(Double p) {
        return p == null ? "—" : decimal(p) + "%";
    }

    /** "1234,5": one decimal, decimal comma, no thousands separator (also what a Brazilian spreadsheet reads). */
    static String decimal(double d) {
        NumberFormat f = NumberFormat.getNumberInstance(PT_BR);
        f.setGroupingUsed(false);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(d);
    }

    /** "menos de 1 min", "47 min", "3 h 05 min", "2 dias e 4 h". */
    static String duracao(Double segundos) {
        if (segundos == null) {
            return "—";
        }
        long minutos = Math.round(segundos / 60.0);
        if (minutos < 1) {
            return "menos de 1 min";
        }
        if (minutos < 60) {
            return minutos + " min";
        }
        long horas = minutos / 60;
        if (horas < 48) {
            return "%d h %02d min".formatted(horas, minutos % 60);
        }
        long dias = horas / 24;
        long resto = horas % 24;
        return resto == 0 ? dias + " dias" : "%d dias e %d h".formatted(dias, resto);
    }
}
