package io.nightwatch.runbook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves one second further every time it is read: deterministic, non-zero durations. */
final class TickingClock extends Clock {

    private final AtomicLong millis;

    TickingClock(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    TickingClock() {
        this(Instant.parse("2026-11-25T03:12:00Z"));
    }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.getAndAdd(Duration.ofSeconds(1).toMillis()));
    }
}
