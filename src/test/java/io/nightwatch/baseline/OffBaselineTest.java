package io.nightwatch.baseline;

import io.nightwatch.store.AlertStore;
import io.nightwatch.store.PerformanceHistory.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "off baseline" verdict from a recorded history (a real store file): the last 15 minutes' p95 against the image's p95 before. */
class OffBaselineTest {

    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
    private static final String PROM = "local/prometheus";
    private static final String IMAGE = "prom/prometheus:v2.53.0";

    @TempDir
    Path dir;

    private static List<Sample> rounds(int fromMinutesAgo, int toMinutesAgo, double ms) {
        List<Sample> out = new ArrayList<>();
        for (int m = fromMinutesAgo; m > toMinutesAgo; m--) out.add(new Sample(NOW.minusSeconds(60L * m), PROM, IMAGE, Metric.QUERY_LATENCY, ms));
        return out;
    }

    @Test
    void aServiceFiveTimesSlowerThanItsBaselineIsOffAndWithinItIsNot() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (AlertStore store = AlertStore.open(dir.resolve("alerts.db"), clock)) {
            StoredBaselines baselines = new StoredBaselines(store.performance(), BaselineSettings.DEFAULT, clock);
            store.performance().record(rounds(120, 15, 20)); // two hours of 20 ms
            store.performance().record(rounds(14, 11, 30)); // a little slower: within
            assertEquals(Optional.empty(), baselines.offBaseline(PROM, IMAGE));

            store.performance().record(rounds(10, 0, 900)); // the last ten minutes: 900 ms
            OffBaseline off = baselines.offBaseline(PROM, IMAGE).orElseThrow();
            assertEquals(45, Math.round(off.factor()));
            assertEquals("queries p95 900 ms, 45× its baseline 20 ms", off.words());
            assertTrue(baselines.offBaseline(PROM, "prom/prometheus:v2.51.0").isEmpty(), "another image has its own baseline (none here)");
        }
    }
}
