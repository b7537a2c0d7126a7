package br.com.terceirizacs.processo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import br.com.terceirizacs.IntegracaoBase;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expressions in diagrams reach the beans on {@link BeansDosDiagramas#NOMES} and nothing else of the application. */
class BeansDosDiagramasTest extends IntegracaoBase {

    /** The first name of every ${...} / #{...} expression part: a bean or a variable. */
    private static final Pattern EXPRESSAO = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern NOME = Pattern.compile("(?<![.\\w'\"])([A-Za-z_]\\w*)(?!\\s*['\"])");

    @Autowired
    ApplicationContext contexto;

    @Autowired
    RepositoryService repositorio;

    @AfterEach
    void removerDiagramaDeTeste() {
        repositorio.createDeploymentQuery().deploymentName("teste-expressoes").list()
                .forEach(d -> repositorio.deleteDeployment(d.getId(), true, true));
    }

    /**
     * Diagrams and the element templates of Camunda Modeler (a template is how a process owner puts a bean in a new
     * diagram: {@code registrarKpi} is named by a template only).
     */
    @Test
    void todoBeanQueUmDiagramaOuTemplateNomeiaEstaNaListaETodaEntradaDaListaEUsada() throws IOException {
        Set<String> beansNomeados = new TreeSet<>();
        List<Path> fontes = new ArrayList<>(TemplatesDoModeler.arquivos());
        try (Stream<Path> arquivos = Files.list(Path.of("processes"))) {
            fontes.addAll(arquivos.filter(p -> p.toString().endsWith(".bpmn")).toList());
        }
        for (Path fonte : fontes) {
            Matcher e = EXPRESSAO.matcher(Files.readString(fonte));
            while (e.find()) {
                Matcher n = NOME.matcher(e.group(1));
                while (n.find()) {
                    if (contexto.containsBean(n.group(1))) {
                        beansNomeados.add(n.group(1));
                    }
                }
            }
        }
        assertThat(beansNomeados).isNotEmpty().isEqualTo(new TreeSet<>(BeansDosDiagramas.NOMES));
    }

    @Test
    void umaExpressaoQueNomeiaUmBeanForaDaListaNaoRoda() {
        implantar(Bpmn.createExecutableProcess("lerConfiguracao").camundaHistoryTimeToLive(1).startEvent()
                .serviceTask().camundaExpression("${environment.getProperty('terceiriza.admin.password')}")
                .endEvent().done());

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("lerConfiguracao"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("environment");
        assertThat(contexto.containsBean("environment")).as("o bean existe; só não é visível").isTrue();
    }

    @Test
    void repositoriosEOContextoTambemFicamDeFora() {
        implantar(Bpmn.createExecutableProcess("lerRepositorio").camundaHistoryTimeToLive(1).startEvent()
                .serviceTask().camundaExpression("${catalogoService.toString()}")
                .endEvent().done());

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("lerRepositorio"))
                .hasMessageContaining("catalogoService");
    }

    @Test
    void umBeanDaListaRodaNormalmente() {
        implantar(Bpmn.createExecutableProcess("lerJanela").camundaHistoryTimeToLive(1).startEvent()
                .serviceTask().camundaExpression("${janelaEnvio != null}").camundaResultVariable("visivel")
                .userTask().endEvent().done());

        String instancia = runtime.startProcessInstanceByKey("lerJanela").getId();
        assertThat((Boolean) runtime.getVariable(instancia, "visivel")).isTrue();
    }

    private void implantar(BpmnModelInstance modelo) {
        repositorio.createDeployment().name("teste-expressoes").addModelInstance("teste-expressoes.bpmn", modelo).deploy();
    }
}
