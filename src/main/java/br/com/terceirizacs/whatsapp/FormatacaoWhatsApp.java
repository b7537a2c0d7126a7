package br.com.terceirizacs.whatsapp;

/**
 * A message as the student's WhatsApp draws it, written as HTML for a Camunda Form text view (the approval preview
 * in Tasklist). The rule, and why:
 * <ul>
 *   <li>WhatsApp's markers: {@code *bold*}, {@code _italic_}, {@code ~strike~}, {@code ```monospace```} and
 *       {@code `inline code`}. A marker opens at the start of a line or after a character that is not a letter or
 *       digit, when a non-space follows it; it closes at the first same marker that follows a non-space and is not
 *       followed by a letter or digit, on the same line. So {@code nome_do_aluno} or {@code 2*3*4} stay as typed, as
 *       on the phone. Markers nest ({@code *_x_*}); nothing is formatted inside code. A marker that never closes is
 *       shown as typed.</li>
 *   <li>Line breaks are kept ({@code <br>}); the URL button is drawn as a box under the text, with its label.</li>
 *   <li>Only this class writes tags. Every character of the text (student names and the editable part included) is
 *       written as text: {@code < > & " '} and every character that Markdown or form-js templating reads
 *       ({@code * _ ~ ` [ ] ( ) # ! | \ { } :}) become numeric character references, so no text can open a tag,
 *       a link, an image or a template expression. The result is one line, one HTML block: the form's Markdown
 *       renderer passes it through untouched, and its sanitizer keeps these tags ({@code div}, {@code span},
 *       {@code strong}, {@code em}, {@code code}, {@code br}). It has no {@code <del>}, so strike-through is a
 *       {@code span} with a class the Tasklist stylesheet draws.</li>
 * </ul>
 */
public final class FormatacaoWhatsApp {

    private static final String MARCAS_SIMPLES = "*_~`";

    private FormatacaoWhatsApp() {
    }

    /**
     * The preview's HTML.
     *
     * @param texto       the message body as the student receives it (WhatsApp markup, {@code \n} line breaks)
     * @param rotuloBotao the label of the message's URL button, or null when it has none
     */
    public static String emHtml(String texto, String rotuloBotao) {
        StringBuilder html = new StringBuilder("<div class=\"whatsapp-previa\"><div class=\"whatsapp-balao\">");
        String[] linhas = (texto == null ? "" : texto).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < linhas.length; i++) {
            if (i > 0) {
                html.append("<br>");
            }
            formatar(linhas[i], html);
        }
        html.append("</div>");
        if (rotuloBotao != null && !rotuloBotao.isBlank()) {
            html.append("<div class=\"whatsapp-botao\">");
            escapar(rotuloBotao.replace('\n', ' ').replace('\r', ' '), html);
            html.append("</div>");
        }
        return html.append("</div>").toString();
    }

    private static void formatar(String s, StringBuilder html) {
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("```", i)) {
                int fim = s.indexOf("```", i + 3);
                if (fim > i + 3) {
                    html.append("<code>");
                    escapar(s.substring(i + 3, fim), html);
                    html.append("</code>");
                    i = fim + 3;
                    continue;
                }
            }
            char c = s.charAt(i);
            if (MARCAS_SIMPLES.indexOf(c) >= 0 && podeAbrir(s, i)) {
                int fim = fechamento(s, c, i);
                if (fim > 0) {
                    String dentro = s.substring(i + 1, fim);
                    html.append(abre(c));
                    if (c == '`') {
                        escapar(dentro, html);
                    } else {
                        formatar(dentro, html);
                    }
                    html.append(fecha(c));
                    i = fim + 1;
                    continue;
                }
            }
            escapar(String.valueOf(c), html);
            i++;
        }
    }

    private static boolean podeAbrir(String s, int i) {
        return (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))
                && i + 1 < s.length() && !Character.isWhitespace(s.charAt(i + 1));
    }

    /** The first closing marker after at least one character, or -1. */
    private static int fechamento(String s, char marca, int abertura) {
        for (int k = abertura + 2; k < s.length(); k++) {
            if (s.charAt(k) == marca && !Character.isWhitespace(s.charAt(k - 1))
                    && (k + 1 == s.length() || !Character.isLetterOrDigit(s.charAt(k + 1)))) {
                return k;
            }
        }
        return -1;
    }

    private static String abre(char marca) {
        return switch (marca) {
            case '*' -> "<strong>";
            case '_' -> "<em>";
            case '~' -> "<span class=\"whatsapp-riscado\">";
            default -> "<code>";
        };
    }

    private static String fecha(char marca) {
        return switch (marca) {
            case '*' -> "</strong>";
            case '_' -> "</em>";
            case '~' -> "</span>";
            default -> "</code>";
        };
    }

    /** Text as text: markup-significant characters as numeric references, line breaks never (callers split). */
    private static void escapar(String texto, StringBuilder html) {
        for (int i = 0; i < texto.length(); i++) {
            char c = texto.charAt(i);
            if ("<>&\"'*_~`[]()#!|\\{}:".indexOf(c) >= 0) {
                html.append("&#").append((int) c).append(';');
            } else if (c == '\n' || c == '\r') {
                html.append(' ');
            } else {
                html.append(c);
            }
        }
    }
}
