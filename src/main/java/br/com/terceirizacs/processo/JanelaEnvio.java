package br.com.terceirizacs.processo;

import java.util.Date;

import br.com.terceirizacs.disparo.DisparoService;
import org.springframework.stereotype.Component;

/** The quiet-hours timer of {@code disparo}: {@code ${janelaEnvio.proxima(filaId)}}. */
@Component("janelaEnvio")
public class JanelaEnvio {

    private final DisparoService disparos;

    JanelaEnvio(DisparoService disparos) {
        this.disparos = disparos;
    }

    public Date proxima(Long filaId) {
        return disparos.proximaJanela(filaId);
    }
}
