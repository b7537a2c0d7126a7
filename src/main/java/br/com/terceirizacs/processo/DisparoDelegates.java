package br.com.terceirizacs.processo;

import br.com.terceirizacs.disparo.DecisaoDisparo;
import br.com.terceirizacs.disparo.EnvioDisparo;
import br.com.terceirizacs.disparo.ResultadoDisparo;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of {@code disparo}: read the queue id, call one service method, write a flag. */
@Configuration
class DisparoDelegates {

    @Bean("verificarPoliticaDisparo")
    JavaDelegate verificarPolitica(EnvioDisparo envios) {
        return ex -> ex.setVariable(Variaveis.POLITICA_OK, Variaveis.transitoria(envios.verificarPolitica(filaId(ex))));
    }

    @Bean("enviarMensagem")
    JavaDelegate enviarMensagem(EnvioDisparo envios) {
        return ex -> ex.setVariable(Variaveis.RESULTADO_ENVIO, envios.enviar(filaId(ex)).name());
    }

    @Bean("confirmarEnvioIncerto")
    JavaDelegate confirmarEnvioIncerto(EnvioDisparo envios) {
        return ex -> {
            Authentication quem = ex.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            ResultadoDisparo resultado = envios.confirmarIncerto(filaId(ex), (String) ex.getVariable(Variaveis.DECISAO_ENVIO_INCERTO),
                    quem == null ? "operador" : quem.getUserId());
            ex.removeVariable(Variaveis.DECISAO_ENVIO_INCERTO);
            ex.setVariable(Variaveis.RESULTADO_ENVIO, resultado.name());
        };
    }

    @Bean("expirarDisparo")
    JavaDelegate expirar(DecisaoDisparo decisoes) {
        return ex -> decisoes.expirar(filaId(ex));
    }

    private static Long filaId(DelegateExecution ex) {
        return (Long) ex.getVariable(Variaveis.FILA_ID);
    }
}
