package io.nightwatch.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CrashLinesTest {

    private static CrashLines.Crash death(String service, int n, List<String> lines) {
        return new CrashLines.Crash("local", service, "c0ffee" + n, Instant.parse("2026-12-06T03:00:00Z").plusSeconds(n), 1, false, lines);
    }

    @Test
    void keepsTheNewestDeathsPerServiceBoundedInLinesAndLength(@TempDir Path dir) {
        Path db = dir.resolve("alerts.db");
        try (AlertStore store = AlertStore.open(db)) {
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 80; i++) many.add("line " + i);
            many.add("x".repeat(2000));
            for (int n = 0; n < CrashLines.PER_SERVICE + 5; n++) store.crashes().record(death("otel-collector", n, many));
            store.crashes().record(death("otel-collector", 3, List.of("the same death again"))); // ignored
            store.crashes().record(death("redis", 1, List.of("# MISCONF Redis is configured to save RDB snapshots", "multi\nline")));

            List<CrashLines.Crash> kept = store.crashes().recent("local", "otel-collector", 100);
            assertEquals(CrashLines.PER_SERVICE, kept.size(), "pruned to the bound per service");
            assertEquals("c0ffee" + (CrashLines.PER_SERVICE + 4), kept.get(0).container(), "newest first");
            assertEquals(CrashLines.MAX_LINES, kept.get(0).lines().size());
            assertEquals("line 31", kept.get(0).lines().get(0), "the last lines are kept, not the first");
            assertEquals(CrashLines.MAX_LINE_CHARS + 1, kept.get(0).lines().get(CrashLines.MAX_LINES - 1).length());
            assertEquals(List.of("# MISCONF Redis is configured to save RDB snapshots", "multi line"),
                    store.crashes().recent("local", "redis", 5).get(0).lines());
            assertTrue(store.crashes().recent("other-host", "redis", 5).isEmpty());
        }
        // The CLI reads the file beside a running serve, without opening it for writing.
        assertEquals(1, CrashLines.recentIn(db, "local", "redis", 5).size());
        assertTrue(CrashLines.recentIn(dir.resolve("missing.db"), "local", "redis", 5).isEmpty());
    }
}
