package br.com.terceirizacs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package boundaries, as a test that fails on a wrong import. {@link #PODE_USAR} is the one declaration of which
 * feature package may use which; the diagram in docs/architecture.md is generated from the real dependencies and must
 * match them.
 */
class ArquiteturaTest {

    private static final String RAIZ = "br.com.terceirizacs";

    /**
     * Which packages each package may use. Lower layers first: comum → catalogo → matricula → whatsapp → disparo;
     * hotmart, seguranca and celebracao (the congratulation rules of Produto Progresso) beside them; chatwoot (the
     * producers' CS inbox) above disparo; bi (read models, the dashboard) and then processo (the Camunda adapters, which
     * may record a KPI: "Registrar indicador") on top;
     * demo seeds the local demo; historia (a student's story: Camunda's history and our tables, read-only) on top.
     */
    static final Map<String, Set<String>> PODE_USAR = Map.ofEntries(
            Map.entry("comum", Set.of()),
            Map.entry("catalogo", Set.of("comum")),
            Map.entry("matricula", Set.of("catalogo", "comum")),
            Map.entry("whatsapp", Set.of("matricula", "comum")),
            Map.entry("disparo", Set.of("catalogo", "matricula", "whatsapp", "comum")),
            Map.entry("hotmart", Set.of("catalogo", "matricula", "comum")),
            Map.entry("seguranca", Set.of("catalogo", "comum")),
            Map.entry("bi", Set.of("catalogo", "matricula", "disparo", "seguranca", "comum")),
            Map.entry("celebracao", Set.of("catalogo", "matricula", "comum")),
            Map.entry("chatwoot", Set.of("catalogo", "matricula", "whatsapp", "disparo", "comum")),
            Map.entry("processo", Set.of("catalogo", "matricula", "disparo", "whatsapp", "celebracao", "chatwoot",
                    "bi", "comum")),
            Map.entry("demo", Set.of("catalogo", "comum")),
            Map.entry("historia", Set.of("matricula", "comum")));

    private static final Path DOCUMENTO = Path.of("docs/architecture.md");
    private static final String INICIO = "<!-- modulos:inicio (gerado por ArquiteturaTest) -->";
    private static final String FIM = "<!-- modulos:fim -->";

    private static JavaClasses codigo;

    @BeforeAll
    static void importar() {
        codigo = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(RAIZ);
    }

    @Test
    void cadaPacoteUsaSomenteOsPacotesPermitidos() {
        Architectures.LayeredArchitecture camadas = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String pacote : PODE_USAR.keySet()) {
            camadas = camadas.layer(pacote).definedBy(RAIZ + "." + pacote + "..");
        }
        for (Map.Entry<String, Set<String>> e : PODE_USAR.entrySet()) {
            camadas = e.getValue().isEmpty() ? camadas.whereLayer(e.getKey()).mayNotAccessAnyLayer()
                    : camadas.whereLayer(e.getKey()).mayOnlyAccessLayers(e.getValue().toArray(String[]::new));
        }
        camadas.because("cada pacote de funcionalidade depende só dos que estão abaixo dele (docs/architecture.md)")
                .check(codigo);
    }

    @Test
    void todoPacoteDeFuncionalidadeEstaNaDeclaracao() {
        Set<String> pacotes = new TreeSet<>();
        codigo.stream().map(ArquiteturaTest::pacote).filter(p -> !p.isEmpty()).forEach(pacotes::add);
        assertThat(pacotes).as("um pacote novo entra em PODE_USAR com as dependências que pode ter")
                .isEqualTo(new TreeSet<>(PODE_USAR.keySet()));
    }

    @Test
    void oDiagramaDeModulosDaDocumentacaoEOGrafoReal() throws IOException {
        String diagrama = diagrama();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/modulos.md"), diagrama);
        String documento = Files.readString(DOCUMENTO);
        int i = documento.indexOf(INICIO);
        int f = documento.indexOf(FIM);
        assertThat(i).as("marcadores do diagrama em docs/architecture.md").isNotNegative();
        assertThat(documento.substring(i, f + FIM.length()))
                .as("docs/architecture.md desatualizado: copie target/modulos.md no lugar do diagrama").isEqualTo(diagrama);
    }

    /** Mermaid: one edge per package dependency found in the compiled code. */
    private static String diagrama() {
        Map<String, Set<String>> grafo = new TreeMap<>();
        for (JavaClass c : codigo) {
            String de = pacote(c);
            if (de.isEmpty()) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String para = pacote(d.getTargetClass());
                if (!para.isEmpty() && !para.equals(de) && d.getTargetClass().getPackageName().startsWith(RAIZ)) {
                    grafo.computeIfAbsent(de, k -> new TreeSet<>()).add(para);
                }
            }
        }
        StringBuilder s = new StringBuilder(INICIO).append("\n```mermaid\nflowchart TD\n");
        grafo.forEach((de, paras) -> paras.forEach(para -> s.append("  ").append(de).append(" --> ").append(para).append('\n')));
        return s.append("```\n").append(FIM).toString();
    }

    /** The feature package of a class of ours ("" for the application class and anything outside). */
    private static String pacote(JavaClass c) {
        String nome = c.getPackageName();
        if (!nome.startsWith(RAIZ + ".")) {
            return "";
        }
        String resto = nome.substring(RAIZ.length() + 1);
        int ponto = resto.indexOf('.');
        return ponto < 0 ? resto : resto.substring(0, ponto);
    }

    @Test
    void repositoriosSoSaoUsadosNoProprioPacote() {
        ArchRule regra = classes().that().areAssignableTo(Repository.class).should().notBePublic()
                .because("cada pacote é dono das suas tabelas; os outros usam os serviços dele");
        regra.check(codigo);
    }

    @Test
    void pacotesSemCiclos() {
        slices().matching(RAIZ + ".(*)..").should().beFreeOfCycles().check(codigo);
    }

    @Test
    void dominioNaoConheceAHotmart() {
        noClasses().that().resideInAnyPackage("..catalogo..", "..matricula..")
                .should().dependOnClassesThat().resideInAPackage("..hotmart..")
                .because("a Hotmart é uma fonte de eventos; o domínio não depende do formato dela")
                .check(codigo);
    }
}
