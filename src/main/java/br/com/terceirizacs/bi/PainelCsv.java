package br.com.terceirizacs.bi;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The numbers of each turma in the recorte as CSV for a Brazilian spreadsheet: UTF-8 with BOM, ";" between fields,
 * decimal comma, one row per turma and a total row. Text fields that a spreadsheet would run as a formula are
 * prefixed with an apostrophe.
 */
@Component
class PainelCsv {

    byte[] gerar(Painel p) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        linha(csv, List.of("Produto", "Turma", "Compradores", "Acessaram", "Ainda sem acesso", "Via link WhatsApp",
                "Via e-mail Hotmart", "% via link WhatsApp", "Mediana até o 1º acesso - link (h)",
                "Mediana até o 1º acesso - e-mail (h)", "Resgates sugeridos", "Resgates aprovados", "Resgates enviados",
                "Resgates entregues", "Resgates lidos", "Acessaram em até " + p.funil().diasConversao() + " dias",
                "Responderam no WhatsApp", "% responderam no WhatsApp",
                "Reembolsos entre quem acessou", "% reembolso entre quem acessou",
                "Reembolsos entre quem nunca acessou", "% reembolso entre quem nunca acessou",
                "Módulos concluídos", "Parabéns enviados"));
        for (Painel.LinhaTurma t : p.turmas()) {
            linha(csv, valores(t.produto(), t.turma(), t.numeros(), t.medianas(), t.funil(), t.reembolsos()));
        }
        linha(csv, valores("Total", p.recorte(), p.numeros(), p.medianas(), p.funil(), p.reembolsos()));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> valores(String produto, String turma, Painel.Numeros n, Painel.Medianas m,
                                        Painel.Funil f, Painel.Reembolsos r) {
        return List.of(produto, turma, num(n.compradores()), num(n.acessaram()), num(n.semAcesso()),
                num(n.viaLink()), num(n.viaEmail()), decimal(n.percentualLink()), horas(m.segundosLink()),
                horas(m.segundosEmail()), num(f.sugeridos()), num(f.aprovados()), num(f.enviados()),
                num(f.entregues()), num(f.lidos()), num(f.acessaram()), num(n.responderam()),
                decimal(n.percentualResposta()), num(r.comAcesso()),
                decimal(r.percentualComAcesso()), num(r.semAcesso()), decimal(r.percentualSemAcesso()),
                num(n.modulosConcluidos()), num(n.parabensEnviados()));
    }

    private static void linha(StringBuilder csv, List<String> campos) {
        for (int i = 0; i < campos.size(); i++) {
            if (i > 0) {
                csv.append(';');
            }
            csv.append(campo(campos.get(i)));
        }
        csv.append("\r\n");
    }

    static String campo(String valor) {
        String v = valor == null ? "" : valor;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String num(long n) {
        return Long.toString(n);
    }

    private static String decimal(Double d) {
        return d == null ? "" : Formatos.decimal(d);
    }

    private static String horas(Double segundos) {
        return segundos == null ? "" : decimal(segundos / 3600.0);
    }
}
