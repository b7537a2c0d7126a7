package br.com.terceirizacs.historia;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import br.com.terceirizacs.comum.RequisicaoInvalidaException;
import br.com.terceirizacs.matricula.ContatoAlunoService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the enrolments a person means by what they type (a read model: see package-info): an e-mail, a phone in any
 * common format (with or without +55, the area code in brackets, dashes, with or without Brazil's ninth digit), a
 * Hotmart transaction ({@code HP…}), a WhatsApp message id ({@code wamid.…}), a number (an enrolment's or a message's
 * id), else a part of the student's name. Each kind is one indexed query (the name: a scan of the students, capped);
 * at most {@link #LIMITE} results, newest purchase first, each saying what it was found by.
 */
@Component
class BuscaHistoria {

    static final int LIMITE = 50;

    private static final Pattern TRANSACAO = Pattern.compile("(?i)HP[0-9A-Z]{4,30}");
    private static final Pattern NUMERO = Pattern.compile("\\d{1,9}");
    private static final Pattern TELEFONE = Pattern.compile("\\+?[\\d\\s().-]{10,25}");

    /** One enrolment found. */
    public record Achado(Long matriculaId, String aluno, String email, String telefone, String produtor, String produto,
                         String transacao, String status, Instant dataCompra, String encontradoPor) {
    }

    private static final String CONSULTA = """
            select m.id, a.nome, a.email, a.telefone_e164, c.nome as cliente, p.nome as produto, m.transacao_codigo,
                   m.status, m.data_compra
            from matriculas m join alunos a on a.id = m.aluno_id join produtos p on p.id = m.produto_id
            join clientes c on c.id = p.cliente_id
            where %s
            order by m.data_compra desc, m.id desc
            fetch first %d rows only""";

    private final JdbcClient jdbc;

    BuscaHistoria(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Achado> buscar(String texto) {
        String t = texto == null ? "" : texto.strip();
        if (t.length() < 3 || t.length() > 200) {
            throw new RequisicaoInvalidaException("busca", "Digite de 3 a 200 caracteres: nome, e-mail, telefone, "
                    + "transação Hotmart, número da matrícula ou da mensagem, ou id da mensagem no WhatsApp");
        }
        Map<Long, Achado> achados = new LinkedHashMap<>();
        if (t.contains("@")) {
            consultar(achados, "e-mail", "a.email = :email", Map.of("email", t.toLowerCase(Locale.ROOT)));
        } else if (t.toLowerCase(Locale.ROOT).startsWith("wamid.")) {
            consultar(achados, "mensagem no WhatsApp", """
                    m.id in (select f.matricula_id from mensagens g join filas_disparo f on f.id = g.fila_disparo_id
                             where g.wamid = :wamid)""", Map.of("wamid", t));
        } else if (TRANSACAO.matcher(t).matches()) {
            String codigo = t.toUpperCase(Locale.ROOT);
            consultar(achados, "transação", "m.transacao_codigo = :codigo", Map.of("codigo", codigo));
            consultar(achados, "transação", "m.id in (select x.matricula_id from transacoes x where x.codigo = :codigo)",
                    Map.of("codigo", codigo));
        } else if (NUMERO.matcher(t).matches()) {
            long n = Long.parseLong(t);
            consultar(achados, "número da matrícula", "m.id = :n", Map.of("n", n));
            consultar(achados, "número da mensagem", """
                    m.id in (select f.matricula_id from mensagens g join filas_disparo f on f.id = g.fila_disparo_id
                             where g.id = :n)""", Map.of("n", n));
        } else if (TELEFONE.matcher(t).matches()) {
            List<String> numeros = variantesDoTelefone(t);
            if (!numeros.isEmpty()) {
                consultar(achados, "telefone", "a.telefone_e164 in (:e164) or a.wa_id in (:waId)",
                        Map.of("e164", numeros.stream().map(n -> "+" + n).toList(), "waId", numeros));
            }
        } else {
            String parte = t.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            consultar(achados, "nome", "lower(a.nome) like :nome escape '\\'", Map.of("nome", "%" + parte + "%"));
        }
        return List.copyOf(achados.values());
    }

    /**
     * The phone as WhatsApp ids (country code and number, digits only), with and without Brazil's ninth digit: a
     * Brazilian number typed without the country code (10 or 11 digits) gets 55; one typed with + or with 55 keeps
     * its own. Empty when the digits make no phone.
     */
    static List<String> variantesDoTelefone(String texto) {
        String digitos = texto.replaceAll("\\D", "");
        String numero;
        if (texto.strip().startsWith("+") || ((digitos.length() == 12 || digitos.length() == 13) && digitos.startsWith("55"))) {
            numero = digitos;
        } else if (digitos.length() == 10 || digitos.length() == 11) {
            numero = "55" + digitos;
        } else {
            return List.of();
        }
        return numero.length() < 10 || numero.length() > 15 ? List.of()
                : ContatoAlunoService.variantesBrasileiras(numero);
    }

    private void consultar(Map<Long, Achado> achados, String encontradoPor, String condicao, Map<String, Object> params) {
        jdbc.sql(CONSULTA.formatted(condicao, LIMITE)).params(params)
                .query((rs, i) -> new Achado(rs.getLong("id"), rs.getString("nome"), rs.getString("email"),
                        rs.getString("telefone_e164"), rs.getString("cliente"), rs.getString("produto"),
                        rs.getString("transacao_codigo"), rs.getString("status"),
                        HistoriaTabelas.instante(rs, "data_compra"), encontradoPor))
                .list().forEach(a -> {
                    Achado antes = achados.get(a.matriculaId());
                    if (antes != null && antes.encontradoPor().contains(encontradoPor)) {
                        return; // e.g. a transaction that is both the enrolment's first and one of its renewals
                    }
                    if (antes != null) { // the same enrolment by another reading of the text: say both
                        achados.put(a.matriculaId(), new Achado(antes.matriculaId(), antes.aluno(), antes.email(),
                                antes.telefone(), antes.produtor(), antes.produto(), antes.transacao(), antes.status(),
                                antes.dataCompra(), antes.encontradoPor() + ", " + encontradoPor));
                    } else if (achados.size() < LIMITE) {
                        achados.put(a.matriculaId(), a);
                    }
                });
    }
}
