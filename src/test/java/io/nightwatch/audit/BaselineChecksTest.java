package io.nightwatch.audit;

import io.nightwatch.audit.AuditItem.Status;
import io.nightwatch.baseline.BaselineSettings;
import io.nightwatch.baseline.StoredBaselines;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.PerformanceHistory;
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
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The baseline and SLO items from a recorded history (a real store file): a baseline turns the item OK once it has
 * enough rounds; an SLO is judged by the availability of the recorded state spans over 7 and 30 days.
 */
class BaselineChecksTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String IMAGE = "prom/prometheus:v2.51.0";

    @TempDir
    Path dir;

    private static ServiceSpec service(String name) {
        return ReferenceStack.profile().services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private AuditInputs inputs(AlertStore store, Map<String, Double> slo) {
        return new AuditInputs(Map.of(), dir, dir.resolve("backups"), new RecoveryTargets(Optional.empty(), Optional.empty(), slo),
                Optional.empty(), Duration.ofSeconds(1), CLOCK, new StoredBaselines(store.performance(), BaselineSettings.DEFAULT, CLOCK));
    }

    @Test
    void theBaselineItemTurnsOkWithEnoughRoundsOfTheImageThatRuns() {
        ServiceSpec prom = service("prometheus");
        try (AlertStore store = AlertStore.open(dir.resolve("alerts.db"), CLOCK)) {
            BaselineChecks checks = new BaselineChecks(inputs(store, Map.of()));
            AuditItem none = checks.baseline(prom, IMAGE).orElseThrow();
            assertEquals(Status.MISSING, none.status());
            assertTrue(none.evidence().contains("no query latency recorded"), none.evidence());
            assertTrue(none.fix().contains("30 rounds"), none.fix());

            List<Sample> rounds = new ArrayList<>();
            for (int i = 1; i <= 29; i++) rounds.add(new Sample(NOW.minusSeconds(60L * i), prom.id(), IMAGE, "query.latency_ms", 10 + i % 5));
            store.performance().record(rounds);
            AuditItem almost = checks.baseline(prom, IMAGE).orElseThrow();
            assertEquals(Status.MISSING, almost.status());
            assertTrue(almost.evidence().startsWith("29 of 30 rounds"), almost.evidence());

            store.performance().record(List.of(new Sample(NOW.minusSeconds(60L * 30), prom.id(), IMAGE, "query.latency_ms", 12)));
            AuditItem ok = checks.baseline(prom, IMAGE).orElseThrow();
            assertEquals(Status.OK, ok.status());
            assertTrue(ok.evidence().contains("p95 14 ms over 30 rounds of " + IMAGE), ok.evidence());
            // another image (an upgrade) starts its own baseline
            assertEquals(Status.MISSING, checks.baseline(prom, "prom/prometheus:v2.53.0").orElseThrow().status());
            // the collector has no cheap query: no item
            assertEquals(Optional.empty(), checks.baseline(service("otel-collector"), "otel/opentelemetry-collector:0.98.0"));
        }
    }

    @Test
    void sloItemsAreMissingUnknownMissedOrMetFromTheRecordedStates() {
        ServiceSpec prom = service("prometheus");
        ServiceSpec redis = service("redis");
        ServiceSpec loki = service("loki");
        ServiceSpec grafana = service("grafana");
        try (AlertStore store = AlertStore.open(dir.resolve("alerts.db"), CLOCK)) {
            PerformanceHistory h = store.performance();
            Duration gap = Duration.ofMinutes(3);
            // prometheus: 10 days watched every minute, down for 2 hours 3 days ago → 7 days: 98.81 %, below 99.5
            // redis: up all the time → 100 %
            for (long m = 10 * 24 * 60; m >= 0; m--) {
                Instant at = NOW.minusSeconds(60 * m);
                boolean outage = m <= 3 * 24 * 60 && m > 3 * 24 * 60 - 120;
                h.observed(prom.id(), outage ? "DOWN" : "UP", at, gap);
                h.observed(redis.id(), "UP", at, gap);
            }
            BaselineChecks checks = new BaselineChecks(inputs(store, Map.of("prometheus", 99.5, "redis", 99.9, "loki", 99.0)));
            List<AuditItem> items = checks.slos(List.of(prom, redis, loki, grafana), NOW);

            AuditItem missed = item(items, "slo:" + prom.id());
            assertEquals(Status.RISK, missed.status());
            assertTrue(missed.evidence().startsWith("achieved 98.81 % over 7 days (watched 7 d"), missed.evidence());
            assertTrue(missed.evidence().contains("99.17 % over 30 days (watched 10 d") && missed.evidence().contains("target 99.50 %"),
                    missed.evidence());
            AuditItem met = item(items, "slo:" + redis.id());
            assertEquals(Status.OK, met.status());
            assertTrue(met.evidence().startsWith("achieved 100.00 % over 7 days"), met.evidence());
            assertEquals(Status.UNKNOWN, item(items, "slo:" + loki.id()).status()); // a target, but nothing recorded
            AuditItem missing = item(items, "slo:" + grafana.id());
            assertEquals(Status.MISSING, missing.status());
            assertTrue(missing.fix().contains("grafana: 99.5"), missing.fix());
        }
    }

    private static AuditItem item(List<AuditItem> items, String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no " + id));
    }
}
