package io.nightwatch.audit;

import io.nightwatch.baseline.PerformanceRecords;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.nightwatch.audit.Words.plain;
import static io.nightwatch.audit.Words.say;

/**
 * When a data volume runs full at its recent growth: from the oldest disk reading Nightwatch recorded within the last
 * week (the flow monitor's {@code df}, kept by the baseline recorder) to the audit's own reading now. A trend needs an
 * hour between the two; a flat or shrinking volume never runs full.
 *
 * @param full empty when not growing or not known
 * @param text the evidence's clause: "growing 1.2 GiB/day over 3 d: full in about 12 d"
 */
record TimeToFull(Optional<Duration> full, Words text) {

    static final Duration LOOK_BACK = Duration.ofDays(7);
    static final Duration MIN_SPAN = Duration.ofHours(1);

    /** The clause in English. */
    String words() {
        return text.english();
    }

    boolean within(Duration d) {
        return full.isPresent() && full.get().compareTo(d) < 0;
    }

    static TimeToFull of(PerformanceRecords records, String serviceId, VolumeSpace now, Instant at) {
        Optional<Map.Entry<Instant, Long>> oldest = records.oldestDiskUse(serviceId, at.minus(LOOK_BACK));
        if (oldest.isEmpty() || Duration.between(oldest.get().getKey(), at).compareTo(MIN_SPAN) < 0) {
            return new TimeToFull(Optional.empty(), say("ttf.unknown"));
        }
        Duration span = Duration.between(oldest.get().getKey(), at);
        long usedNow = now.sizeBytes() - now.freeBytes();
        double perSecond = (double) (usedNow - oldest.get().getValue()) / span.toSeconds();
        if (perSecond <= 0) return new TimeToFull(Optional.empty(), say("ttf.flat", roughly(span)));
        Duration full = Duration.ofSeconds((long) Math.min(now.freeBytes() / perSecond, Duration.ofDays(3650).toSeconds()));
        return new TimeToFull(Optional.of(full), say("ttf.growing", Units.bytes((long) (perSecond * 86_400)), roughly(span), roughly(full)));
    }

    /** Whole days from two days on, else whole hours, else minutes: a forecast is not precise. */
    static String roughly(Duration d) {
        if (d.toDays() >= 2) return d.toDays() + " d";
        if (d.toHours() >= 1) return d.toHours() + " h";
        return d.toMinutes() + " min";
    }
}
