package io.nightwatch.store;

import io.nightwatch.store.PerformanceHistory.Availability;
import io.nightwatch.store.PerformanceHistory.Sample;
import io.nightwatch.store.PerformanceHistory.Stats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Baseline samples (percentiles per image, pruning after the kept period) and observed state spans (availability). */
class PerformanceHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final String PROM = "local/prometheus";
    private static final String LATENCY = "query.latency_ms";

    @TempDir
    Path dir;

    @Test
    void percentilesArePerImageAndNearestRank() {
        try (AlertStore store = AlertStore.open(dir.resolve("alerts.db"))) {
            PerformanceHistory h = store.performance();
            List<Sample> samples = new ArrayList<>();
            for (int i = 1; i <= 100; i++) samples.add(new Sample(T0.plusSeconds(60L * i), PROM, "prom/prometheus:v2.51.0", LATENCY, i));
            for (int i = 1; i <= 10; i++) samples.add(new Sample(T0.plusSeconds(60L * i), PROM, "prom/prometheus:v2.53.0", LATENCY, 1000 * i));
            h.record(samples);

            Stats old = h.stats(PROM, "prom/prometheus:v2.51.0", LATENCY, T0).orElseThrow();
            assertEquals(100, old.count());
            assertEquals(50, old.p50());
            assertEquals(95, old.p95());
            assertEquals(T0.plusSeconds(60), old.first());
            Stats recent = h.stats(PROM, "prom/prometheus:v2.51.0", LATENCY, T0.plusSeconds(60L * 91), T0.plusSeconds(60L * 101)).orElseThrow();
            assertEquals(10, recent.count());
            assertEquals(95, recent.p50());
            Stats newer = h.stats(PROM, "prom/prometheus:v2.53.0", LATENCY, T0).orElseThrow();
            assertEquals(5000, newer.p50());
            assertEquals(10000, newer.p95());
            assertEquals(Optional.empty(), h.stats(PROM, "prom/prometheus:v9", LATENCY, T0));
            assertEquals(Optional.of("prom/prometheus:v2.51.0"), h.newestImage(PROM, LATENCY)); // its samples reach minute 100
        }
    }

    @Test
    void pruningRemovesWhatIsOlderThanTheKeptPeriod() {
        try (AlertStore store = AlertStore.open(dir.resolve("alerts.db"))) {
            PerformanceHistory h = store.performance();
            Instant now = T0.plus(Duration.ofDays(40));
            h.record(List.of(new Sample(now.minus(Duration.ofDays(31)), PROM, "img", LATENCY, 1),
                    new Sample(now.minus(Duration.ofDays(29)), PROM, "img", LATENCY, 2),
                    new Sample(now, PROM, "img", LATENCY, 3)));
            h.observed(PROM, "UP", now.minus(Duration.ofDays(31)), Duration.ofMinutes(3));
            h.observed(PROM, "UP", now, Duration.ofMinutes(3));

            assertEquals(1, h.prune(now.minus(Duration.ofDays(30))));
            Stats kept = h.stats(PROM, "img", LATENCY, Instant.EPOCH).orElseThrow();
            assertEquals(2, kept.count());
            assertEquals(now.minus(Duration.ofDays(29)), kept.first());
            assertEquals(Duration.ZERO, h.availability(PROM, Instant.EPOCH, now.plusSeconds(1)).observed()); // the old span went, the new is a point
        }
    }

    @Test
    void availabilityCountsServingTimeAndLeavesUnwatchedGapsOut() {
        try (AlertStore store = AlertStore.open(dir.resolve("alerts.db"))) {
            PerformanceHistory h = store.performance();
            Duration gap = Duration.ofMinutes(3);
            // 0–60 min UP (every minute), 60–66 DOWN, 66–90 DEGRADED; then Nightwatch off for 2 h; then 10 min UP
            for (int m = 0; m <= 60; m++) h.observed(PROM, "UP", T0.plusSeconds(60L * m), gap);
            for (int m = 61; m <= 66; m++) h.observed(PROM, "DOWN", T0.plusSeconds(60L * m), gap);
            for (int m = 67; m <= 90; m++) h.observed(PROM, "DEGRADED", T0.plusSeconds(60L * m), gap);
            for (int m = 210; m <= 220; m++) h.observed(PROM, "UP", T0.plusSeconds(60L * m), gap);
            for (int m = 0; m <= 5; m++) h.observed("local/redis", "UNKNOWN", T0.plusSeconds(60L * m), gap);

            Availability a = h.availability(PROM, T0, T0.plus(Duration.ofHours(5)));
            // observed: 90 min + 10 min; down: 61 → 67 (the span ends where DEGRADED was first seen) = 6 min
            assertEquals(Duration.ofMinutes(100), a.observed());
            assertEquals(Duration.ofMinutes(94), a.serving());
            assertEquals(94.0, a.percent(), 1e-9);
            Availability clipped = h.availability(PROM, T0.plusSeconds(60L * 30), T0.plusSeconds(60L * 64));
            assertEquals(Duration.ofMinutes(34), clipped.observed());
            assertEquals(Duration.ofMinutes(31), clipped.serving());
            assertTrue(Double.isNaN(h.availability("local/redis", T0, T0.plus(Duration.ofHours(1))).percent()), "UNKNOWN is not observed");
        }
    }
}
