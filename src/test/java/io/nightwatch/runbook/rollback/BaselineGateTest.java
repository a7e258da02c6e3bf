package io.nightwatch.runbook.rollback;

import io.nightwatch.baseline.BaselineSettings;
import io.nightwatch.baseline.PerformanceRecords;
import io.nightwatch.baseline.StoredBaselines;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.PerformanceHistory.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate's comparison with the old image's baseline, read from a recorded history (a real store file). */
class BaselineGateTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String OLD = "prom/prometheus:v2.51.0";

    private static ServiceSpec service(String name) {
        return ReferenceStack.profile().services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theNewImageIsJudgedAgainstTheOldImagesBaseline(@TempDir Path dir) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ServiceSpec prom = service("prometheus");
        try (AlertStore store = AlertStore.open(dir.resolve("alerts.db"), clock)) {
            List<Sample> rounds = new ArrayList<>();
            for (int i = 1; i <= 60; i++) rounds.add(new Sample(NOW.minusSeconds(60L * i), prom.id(), OLD, "query.latency_ms", 20 + i % 10));
            store.performance().record(rounds);
            PerformanceRecords records = new StoredBaselines(store.performance(), BaselineSettings.DEFAULT, clock);

            // the review's story: the new version answers in 1 s where the old one took ~30 ms; under the 2 s limit all the same
            BaselineGate.Judgement slow = BaselineGate.judge(records, prom, OLD, Duration.ofMillis(1000));
            assertTrue(slow.tooSlow());
            assertEquals("34× the old image's baseline p95 29 ms (60 rounds of " + OLD + ")", slow.words());

            BaselineGate.Judgement fine = BaselineGate.judge(records, prom, OLD, Duration.ofMillis(40));
            assertFalse(fine.tooSlow());
            assertEquals("within 5× the old image's baseline p95 29 ms (60 rounds of " + OLD + ")", fine.words());

            BaselineGate.Judgement unknown = BaselineGate.judge(records, prom, "prom/prometheus:v2.40.0", Duration.ofMillis(1000));
            assertFalse(unknown.tooSlow());
            assertEquals("no baseline of prom/prometheus:v2.40.0 recorded: judged by the limit only", unknown.words());
            assertFalse(BaselineGate.judge(records, service("loki"), OLD, Duration.ofSeconds(1)).tooSlow()); // its gate times /ready
        }
    }
}
