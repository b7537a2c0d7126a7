package br.com.terceirizacs.comum;

import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;

/** A clock for bucket limiters that only moves when someone waits on it, so the limiters' tests time nothing. */
public final class RelogioDosBaldes implements TimeMeter, BlockingStrategy {

    public final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }

    @Override
    public void park(long nanosToPark) {
        nanos.addAndGet(nanosToPark);
    }
}
