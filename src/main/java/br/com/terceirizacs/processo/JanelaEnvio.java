package br.com.terceirizacs.processo;

import java.util.Date;

import br.com.terceirizacs.disparo.EnvioDisparo;
import org.springframework.stereotype.Component;

/** The quiet-hours timer of {@code disparo}: {@code ${janelaEnvio.proxima(filaId)}}. */
@Component("janelaEnvio")
public class JanelaEnvio {

    private final EnvioDisparo envios;

    JanelaEnvio(EnvioDisparo envios) {
        this.envios = envios;
    }

    public Date proxima(Long filaId) {
        return envios.proximaJanela(filaId);
    }
}
