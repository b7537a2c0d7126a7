package br.com.terceirizacs.processo;

import br.com.terceirizacs.disparo.DisparoService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of {@code disparo}: read the queue id, call one service method, write a flag. */
@Configuration
class DisparoDelegates {

    @Bean("verificarPoliticaDisparo")
    JavaDelegate verificarPolitica(DisparoService disparos) {
        return ex -> ex.setVariable(Variaveis.POLITICA_OK, Variaveis.transitoria(disparos.verificarPolitica(filaId(ex))));
    }

    @Bean("enviarMensagem")
    JavaDelegate enviarMensagem(DisparoService disparos) {
        return ex -> ex.setVariable(Variaveis.RESULTADO_ENVIO, disparos.enviar(filaId(ex)));
    }

    @Bean("confirmarEnvioIncerto")
    JavaDelegate confirmarEnvioIncerto(DisparoService disparos) {
        return ex -> {
            Authentication quem = ex.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            String resultado = disparos.confirmarIncerto(filaId(ex), (String) ex.getVariable(Variaveis.DECISAO_ENVIO_INCERTO),
                    quem == null ? "operador" : quem.getUserId());
            ex.removeVariable(Variaveis.DECISAO_ENVIO_INCERTO);
            ex.setVariable(Variaveis.RESULTADO_ENVIO, resultado);
        };
    }

    @Bean("expirarDisparo")
    JavaDelegate expirar(DisparoService disparos) {
        return ex -> disparos.expirar(filaId(ex));
    }

    private static Long filaId(DelegateExecution ex) {
        return (Long) ex.getVariable(Variaveis.FILA_ID);
    }
}
