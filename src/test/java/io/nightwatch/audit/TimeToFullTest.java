package io.nightwatch.audit;

import io.nightwatch.baseline.BaselineSettings;
import io.nightwatch.baseline.Metric;
import io.nightwatch.baseline.PerformanceRecords;
import io.nightwatch.baseline.StoredBaselines;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.PerformanceHistory.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Time to full of a data volume from Nightwatch's recorded disk readings (a real store file) and the audit's reading now. */
class TimeToFullTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final long GIB = 1L << 30;
    private static final String LOKI = "local/loki";

    @TempDir
    Path dir;

    @Test
    void growthSinceTheOldestReadingOfTheWeekGivesTheTimeToFull() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (AlertStore store = AlertStore.open(dir.resolve("alerts.db"), clock)) {
            PerformanceRecords records = new StoredBaselines(store.performance(), BaselineSettings.DEFAULT, clock);
            VolumeSpace now = new VolumeSpace(100 * GIB, 70 * GIB, 30 * GIB, "");

            TimeToFull unknown = TimeToFull.of(records, LOKI, now, NOW);
            assertEquals(Optional.empty(), unknown.full());
            assertTrue(unknown.words().startsWith("time to full unknown"), unknown.words());

            // 9 days ago (beyond the week) and 4 days ago: the week's oldest reading says 2 GiB/day
            store.performance().record(List.of(new Sample(NOW.minus(Duration.ofDays(9)), LOKI, "grafana/loki:3.0.0", Metric.DISK_USED, 10 * GIB),
                    new Sample(NOW.minus(Duration.ofDays(4)), LOKI, "grafana/loki:3.0.0", Metric.DISK_USED, 62 * GIB)));
            TimeToFull growing = TimeToFull.of(records, LOKI, now, NOW);
            assertEquals(Optional.of(Duration.ofDays(15)), growing.full());
            assertEquals("growing 2.0 GiB/day over 4 d (Nightwatch's readings): full in about 15 d", growing.words());
            assertFalse(growing.within(Duration.ofDays(7)));
            assertTrue(TimeToFull.of(records, LOKI, new VolumeSpace(100 * GIB, 90 * GIB, 10 * GIB, ""), NOW).within(Duration.ofDays(7)));

            TimeToFull flat = TimeToFull.of(records, LOKI, new VolumeSpace(100 * GIB, 50 * GIB, 50 * GIB, ""), NOW);
            assertEquals(Optional.empty(), flat.full());
            assertTrue(flat.words().startsWith("not growing over 4 d"), flat.words());
        }
    }
}
