package br.com.terceirizacs.processo;

import java.util.AbstractMap;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The only Spring beans an expression in a diagram can name ({@code ${enviarMensagem}}, {@code ${janelaEnvio.proxima(filaId)}}).
 * <p>
 * Deploying a diagram is running code inside the application: by default Camunda's Spring integration resolves any
 * bean of the context in an expression, so a diagram could read {@code ${environment.getProperty(...)}} (the admin
 * password) or call a repository. With this list the engine sees these beans and nothing else: no configuration, no
 * repositories, no application context. A diagram naming any other bean fails when the expression runs ("Unknown
 * property used in expression"). A test checks that every bean a diagram under {@code processes/} or an element template
 * of Camunda Modeler ({@code processes/.camunda/element-templates/}) names is here.
 * <p>
 * The beans are looked up when an expression first needs them, not when the engine starts: the delegates depend on
 * the engine's own services, which do not exist yet at that point.
 */
@Component
class BeansDosDiagramas extends AbstractProcessEnginePlugin {

    /** Delegates, task listeners and the helper the send-window timer reads. Add a bean here when a diagram needs it. */
    static final Set<String> NOMES = Set.of(
            // onboarding
            "verificarTelefone", "sinalizarSemTelefone",
            // disparo
            "prepararDisparo", "aprovacaoDisparo", "verificarPoliticaDisparo", "enviarMensagem", "confirmarEnvioIncerto",
            "confirmacaoEnvioIncerto", "expirarDisparo", "janelaEnvio",
            // resgate-acesso
            "selecionarResgates", "iniciarLoteResgates", "concluirResgate",
            // celebracao (its "Marcar conquista no Chatwoot" names etiquetaChatwoot, of the chatwoot package)
            "esperaCelebracao", "decidirCelebracao", "etiquetaChatwoot",
            // element templates only (processes/.camunda/element-templates): steps a process owner places in new diagrams
            "registrarKpi");

    private final ApplicationContext contexto;

    BeansDosDiagramas(ApplicationContext contexto) {
        this.contexto = contexto;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuracao) {
        Visiveis beans = new Visiveis(contexto);
        configuracao.setBeans(beans);
        configuracao.setExpressionManager(new SpringExpressionManager(contexto, beans));
    }

    /** A read-only view of the listed beans; anything else is absent. */
    private static final class Visiveis extends AbstractMap<Object, Object> {

        private final ApplicationContext contexto;

        Visiveis(ApplicationContext contexto) {
            this.contexto = contexto;
        }

        @Override
        public boolean containsKey(Object nome) {
            return NOMES.contains(nome);
        }

        @Override
        public Object get(Object nome) {
            return NOMES.contains(nome) ? contexto.getBean((String) nome) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return NOMES.stream().map(n -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(n, get(n)))
                    .collect(Collectors.toSet());
        }
    }
}
