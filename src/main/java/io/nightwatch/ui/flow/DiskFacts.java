package io.nightwatch.ui.flow;

import io.nightwatch.text.Texts;
import io.nightwatch.flow.DiskHeadroom;
import io.nightwatch.flow.Series;
import io.nightwatch.text.Bytes;
import io.nightwatch.health.HealthState;
import io.nightwatch.text.Formats;

import java.time.Duration;
import java.util.Locale;

/**
 * One data volume, worded: where it is, how much is free, and when it runs out at the current growth.
 *
 * @param level        UP with room to spare, DEGRADED under 20 % free or full within a week, DOWN under 10 % free
 *                     or full within a day, UNKNOWN before the first measurement
 * @param usedFraction 0..1 for the bar; 0 when not measured
 */
public record DiskFacts(String id, String service, String host, String path, HealthState level, double usedFraction,
                        String freeText, String timeToFull, String problem, Series used, int hostOrder) {

    private static final Texts T = Texts.of(DiskFacts.class);

    static final double LOW_FREE = 0.20;
    static final double CRITICAL_FREE = 0.10;
    static final Duration SOON = Duration.ofDays(7);
    static final Duration IMMINENT = Duration.ofDays(1);

    static DiskFacts of(DiskHeadroom disk, String service, String host, int hostOrder) {
        boolean measured = disk.sizeBytes() > 0;
        double free = disk.freeFraction();
        HealthState level;
        if (!measured) level = HealthState.UNKNOWN;
        else if (free < CRITICAL_FREE || disk.timeToFull().map(d -> d.compareTo(IMMINENT) < 0).orElse(false)) level = HealthState.DOWN;
        else if (free < LOW_FREE || disk.timeToFull().map(d -> d.compareTo(SOON) < 0).orElse(false)) level = HealthState.DEGRADED;
        else level = HealthState.UP;
        String freeText = measured
                ? T.get("disk.free", Bytes.human(disk.freeBytes()), Bytes.human(disk.sizeBytes()),
                        String.format(Locale.ROOT, "%.0f", free * 100))
                : T.get("disk.notMeasured");
        String ttf = disk.timeToFull().map(d -> T.get("disk.fullIn", Formats.duration(d)))
                .orElse(measured ? T.get("disk.notFilling") : "");
        return new DiskFacts(disk.serviceId() + "#" + disk.path(), service, host, disk.path(), level,
                measured ? 1 - free : 0, freeText, ttf, disk.problem() == null ? "" : disk.problem(), disk.used(), hostOrder);
    }

    public String origin() {
        return host.isEmpty() ? service : service + " · " + host;
    }
}
