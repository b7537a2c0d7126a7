package br.com.terceirizacs.comum;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** JDBC parameters for {@code timestamp with time zone}: both H2 and the PostgreSQL driver take OffsetDateTime. */
public final class Datas {

    private Datas() {
    }

    public static OffsetDateTime utc(Instant instante) {
        return instante == null ? null : instante.atOffset(ZoneOffset.UTC);
    }
}
