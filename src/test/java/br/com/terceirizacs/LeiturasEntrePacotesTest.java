package br.com.terceirizacs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL that reads or writes another package's tables is invisible to the import check: each class that does it must
 * be named in its package's {@code package-info.java} (a read model, on purpose), or go through the owner's service.
 */
class LeiturasEntrePacotesTest {

    /** Every table and the package that owns it (its migrations and its entities). */
    private static final Map<String, String> DONO = Map.ofEntries(
            entry("clientes", "catalogo"), entry("modulos_produto", "catalogo"), entry("celebracoes", "celebracao"), entry("produtos", "catalogo"), entry("turmas", "catalogo"),
            entry("ofertas", "catalogo"), entry("templates_mensagem", "catalogo"),
            entry("templates_mensagem_auditoria", "catalogo"),
            entry("alunos", "matricula"), entry("matriculas", "matricula"), entry("transacoes", "matricula"),
            entry("transacoes_historico", "matricula"), entry("acessos_log", "matricula"),
            entry("respostas_whatsapp", "matricula"),
            entry("eventos_hotmart", "hotmart"),
            entry("regras_automacao", "disparo"), entry("regras_automacao_auditoria", "disparo"),
            entry("filas_disparo", "disparo"), entry("resgate_execucoes", "disparo"), entry("resgate_candidatos", "disparo"),
            entry("mensagens", "whatsapp"), entry("mensagens_status", "whatsapp"), entry("whatsapp_bloqueios", "whatsapp"),
            entry("whatsapp_bloqueios_template", "whatsapp"),
            entry("whatsapp_recebidas", "whatsapp"), entry("limites_envio", "whatsapp"),
            entry("kpis_acesso", "bi"), entry("bi_tags_analitico", "bi"), entry("painel_resumo", "bi"),
            entry("painel_atrasos", "bi"), entry("painel_acessos", "bi"), entry("painel_pendencias", "bi"),
            entry("painel_controle", "bi"), entry("painel_versoes", "bi"),
            entry("usuarios_cliente", "seguranca"), entry("tentativas_login", "seguranca"),
            entry("chatwoot_conexoes", "chatwoot"), entry("chatwoot_etiquetas", "chatwoot"),
            entry("chatwoot_notas", "chatwoot"), entry("chatwoot_travas", "chatwoot"),
            entry("chatwoot_limites_busca", "chatwoot"));

    private static final Pattern TABELA = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+([a-z_]+)\\b");
    private static final Path FONTES = Path.of("src/main/java/br/com/terceirizacs");

    @Test
    void todaTabelaDasMigracoesTemDono() throws IOException {
        Set<String> criadas = new TreeSet<>();
        try (Stream<Path> migracoes = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path m : migracoes.toList()) {
                Matcher t = Pattern.compile("(?i)create table\\s+([a-z_]+)").matcher(Files.readString(m));
                while (t.find()) {
                    criadas.add(t.group(1).toLowerCase());
                }
            }
        }
        assertThat(DONO.keySet()).containsAll(criadas);
    }

    @Test
    void quemLeTabelasDeOutroPacoteEstaDeclaradoNoPackageInfo() throws IOException {
        Map<String, Set<String>> naoDeclarados = new TreeMap<>();
        try (Stream<Path> arquivos = Files.walk(FONTES)) {
            for (Path java : arquivos.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path relativo = FONTES.relativize(java);
                if (relativo.getNameCount() < 2 || relativo.getFileName().toString().equals("package-info.java")) {
                    continue;
                }
                String pacote = relativo.getName(0).toString();
                String classe = relativo.getFileName().toString().replace(".java", "");
                Set<String> alheias = new TreeSet<>();
                Matcher t = TABELA.matcher(Files.readString(java));
                while (t.find()) {
                    String dono = DONO.get(t.group(1).toLowerCase());
                    if (dono != null && !dono.equals(pacote)) {
                        alheias.add(t.group(1).toLowerCase());
                    }
                }
                Path info = java.getParent().resolve("package-info.java");
                if (!alheias.isEmpty() && !(Files.exists(info) && Files.readString(info).contains("{@link " + classe + "}"))) {
                    naoDeclarados.put(pacote + "." + classe, alheias);
                }
            }
        }
        assertThat(naoDeclarados).as("classes que leem tabelas de outro pacote sem estarem no package-info").isEmpty();
    }
}
