package br.com.terceirizacs.processo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the daily rescue runs: {@code terceiriza.resgate.horario} (default 10:00) in {@code terceiriza.resgate.fuso}
 * (default America/Sao_Paulo), as the 6-field Quartz-style cron Camunda 7.24 reads in the JVM's time zone
 * ({@code ${agendaResgate.cron}} on the timer start event). Brazil has no daylight saving since 2019, so the
 * translated hour is stable.
 */
@Component("agendaResgate")
public class AgendaResgate {

    private final LocalTime horario;
    private final ZoneId fuso;
    private final ZoneId fusoDaJvm;

    @Autowired
    AgendaResgate(@Value("${terceiriza.resgate.horario:10:00}") LocalTime horario,
                  @Value("${terceiriza.resgate.fuso:America/Sao_Paulo}") ZoneId fuso) {
        this(horario, fuso, ZoneId.systemDefault());
    }

    AgendaResgate(LocalTime horario, ZoneId fuso, ZoneId fusoDaJvm) {
        this.horario = horario;
        this.fuso = fuso;
        this.fusoDaJvm = fusoDaJvm;
    }

    /** e.g. {@code 0 0 13 * * ?} for 10:00 in São Paulo on a UTC machine. */
    public String getCron() {
        ZonedDateTime local = ZonedDateTime.of(LocalDate.now(fuso), horario, fuso).withZoneSameInstant(fusoDaJvm);
        return "0 %d %d * * ?".formatted(local.getMinute(), local.getHour());
    }
}
