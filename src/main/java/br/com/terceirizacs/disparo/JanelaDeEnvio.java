package br.com.terceirizacs.disparo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A producer's sending window ("quiet hours" outside it), in the producer's time zone: messages we start (rescue,
 * re-engagement) wait for it; answers to the student's own act (welcome, congratulations) do not. The end is exclusive.
 */
record JanelaDeEnvio(ZoneId fuso, LocalTime inicio, LocalTime fim) {

    /** Now, when now is inside the window; otherwise the next start of the window (today's or tomorrow's). */
    Instant proxima(Instant agora) {
        ZonedDateTime local = agora.atZone(fuso);
        LocalTime hora = local.toLocalTime();
        if (!hora.isBefore(inicio) && hora.isBefore(fim)) {
            return agora;
        }
        LocalDateTime proxima = hora.isBefore(inicio) ? local.toLocalDate().atTime(inicio)
                : local.toLocalDate().plusDays(1).atTime(inicio);
        return proxima.atZone(fuso).toInstant();
    }
}
