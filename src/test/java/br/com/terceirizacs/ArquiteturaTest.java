package br.com.terceirizacs;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.repository.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Package boundaries of DESIGN.md §3: feature packages talk through services, never through repositories. */
@AnalyzeClasses(packages = "br.com.terceirizacs", importOptions = ImportOption.DoNotIncludeTests.class)
class ArquiteturaTest {

    @ArchTest
    static final ArchRule repositoriosSoSaoUsadosNoProprioPacote = classes()
            .that().areAssignableTo(Repository.class)
            .should().notBePublic()
            .because("cada pacote é dono das suas tabelas; os outros usam os serviços dele");

    @ArchTest
    static final ArchRule pacotesSemCiclos = slices().matching("br.com.terceirizacs.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule dominioNaoConheceAHotmart = noClasses()
            .that().resideInAnyPackage("..catalogo..", "..matricula..")
            .should().dependOnClassesThat().resideInAPackage("..hotmart..")
            .because("a Hotmart é uma fonte de eventos; o domínio não depende do formato dela");

    @ArchTest
    static final ArchRule comumNaoDependeDeFuncionalidades = noClasses()
            .that().resideInAPackage("..comum..")
            .should().dependOnClassesThat().resideInAnyPackage("..catalogo..", "..matricula..", "..hotmart..",
                    "..seguranca..");
}
