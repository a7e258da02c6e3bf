package io.nightwatch.audit;

import io.nightwatch.baseline.PerformanceRecords;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * When a data volume runs full at its recent growth: from the oldest disk reading Nightwatch recorded within the last
 * week (the flow monitor's {@code df}, kept by the baseline recorder) to the audit's own reading now. A trend needs an
 * hour between the two; a flat or shrinking volume never runs full.
 *
 * @param full  empty when not growing or not known
 * @param words the evidence's clause: "growing 1.2 GiB/day over 3 d: full in about 12 d"
 */
record TimeToFull(Optional<Duration> full, String words) {

    static final Duration LOOK_BACK = Duration.ofDays(7);
    static final Duration MIN_SPAN = Duration.ofHours(1);

    boolean within(Duration d) {
        return full.isPresent() && full.get().compareTo(d) < 0;
    }

    static TimeToFull of(PerformanceRecords records, String serviceId, VolumeSpace now, Instant at) {
        Optional<Map.Entry<Instant, Long>> oldest = records.oldestDiskUse(serviceId, at.minus(LOOK_BACK));
        if (oldest.isEmpty() || Duration.between(oldest.get().getKey(), at).compareTo(MIN_SPAN) < 0) {
            return new TimeToFull(Optional.empty(), "time to full unknown: Nightwatch has no disk readings of this volume from an hour "
                    + "or more ago (the window and `nightwatch serve` record one a minute)");
        }
        Duration span = Duration.between(oldest.get().getKey(), at);
        long usedNow = now.sizeBytes() - now.freeBytes();
        double perSecond = (double) (usedNow - oldest.get().getValue()) / span.toSeconds();
        String over = " over " + roughly(span);
        if (perSecond <= 0) return new TimeToFull(Optional.empty(), "not growing" + over + " (Nightwatch's readings): no time to full");
        Duration full = Duration.ofSeconds((long) Math.min(now.freeBytes() / perSecond, Duration.ofDays(3650).toSeconds()));
        return new TimeToFull(Optional.of(full), "growing " + Units.bytes((long) (perSecond * 86_400)) + "/day" + over
                + " (Nightwatch's readings): full in about " + roughly(full));
    }

    /** Whole days from two days on, else whole hours, else minutes: a forecast is not precise. */
    static String roughly(Duration d) {
        if (d.toDays() >= 2) return d.toDays() + " d";
        if (d.toHours() >= 1) return d.toHours() + " h";
        return d.toMinutes() + " min";
    }
}
