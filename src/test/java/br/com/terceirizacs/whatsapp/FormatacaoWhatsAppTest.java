package br.com.terceirizacs.whatsapp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The approval preview draws a message as WhatsApp does, and no text can write markup of its own. */
class FormatacaoWhatsAppTest {

    private static String corpo(String texto) {
        String html = FormatacaoWhatsApp.emHtml(texto, null);
        String inicio = "<div class=\"whatsapp-previa\"><div class=\"whatsapp-balao\">";
        assertThat(html).startsWith(inicio).endsWith("</div></div>");
        return html.substring(inicio.length(), html.length() - "</div></div>".length());
    }

    @Test
    void negritoItalicoRiscadoEMonoespacadoComoNoWhatsApp() {
        assertThat(corpo("Sua compra de *Curso X* foi aprovada")).isEqualTo("Sua compra de <strong>Curso X</strong> foi aprovada");
        assertThat(corpo("_bem-vinda_")).isEqualTo("<em>bem-vinda</em>");
        assertThat(corpo("~antes~ agora")).isEqualTo("<span class=\"whatsapp-riscado\">antes</span> agora");
        assertThat(corpo("use ```codigo 123``` e `outro`")).isEqualTo("use <code>codigo 123</code> e <code>outro</code>");
        assertThat(corpo("*_os dois_*")).isEqualTo("<strong><em>os dois</em></strong>");
    }

    @Test
    void marcasNoMeioDePalavrasOuSemParSaoTextoComoNoCelular() {
        assertThat(corpo("nome_do_aluno")).isEqualTo("nome&#95;do&#95;aluno");
        assertThat(corpo("2*3*4")).isEqualTo("2&#42;3&#42;4");
        assertThat(corpo("* item sem fim")).isEqualTo("&#42; item sem fim");
        assertThat(corpo("*aberto")).isEqualTo("&#42;aberto");
        assertThat(corpo("** vazio")).isEqualTo("&#42;&#42; vazio");
        assertThat(corpo("*a *b")).isEqualTo("&#42;a &#42;b");
    }

    @Test
    void aFormatacaoNaoAtravessaLinhasEAsQuebrasFicam() {
        assertThat(corpo("Olá, Mariana!\n\n*Curso\nX*")).isEqualTo("Olá, Mariana&#33;<br><br>&#42;Curso<br>X&#42;");
        assertThat(corpo("a\r\nb")).isEqualTo("a<br>b");
        assertThat(FormatacaoWhatsApp.emHtml("a\nb", "Botão")).doesNotContain("\n");
    }

    @Test
    void nenhumTextoAbreTagLinkImagemOuExpressao() {
        String nome = "<img src=x onerror=alert(1)> [clique](https://mal.example) ![i](https://mal.example/p.png) {{segredo}} &amp;";
        String html = corpo("Olá, " + nome + "!");
        assertThat(html).doesNotContain("<img").doesNotContain("[").doesNotContain("](").doesNotContain("{{")
                .doesNotContain("https:").doesNotContain("&amp;");
        assertThat(html).contains("&#60;img src=x onerror=alert&#40;1&#41;&#62;")
                .contains("&#91;clique&#93;&#40;https&#58;//mal.example&#41;")
                .contains("&#123;&#123;segredo&#125;&#125;").contains("&#38;amp;");
        // markup inside a bold part is escaped too
        assertThat(corpo("*<b>x</b>*")).isEqualTo("<strong>&#60;b&#62;x&#60;/b&#62;</strong>");
    }

    @Test
    void oBotaoApareceComoUmaCaixaComSeuRotuloEscapado() {
        assertThat(FormatacaoWhatsApp.emHtml("Oi", "Acessar o curso")).isEqualTo(
                "<div class=\"whatsapp-previa\"><div class=\"whatsapp-balao\">Oi</div>"
                        + "<div class=\"whatsapp-botao\">Acessar o curso</div></div>");
        assertThat(FormatacaoWhatsApp.emHtml("Oi", "<a href=x>y</a>")).contains(
                "<div class=\"whatsapp-botao\">&#60;a href=x&#62;y&#60;/a&#62;</div>");
        assertThat(FormatacaoWhatsApp.emHtml("Oi", " ")).doesNotContain("whatsapp-botao");
    }
}
