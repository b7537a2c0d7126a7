package br.com.terceirizacs.processo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's diagrams deployed at start-up through Camunda's own Spring auto-deployment, with our naming, on a
 * real engine over an H2 file: successive bootstraps on the same file are restarts. A process owner's deployment
 * (as Camunda Modeler makes it through the REST API: its own name, source "Camunda Modeler") survives a restart from
 * another folder or from the jar; a release that changes a file makes that file's process the latest, and only it.
 */
class ImplantacaoDoRepositorioTest {

    private static final List<String> PADROES = List.of("classpath*:processes/**/*.bpmn", "classpath*:forms/**/*.form");

    @TempDir
    Path pasta;

    private int partidas;

    @Test
    void osNomesSaoOCaminhoNoClasspathSejaPastaOuJar() throws IOException {
        Path classes = build("classes", Map.of("processes/a.bpmn", diagrama("a", "A"),
                "processes/sub/b.bpmn", diagrama("b", "B"), "forms/f.form", "{\"id\":\"f\"}"));
        Path jar = jar(classes, "app.jar");

        assertThat(nomes(classes)).containsExactlyInAnyOrder("processes/a.bpmn", "processes/sub/b.bpmn", "forms/f.form");
        assertThat(nomes(jar)).containsExactlyInAnyOrder("processes/a.bpmn", "processes/sub/b.bpmn", "forms/f.form");
    }

    @Test
    void umaImplantacaoDoModelerSobreviveAoReinicioEUmaVersaoNovaDoArquivoPassaAFrente() throws IOException {
        Path build1 = build("checkout-1/target/classes", Map.of("processes/a.bpmn", diagrama("a", "A do repositório"),
                "processes/b.bpmn", diagrama("b", "B do repositório")));
        ProcessEngine motor = partida(build1);
        RepositoryService repositorio = motor.getRepositoryService();
        assertThat(repositorio.createDeploymentQuery().count()).isEqualTo(1);
        assertThat(repositorio.getDeploymentResourceNames(repositorio.createDeploymentQuery().singleResult().getId()))
                .containsExactlyInAnyOrder("processes/a.bpmn", "processes/b.bpmn");

        // Camunda Modeler's "Deploy" (what POST /engine-rest/deployment/create does with its form fields)
        repositorio.createDeployment().name("a").source("Camunda Modeler").enableDuplicateFiltering(true)
                .addString("a.bpmn", diagrama("a", "A mudado no Modeler")).deploy();
        assertThat(ultima(repositorio, "a").getName()).isEqualTo("A mudado no Modeler");
        motor.close();

        // restart from another checkout folder, then from the packaged jar: nothing is deployed again
        Path build2 = build("outro-lugar/classes", Map.of("processes/a.bpmn", diagrama("a", "A do repositório"),
                "processes/b.bpmn", diagrama("b", "B do repositório")));
        for (Path classpath : List.of(build2, jar(build2, "terceiriza-cs-flows.jar"))) {
            motor = partida(classpath);
            repositorio = motor.getRepositoryService();
            assertThat(repositorio.createDeploymentQuery().count()).as("implantações após reiniciar de " + classpath)
                    .isEqualTo(2);
            assertThat(ultima(repositorio, "a").getName()).isEqualTo("A mudado no Modeler");
            assertThat(ultima(repositorio, "a").getVersion()).isEqualTo(2);
            motor.close();
        }

        // a release that changes b.bpmn only: b's new version is the latest, a keeps the process owner's version
        Path release = build("release/classes", Map.of("processes/a.bpmn", diagrama("a", "A do repositório"),
                "processes/b.bpmn", diagrama("b", "B da nova versão")));
        motor = partida(jar(release, "release.jar"));
        repositorio = motor.getRepositoryService();
        assertThat(repositorio.createDeploymentQuery().count()).isEqualTo(3);
        assertThat(ultima(repositorio, "b").getName()).isEqualTo("B da nova versão");
        assertThat(ultima(repositorio, "a").getName()).isEqualTo("A mudado no Modeler");
        motor.close();

        // the process owner's change saved into processes/ and released: the repository's copy is the latest again
        Path salvo = build("salvo/classes", Map.of("processes/a.bpmn", diagrama("a", "A salvo do Modeler"),
                "processes/b.bpmn", diagrama("b", "B da nova versão")));
        motor = partida(salvo);
        repositorio = motor.getRepositoryService();
        assertThat(ultima(repositorio, "a").getName()).isEqualTo("A salvo do Modeler");
        assertThat(ultima(repositorio, "a").getVersion()).isEqualTo(3);
        assertThat(repositorio.createDeploymentQuery().deploymentName(ImplantacaoDoRepositorio.NOME_IMPLANTACAO)
                .count()).isEqualTo(3);
        motor.close();
    }

