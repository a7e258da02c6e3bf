package io.nightwatch.baseline;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.PerformanceHistory.Sample;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recorder against the testbed's real Prometheus and Redis: rounds of cheap queries become a per-image baseline. */
@EngineTest
class BaselineRecorderEngineTest {

    private static final BaselineSettings QUICK = new BaselineSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofDays(30),
            3, Duration.ofMinutes(15), 5.0, Duration.ofMillis(50));
    private static TestEngine engine;

    @BeforeAll
    static void startTestbed() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    private static StackProfile profile() {
        StackProfile reference = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString())
                .withTimings(Duration.ofSeconds(1), Duration.ofSeconds(2));
        return reference.withServices(reference.services().stream()
                .filter(s -> s.kind() == ServiceKind.PROMETHEUS || s.kind() == ServiceKind.REDIS).toList());
    }

    @Test
    void roundsOfCheapQueriesBecomeABaselinePerImage(@TempDir Path dir) {
        Instant started = Instant.now();
        try (AlertStore store = AlertStore.open(dir.resolve("alerts.db"));
             HealthMonitor health = new HealthMonitor(profile(), Map.of(), Clock.systemUTC());
             FlowMonitor flow = new FlowMonitor(health, new FlowSettings(Duration.ofMillis(500), Duration.ofSeconds(30),
                     Duration.ofMinutes(5), false), Map.of(), Clock.systemUTC());
             BaselineRecorder recorder = new BaselineRecorder(health, Optional.of(flow), store.performance(), Map.of(), QUICK,
                     Clock.systemUTC())) {
            health.checkOnce();
            flow.round();
            List<Sample> first = recorder.round();
            for (int i = 0; i < 3; i++) recorder.round();

            for (String id : List.of("local/prometheus", "local/redis")) {
                assertTrue(first.stream().anyMatch(s -> s.service().equals(id) && s.metric().equals(Metric.QUERY_LATENCY)),
                        "a query latency of " + id + " in " + first);
                assertTrue(first.stream().anyMatch(s -> s.service().equals(id) && s.metric().equals(Metric.MEMORY) && s.value() > 0),
                        "memory of " + id + " in " + first);
            }
            ServiceHealth prom = health.snapshot().services().stream().filter(s -> s.id().equals("local/prometheus")).findFirst().orElseThrow();
            String image = prom.container().map(ContainerFacts::image).orElseThrow();
            StoredBaselines baselines = recorder.baselines();
            assertEquals(Optional.of(image), baselines.currentImage("local/prometheus"));
            Baseline b = baselines.baseline("local/prometheus", image).orElseThrow();
            assertEquals(4, b.samples());
            // the query is `up` on an idle testbed: bounded by the 2 s timeout, generously
            assertTrue(b.p50().compareTo(b.p95()) <= 0 && b.p95().compareTo(QUICK.timeout()) <= 0, b.words());
            assertEquals(Optional.empty(), baselines.baseline("local/prometheus", "prom/prometheus:some-other"));
            assertEquals(Optional.empty(), baselines.offBaseline("local/prometheus", image)); // no rounds before the recent window: nothing to be off from
            Availability a = baselines.availability("local/prometheus", started.minusSeconds(1), Instant.now().plusSeconds(1));
            assertTrue(a.measured(), "the rounds recorded the state");
            assertEquals(100.0, a.percent(), 1e-9);
        }
    }
}
