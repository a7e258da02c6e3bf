package io.nightwatch.alerts;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.ContainerState;
import io.nightwatch.docker.HealthcheckStatus;
import io.nightwatch.flow.DiskHeadroom;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.flow.FlowSnapshot;
import io.nightwatch.flow.FlowState;
import io.nightwatch.flow.Series;
import io.nightwatch.flow.StageCatalog;
import io.nightwatch.flow.StageStatus;
import io.nightwatch.health.EngineStatus;
import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.health.HealthState;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.IncomingAlert;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.*;

class FindingsDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");
    private static final EngineStatus ENGINE = EngineStatus.reachable("local", "unix:///var/run/docker.sock", "20.10", "1.41", T0);
    private final FindingsDetector detector = new FindingsDetector(Clock.fixed(T0, ZoneOffset.UTC));

    private static ServiceSpec redis() {
        return ReferenceStack.profile().services().stream().filter(s -> s.kind() == ServiceKind.REDIS).findFirst().orElseThrow();
    }

    private static ServiceHealth redisTile(HealthState state, String reason, boolean oom, int restarts, Instant at) {
        ContainerFacts c = new ContainerFacts("id", "sva-studio-redis", "redis:7.2-alpine",
                state == HealthState.DOWN ? ContainerState.EXITED : ContainerState.RUNNING, HealthcheckStatus.HEALTHY, "", restarts, oom,
                oom ? 137 : 0, Optional.of(at.minusSeconds(30)), Optional.empty(), 256L << 20, 500_000_000L, Map.of(), "");
        return new ServiceHealth(redis(), state, reason, Optional.of(c), Optional.empty(), ProbeResult.notProbed(""), List.of(), at);
    }

    @Test
    void downServiceFiresOnceAndResolvesWhenBack() {
        List<IncomingAlert> first = detector.onHealth(new HealthSnapshot(T0, List.of(ENGINE),
                List.of(redisTile(HealthState.DOWN, "exited (code 137, OOM-killed) 3 s ago", true, 0, T0))));
        assertEquals(List.of("NightwatchServiceDown", "NightwatchOOMKilled"), first.stream().map(a -> a.labels().get("alertname")).toList());
        IncomingAlert down = first.get(0);
        assertEquals(AlertState.FIRING, down.state());
        assertEquals("nightwatch", down.source());
        assertEquals("critical", down.labels().get("severity"));
        assertEquals("redis", down.labels().get("service"));
        assertEquals("exited (code 137, OOM-killed) 3 s ago", down.annotations().get("description"));

        assertTrue(detector.onHealth(new HealthSnapshot(T0.plusSeconds(2), List.of(ENGINE),
                List.of(redisTile(HealthState.DOWN, "exited (code 137, OOM-killed) 5 s ago", true, 0, T0)))).isEmpty(), "no repeats");

        List<IncomingAlert> back = detector.onHealth(new HealthSnapshot(T0.plusSeconds(60), List.of(ENGINE),
                List.of(redisTile(HealthState.UP, "up 30 s", false, 1, T0.plusSeconds(60)))));
        assertEquals(2, back.size());
        assertTrue(back.stream().allMatch(a -> a.state() == AlertState.RESOLVED && a.startsAt().equals(T0)
                && a.endsAt().orElseThrow().equals(T0.plusSeconds(60))));
    }

    @Test
    void restartLoopAndUnreachableEngineAreFindings() {
        EngineStatus gone = EngineStatus.unreachable("edge", "tcp://10.0.0.5:2376 (TLS)", "connection refused", T0);
        List<IncomingAlert> found = detector.onHealth(new HealthSnapshot(T0, List.of(ENGINE, gone),
                List.of(redisTile(HealthState.DEGRADED, "restarted 4×", false, 4, T0))));
        assertEquals(List.of("NightwatchEngineUnreachable", "NightwatchRestartLoop"),
                found.stream().map(a -> a.labels().get("alertname")).toList());
    }

    @Test
    void stalledStagesAndShrinkingDisksAreFindings() {
        var promtailSent = StageCatalog.forKind(ServiceKind.PROMTAIL).get(0);
        StageStatus stalled = new StageStatus("local/promtail", "promtail", "local", promtailSent, FlowState.STALLED,
                OptionalDouble.of(0), "nothing for 64 s while promtail is up", Series.EMPTY, T0);
        DiskHeadroom filling = new DiskHeadroom("local/prometheus", "/prometheus", 100L << 30, 8L << 30,
                Optional.of(Duration.ofHours(3)), Series.EMPTY, "");
        DiskHeadroom fine = new DiskHeadroom("local/loki", "/loki", 100L << 30, 60L << 30, Optional.empty(), Series.EMPTY, "");
        List<IncomingAlert> found = detector.onFlow(new FlowSnapshot(T0, FlowSettings.DEFAULT, List.of(stalled), List.of(),
                List.of(filling, fine), List.of()));
        assertEquals(2, found.size());
        assertEquals("NightwatchFlowStalled", found.get(0).labels().get("alertname"));
        assertEquals("promtail.entries-sent", found.get(0).labels().get("stage"));
        IncomingAlert disk = found.get(1);
        assertEquals("NightwatchDiskHeadroomLow", disk.labels().get("alertname"));
        assertEquals("critical", disk.labels().get("severity"), "full within 6 h");
        assertEquals("8 GiB free of 100 GiB, full in 3 h", disk.annotations().get("description"));
    }

    @Test
    void backupsOlderThanTheRpoAreOverdueUntilAFreshOneIsVerified() {
        Map<String, Optional<Instant>> sets = new java.util.LinkedHashMap<>();
        sets.put("prometheus", Optional.of(T0.minus(Duration.ofHours(30))));
        sets.put("redis", Optional.empty());
        sets.put("alertmanager", Optional.of(T0.minus(Duration.ofHours(2))));
        List<IncomingAlert> overdue = detector.onBackups(sets, Duration.ofHours(24), T0);
        assertEquals(List.of("prometheus", "redis"), overdue.stream().map(a -> a.labels().get("service")).toList());
        assertEquals("the newest verified set is 30 h old", overdue.get(0).annotations().get("description"));
        assertEquals("there is no verified backup set of redis", overdue.get(1).annotations().get("description"));
        sets.put("prometheus", Optional.of(T0.plusSeconds(60)));
        List<IncomingAlert> later = detector.onBackups(sets, Duration.ofHours(24), T0.plusSeconds(120));
        assertEquals(1, later.size());
        assertEquals(AlertState.RESOLVED, later.get(0).state());
        assertEquals("prometheus", later.get(0).labels().get("service"));
    }

    @Test
    void degradedPastTheGraceIsAWarningNamingTheRunbookAndUpResetsTheClock() {
        HealthSnapshot degraded0 = new HealthSnapshot(T0, List.of(ENGINE), List.of(redisTile(HealthState.DEGRADED, "container up, PING timed out", false, 0, T0)));
        assertTrue(detector.onHealth(degraded0).isEmpty(), "one slow probe is not a finding");
        assertTrue(detector.onHealth(new HealthSnapshot(T0.plusSeconds(20), List.of(ENGINE),
                List.of(redisTile(HealthState.DEGRADED, "container up, PING timed out", false, 0, T0)))).isEmpty(), "within the grace");
        List<IncomingAlert> late = detector.onHealth(new HealthSnapshot(T0.plusSeconds(31), List.of(ENGINE),
                List.of(redisTile(HealthState.DEGRADED, "container up, PING timed out", false, 0, T0))));
        assertEquals(1, late.size());
        assertEquals("NightwatchServiceDegraded", late.get(0).labels().get("alertname"));
        assertEquals("warning", late.get(0).labels().get("severity"));
        assertEquals("redis-down", late.get(0).labels().get("scenario"));
        assertEquals("nightwatch recover redis-down --service redis", late.get(0).annotations().get("runbook"));

        assertEquals(AlertState.RESOLVED, detector.onHealth(new HealthSnapshot(T0.plusSeconds(40), List.of(ENGINE),
                List.of(redisTile(HealthState.UP, "up", false, 0, T0)))).get(0).state());
        assertTrue(detector.onHealth(new HealthSnapshot(T0.plusSeconds(50), List.of(ENGINE),
                List.of(redisTile(HealthState.DEGRADED, "container up, PING timed out", false, 0, T0)))).isEmpty(),
                "a new degradation waits for its own grace");
    }

    @Test
    void aServiceMarkedNotDeployedResolvesItsFindingAndRaisesNothingMore() {
        List<IncomingAlert> down = detector.onHealth(new HealthSnapshot(T0, List.of(ENGINE),
                List.of(redisTile(HealthState.DOWN, "no container sva-studio-redis on local", false, 0, T0))));
        assertEquals(List.of("NightwatchServiceDown"), down.stream().map(a -> a.labels().get("alertname")).toList());
        ServiceHealth quiet = io.nightwatch.health.HealthEvaluator.notDeployed(redis(), false, T0.plusSeconds(5));
        List<IncomingAlert> marked = detector.onHealth(new HealthSnapshot(T0.plusSeconds(5), List.of(ENGINE), List.of(quiet)));
        assertEquals(List.of(AlertState.RESOLVED), marked.stream().map(IncomingAlert::state).toList(), "the operator said it is not there");
        assertEquals(List.of(), detector.onHealth(new HealthSnapshot(T0.plusSeconds(10), List.of(ENGINE), List.of(quiet))));
    }
}
