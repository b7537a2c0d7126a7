package br.com.terceirizacs.processo;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import br.com.terceirizacs.disparo.DecisaoDisparo;
import br.com.terceirizacs.disparo.EnvioDisparo;
import br.com.terceirizacs.disparo.EnvioIncerto;
import br.com.terceirizacs.disparo.PreparacaoDisparo;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.mockito.Mockito;

/**
 * A real Camunda engine on in-memory H2 for process-path tests, with our job-failure plugin and the delegates wired
 * by hand (services mocked). Named apart from the Spring engine "default" that other tests start in the same JVM.
 */
final class MotorDeTeste {

    private MotorDeTeste() {
    }

    static ProcessEngine criar(String nome, Map<Object, Object> beans) {
        StandaloneInMemProcessEngineConfiguration cfg = new StandaloneInMemProcessEngineConfiguration();
        cfg.setProcessEngineName(nome);
        cfg.setJdbcUrl("jdbc:h2:mem:" + nome + ";DB_CLOSE_DELAY=-1");
        cfg.setJobExecutorActivate(false);
        cfg.setHistory("full");
        cfg.setBeans(beans);
        cfg.getProcessEnginePlugins().add(new SemRetentativaPlugin());
        return cfg.buildProcessEngine();
    }

    static Map<Object, Object> beans() {
        return new HashMap<>();
    }

    /** The delegates of {@code disparo}, on (mocked) dispatch services; the uncertain send's service is a bare mock. */
    static void ligarDisparo(Map<Object, Object> beans, PreparacaoDisparo preparacao, DecisaoDisparo decisoes,
                             EnvioDisparo envios, ProcessEngine motor) {
        ligarDisparo(beans, preparacao, decisoes, envios, Mockito.mock(EnvioIncerto.class), motor);
    }

    /** The delegates and listeners of {@code disparo}, on (mocked) dispatch services. */
    static void ligarDisparo(Map<Object, Object> beans, PreparacaoDisparo preparacao, DecisaoDisparo decisoes,
                             EnvioDisparo envios, EnvioIncerto incertos, ProcessEngine motor) {
        DisparoDelegates d = new DisparoDelegates();
        beans.put("prepararDisparo", new PrepararDisparoDelegate(preparacao));
        beans.put("aprovacaoDisparo", new AprovacaoDisparoListener(preparacao, decisoes, motor.getIdentityService(),
                Clock.systemUTC()));
        beans.put("verificarPoliticaDisparo", d.verificarPolitica(envios));
        beans.put("enviarMensagem", d.enviarMensagem(envios));
        beans.put("confirmarEnvioIncerto", d.confirmarEnvioIncerto(incertos));
        beans.put("confirmacaoEnvioIncerto", new ConfirmacaoEnvioIncertoListener(decisoes, incertos,
                motor.getIdentityService()));
        beans.put("expirarDisparo", d.expirar(decisoes));
        beans.put("janelaEnvio", new JanelaEnvio(envios));
    }
}
