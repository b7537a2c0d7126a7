package br.com.terceirizacs.processo;

import br.com.terceirizacs.disparo.DecisaoDisparo;
import br.com.terceirizacs.disparo.EnvioDisparo;
import br.com.terceirizacs.disparo.EnvioIncerto;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of {@code disparo}: read the queue id, call one service method, write a flag. An unexpected
 * failure becomes a message that tells the operator what to do ({@link FalhaNoDisparo}).
 */
@Configuration
class DisparoDelegates {

    @Bean("verificarPoliticaDisparo")
    JavaDelegate verificarPolitica(EnvioDisparo envios) {
        return ex -> ex.setVariable(Variaveis.POLITICA_OK, Variaveis.transitoria(FalhaNoDisparo.em(
                "Verificar regras antes do envio", filaId(ex), () -> envios.verificarPolitica(filaId(ex)))));
    }

    @Bean("enviarMensagem")
    JavaDelegate enviarMensagem(EnvioDisparo envios) {
        return ex -> ex.setVariable(Variaveis.RESULTADO_ENVIO,
                FalhaNoDisparo.em("Enviar mensagem", filaId(ex), () -> envios.enviar(filaId(ex))).name());
    }

    /** After a status webhook ended "Confirmar envio incerto": the row ends with Meta's outcome. */
    @Bean("confirmarEnvioIncerto")
    JavaDelegate confirmarEnvioIncerto(EnvioIncerto incertos) {
        return ex -> ex.setVariable(Variaveis.RESULTADO_ENVIO, FalhaNoDisparo.em("Registrar o aviso da Meta",
                filaId(ex), () -> incertos.confirmadoPeloWhatsApp(filaId(ex))).name());
    }

    @Bean("expirarDisparo")
    JavaDelegate expirar(DecisaoDisparo decisoes) {
        return ex -> FalhaNoDisparo.em("Marcar como expirado", filaId(ex), () -> {
            decisoes.expirar(filaId(ex));
            return null;
        });
    }

    private static Long filaId(DelegateExecution ex) {
        return (Long) ex.getVariable(Variaveis.FILA_ID);
    }
}
