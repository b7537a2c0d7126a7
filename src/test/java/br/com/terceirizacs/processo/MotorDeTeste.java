package br.com.terceirizacs.processo;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

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

    /** The delegates of {@code disparo}, on a (mocked) dispatch service. */
    static void ligarDisparo(Map<Object, Object> beans, br.com.terceirizacs.disparo.DisparoService disparos,
                             ProcessEngine motor) {
        DisparoDelegates d = new DisparoDelegates();
        beans.put("prepararDisparo", new PrepararDisparoDelegate(disparos));
        beans.put("aprovacaoDisparo", new AprovacaoDisparoListener(disparos, motor.getIdentityService()));
        beans.put("verificarPoliticaDisparo", d.verificarPolitica(disparos));
        beans.put("enviarMensagem", d.enviarMensagem(disparos));
        beans.put("confirmarEnvioIncerto", d.confirmarEnvioIncerto(disparos));
        beans.put("expirarDisparo", d.expirar(disparos));
        beans.put("janelaEnvio", new JanelaEnvio(disparos));
    }
}