    /** Closes the file database the engines shared (it stays open between them on purpose, see {@link #partida}). */
    @AfterEach
    void fecharBanco() throws Exception {
        if (partidas > 0) {
            try (java.sql.Connection c = banco().getConnection(); java.sql.Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
        }
    }

    // ----- helpers -----

    /**
     * One "start of the app": a new Spring-configured engine (new caches, new id block, its own auto-deployment) on the
     * same H2 file, deploying what {@code classpath} holds. The file stays open in the JVM between engines
     * ({@code DB_CLOSE_DELAY=-1}): closing and reopening it between two engines lost committed rows on a loaded machine
     * when other engines shared the JVM, which is H2's business, not the restart's.
     */
    private ProcessEngine partida(Path classpath) throws IOException {
        DataSource banco = banco();
        SpringProcessEngineConfiguration cfg = new SpringProcessEngineConfiguration();
        cfg.setProcessEngineName("reinicio-" + (++partidas));
        cfg.setApplicationContext(new StaticApplicationContext());
        cfg.setDataSource(banco);
        cfg.setTransactionManager(new DataSourceTransactionManager(banco));
        cfg.setDatabaseSchemaUpdate("true");
        cfg.setJobExecutorActivate(false);
        cfg.setHistory("full");
        cfg.setHistoryTimeToLive("P1D");
        new ImplantacaoDoRepositorio(true, PADROES, resolvedor(classpath)).preInit(cfg);
        return cfg.buildProcessEngine();
    }

    private DataSource banco() {
        return new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:file:" + pasta.resolve("banco/motor").toAbsolutePath() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static PathMatchingResourcePatternResolver resolvedor(Path classpath) throws IOException {
        // no parent: only this build's classes, not the test run's own processes/ and forms/
        return new PathMatchingResourcePatternResolver(
                new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null));
    }

    private static List<String> nomes(Path classpath) throws IOException {
        return new ImplantacaoDoRepositorio(true, PADROES, resolvedor(classpath)).getDeploymentResources().stream()
                .map(r -> ((ContextResource) r).getPathWithinContext()).toList();
    }

    private static ProcessDefinition ultima(RepositoryService repositorio, String chave) {
        return repositorio.createProcessDefinitionQuery().processDefinitionKey(chave).latestVersion().singleResult();
    }

    private Path build(String onde, Map<String, String> arquivos) throws IOException {
        Path raiz = pasta.resolve(onde);
        for (Map.Entry<String, String> a : arquivos.entrySet()) {
            Path p = raiz.resolve(a.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, a.getValue());
        }
        return raiz;
    }

    /** The build folder packed as a jar (directory entries included, as Maven's jar plugin writes them). */
    private Path jar(Path classes, String nome) throws IOException {
        Path jar = pasta.resolve(nome);
        List<Path> itens;
        try (var arvore = Files.walk(classes)) {
            itens = arvore.filter(p -> !p.equals(classes)).sorted().collect(Collectors.toList());
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (Path p : itens) {
                String nomeEntrada = classes.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) {
                    j.putNextEntry(new JarEntry(nomeEntrada + "/"));
                } else {
                    j.putNextEntry(new JarEntry(nomeEntrada));
                    j.write(Files.readAllBytes(p));
                }
                j.closeEntry();
            }
        }
        return jar;
    }

    private static String diagrama(String id, String nome) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             targetNamespace="http://terceirizacs.com.br/teste">
                  <process id="%s" name="%s" isExecutable="true">
                    <startEvent id="Inicio"/>
                  </process>
                </definitions>
                """.formatted(id, nome);
    }
}
