package br.com.terceirizacs.processo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * How the diagrams and forms of the repository ({@code processes/}, {@code forms/}) are deployed at start-up, in place
 * of the Camunda starter's default (which this bean replaces: the starter backs off when one exists).
 * <p>
 * Guarantees:
 * <ul>
 *   <li><b>Names do not depend on where the app runs from.</b> Every resource is named by its path on the classpath,
 *       e.g. {@code processes/disparo.bpmn}, whether it was found in {@code target/classes} or inside the jar. The
 *       starter named a file-system resource by its absolute path ({@code /home/…/target/classes/processes/…}) and a
 *       jar entry by its bare file name, so moving the checkout, or going from {@code spring-boot:run} to the jar,
 *       looked like new files and deployed every diagram again, over whatever a process owner had deployed.</li>
 *   <li><b>A restart deploys nothing new</b> when the files did not change: Camunda compares each resource with the
 *       latest one of the same name in the latest deployment named {@link #NOME_IMPLANTACAO}.</li>
 *   <li><b>A release deploys only the files that changed</b> ({@code deployChangedOnly}): a diagram changed in the
 *       repository becomes the latest version of its process; the other processes keep their latest version, which
 *       may be one a process owner deployed from Camunda Modeler. (Hence forms are referenced with binding
 *       {@code latest}: a deployment holds only what changed.)</li>
 *   <li>At every start, a WARN names each process whose running version did not come from the repository (deployed
 *       from Modeler): it runs until a release changes that file (docs/runbook.md, "Diagrams changed in Modeler").</li>
 * </ul>
 */
@Component
class ImplantacaoDoRepositorio extends SpringBootProcessEnginePlugin implements CamundaDeploymentConfiguration {

    /** The name of the deployments made from the repository at start-up (what Cockpit lists). */
    static final String NOME_IMPLANTACAO = "Versão do repositório";

    private static final Logger log = LoggerFactory.getLogger(ImplantacaoDoRepositorio.class);
    private static final String PREFIXO = "classpath*:";

    private final boolean ativa;
    private final List<String> padroes;
    private final ResourcePatternResolver resolvedor;

    @Autowired
    ImplantacaoDoRepositorio(CamundaBpmProperties propriedades) {
        this(propriedades.isAutoDeploymentEnabled(), List.of(propriedades.getDeploymentResourcePattern()),
                new PathMatchingResourcePatternResolver());
    }

    ImplantacaoDoRepositorio(boolean ativa, List<String> padroes, ResourcePatternResolver resolvedor) {
        this.ativa = ativa;
        this.padroes = padroes;
        this.resolvedor = resolvedor;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuracao) {
        if (!ativa) {
            return;
        }
        Set<Resource> recursos = getDeploymentResources();
        configuracao.setDeploymentName(NOME_IMPLANTACAO);
        configuracao.setDeployChangedOnly(true);
        configuracao.setDeploymentResources(recursos.toArray(Resource[]::new));
        log.info("Implantação do repositório: {}", recursos.stream().map(Resource::getDescription).toList());
    }

    @Override
    public void postProcessEngineBuild(ProcessEngineImpl motor) {
        if (ativa) {
            avisarVersoesDeFora(motor);
        }
    }

    /**
     * Every deployable file of the configured patterns ({@code classpath*:processes/**}{@code /*.bpmn}…), each named
     * by its path on the classpath. A file present in two classpath entries is taken once, from the first.
     */
    @Override
    public Set<Resource> getDeploymentResources() {
        Map<String, Resource> porNome = new LinkedHashMap<>();
        for (String padrao : padroes) {
            for (Resource r : nomeados(padrao)) {
                String nome = ((ContextResource) r).getPathWithinContext();
                if (porNome.putIfAbsent(nome, r) != null) {
                    log.warn("Recurso {} encontrado mais de uma vez no classpath; implantado só o primeiro", nome);
                }
            }
        }
        return new LinkedHashSet<>(porNome.values());
    }

    private List<Resource> nomeados(String padrao) {
        if (!padrao.startsWith(PREFIXO)) {
            throw new IllegalStateException("Padrão de implantação sem " + PREFIXO + ": " + padrao);
        }
        String caminho = padrao.substring(PREFIXO.length());
        int coringa = primeiroCoringa(caminho);
        String pasta = caminho.substring(0, caminho.lastIndexOf('/', coringa) + 1);
        try {
            Resource[] raizes = resolvedor.getResources(PREFIXO + pasta);
            List<Resource> nomeados = new ArrayList<>();
            for (Resource r : resolvedor.getResources(padrao)) {
                if (arquivo(r)) {
                    nomeados.add(new RecursoNomeado(r, pasta + relativo(raizes, r)));
                }
            }
            return nomeados;
        } catch (IOException e) {
            throw new UncheckedIOException("Não foi possível ler os recursos de " + padrao, e);
        }
    }

    private static int primeiroCoringa(String caminho) {
        for (int i = 0; i < caminho.length(); i++) {
            if ("*?{[".indexOf(caminho.charAt(i)) >= 0) {
                return i;
            }
        }
        return caminho.length();
    }

    private static boolean arquivo(Resource r) throws IOException {
        return r.isReadable() && !r.getURL().toString().endsWith("/");
    }

    /** The resource's path below the folder root it was found in (one of the folder's classpath locations). */
    private static String relativo(Resource[] raizes, Resource recurso) throws IOException {
        URL url = recurso.getURL();
        for (Resource raiz : raizes) {
            URL base = raiz.getURL();
            if ("file".equals(url.getProtocol()) && "file".equals(base.getProtocol())) {
                Path p = caminho(url);
                Path b = caminho(base);
                if (p.startsWith(b)) {
                    return b.relativize(p).toString().replace('\\', '/');
                }
            } else if (url.toString().startsWith(base.toString())) {
                return URLDecoder.decode(url.toString().substring(base.toString().length()).replace("+", "%2B"),
                        StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("Não foi possível dar um nome estável a " + url
                + ": o recurso não está sob nenhuma das raízes do classpath da sua pasta");
    }

    private static Path caminho(URL url) {
        try {
            return Path.of(url.toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** WARN for each process of the repository whose latest version came from elsewhere (Camunda Modeler). */
    private static void avisarVersoesDeFora(ProcessEngine motor) {
        RepositoryService repositorio = motor.getRepositoryService();
        Deployment nossa = repositorio.createDeploymentQuery().deploymentName(NOME_IMPLANTACAO)
                .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
        if (nossa == null) {
            return;
        }
        Set<String> chaves = new LinkedHashSet<>();
        repositorio.createDeploymentQuery().deploymentName(NOME_IMPLANTACAO).list().forEach(d ->
                repositorio.createProcessDefinitionQuery().deploymentId(d.getId()).list()
                        .forEach(p -> chaves.add(p.getKey())));
        for (String chave : chaves) {
            ProcessDefinition ultima = repositorio.createProcessDefinitionQuery().processDefinitionKey(chave)
                    .latestVersion().singleResult();
            Deployment origem = ultima == null ? null
                    : repositorio.createDeploymentQuery().deploymentId(ultima.getDeploymentId()).singleResult();
            if (origem != null && !NOME_IMPLANTACAO.equals(origem.getName())) {
                log.warn("O processo '{}' roda a versão {} implantada fora do repositório ('{}', origem {}, em {}); "
                                + "ela vale até uma nova versão do arquivo no repositório. Salve o diagrama em processes/ "
                                + "e faça commit para não perdê-la.", chave, ultima.getVersion(), origem.getName(),
                        origem.getSource(), origem.getDeploymentTime());
            }
        }
    }
}
