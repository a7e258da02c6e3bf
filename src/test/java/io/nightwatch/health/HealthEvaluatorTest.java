package io.nightwatch.health;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.ContainerState;
import io.nightwatch.docker.HealthcheckStatus;
import io.nightwatch.docker.MemoryUsage;
import io.nightwatch.probe.ProbeOutcome;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.ProbeTransport;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class HealthEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    private static final EngineStatus ENGINE = EngineStatus.reachable("local", "unix:///var/run/docker.sock", "20.10.24", "1.41", NOW);
    private static final ServiceSpec LOKI = spec(ServiceKind.LOKI);
    private static final ProbeResult READY = ProbeResult.of(ProbeOutcome.HEALTHY, ProbeTransport.DIRECT, Duration.ofMillis(4), "/ready 200");

    @Test
    void runningAndAnsweringIsUp() {
        ServiceHealth h = evaluate(LOKI, Optional.of(running(0, Duration.ofHours(3))), READY, Optional.empty());
        assertEquals(HealthState.UP, h.state());
        assertEquals("up 3 h, /ready 200 in < 10 ms", h.reason());
        assertEquals(Optional.of("2.9.6"), h.version());
        assertEquals(Duration.ofHours(3), h.uptime().orElseThrow());
    }

    @Test
    void answering503IsDegradedWithTheStatus() {
        ProbeResult notReady = ProbeResult.of(ProbeOutcome.UNHEALTHY, ProbeTransport.DIRECT, Duration.ofMillis(3), "/ready returns 503");
        ServiceHealth h = evaluate(LOKI, Optional.of(running(0, Duration.ofHours(1))), notReady, Optional.empty());
        assertEquals(HealthState.DEGRADED, h.state());
        assertEquals("container up, /ready returns 503", h.reason());
    }

    @Test
    void hangingEndpointIsDegraded() {
        ProbeResult hung = ProbeResult.of(ProbeOutcome.TIMED_OUT, ProbeTransport.DIRECT, null, "/ready timed out after 2 s");
        assertEquals(HealthState.DEGRADED, evaluate(LOKI, Optional.of(running(0, Duration.ofHours(1))), hung, Optional.empty()).state());
    }

    @Test
    void recentOomKillAndRestartsAreNamed() {
        ServiceHealth h = evaluate(LOKI, Optional.of(running(3, Duration.ofMinutes(1))), READY, Optional.of(NOW.minus(Duration.ofMinutes(2))));
        assertEquals(HealthState.DEGRADED, h.state());
        assertEquals("OOM-killed 2 min ago, restarted 3×", h.reason());
    }

    @Test
    void exitedAfterOomIsDown() {
        ContainerFacts dead = new ContainerFacts("abc", "sva-studio-loki", "grafana/loki:2.9.6", ContainerState.EXITED,
                HealthcheckStatus.UNHEALTHY, "", 0, true, 137, Optional.of(NOW.minusSeconds(600)),
                Optional.of(NOW.minusSeconds(120)), 512L << 20, 500_000_000L, Map.of(), "");
        ServiceHealth h = evaluate(LOKI, Optional.of(dead), ProbeResult.notProbed("container not running"), Optional.empty());
        assertEquals(HealthState.DOWN, h.state());
        assertEquals("exited (code 137, OOM-killed) 2 min ago", h.reason());
        assertTrue(h.findings().contains("last exit was an OOM kill"));
    }

    @Test
    void missingContainerIsDownUnlessSomethingAnswers() {
        assertEquals("no container sva-studio-loki on local",
                evaluate(LOKI, Optional.empty(), ProbeResult.notProbed(""), Optional.empty()).reason());
        assertEquals(HealthState.DEGRADED, evaluate(LOKI, Optional.empty(), READY, Optional.empty()).state());
    }

    @Test
    void nothingListeningInsideIsDown() {
        ProbeResult refused = ProbeResult.of(ProbeOutcome.REFUSED, ProbeTransport.EXEC, Duration.ofMillis(40),
                "nothing answers on :3100 inside the container");
        ServiceHealth h = evaluate(LOKI, Optional.of(running(0, Duration.ofHours(1))), refused, Optional.empty());
        assertEquals(HealthState.DOWN, h.state());
        assertEquals("container up, but nothing answers on :3100 inside the container", h.reason());
    }

    @Test
    void unreachableEngineIsUnknownWithTheAddress() {
        EngineStatus gone = EngineStatus.unreachable("local", "tcp://127.0.0.1:2376 (TLS)", "connection refused", NOW);
        ServiceHealth h = HealthEvaluator.evaluate(new HealthEvaluator.Input(LOKI, gone, Optional.empty(), Optional.empty(),
                ProbeResult.notProbed(""), Optional.empty(), NOW));
        assertEquals(HealthState.UNKNOWN, h.state());
        assertEquals("engine unreachable at tcp://127.0.0.1:2376 (TLS)", h.reason());
    }

    @Test
    void noLimitsAndMemoryPressureAreFindings() {
        ContainerFacts unlimited = new ContainerFacts("abc", "sva-studio-loki", "grafana/loki:2.9.6", ContainerState.RUNNING,
                HealthcheckStatus.NONE, "", 0, false, 0, Optional.of(NOW.minusSeconds(3600)), Optional.empty(), 0, 0, Map.of(), "");
        ServiceHealth h = evaluate(LOKI, Optional.of(unlimited), READY, Optional.empty());
        assertTrue(h.findings().containsAll(java.util.List.of("no memory limit", "no CPU limit", "no engine healthcheck")), h.findings().toString());

        ServiceHealth pressed = HealthEvaluator.evaluate(new HealthEvaluator.Input(LOKI, ENGINE,
                Optional.of(running(0, Duration.ofHours(1))), Optional.of(new MemoryUsage(490L << 20, 512L << 20)), READY,
                Optional.empty(), NOW));
        assertEquals(HealthState.DEGRADED, pressed.state());
        assertEquals("memory at 96% of its 512 MiB limit", pressed.reason());
    }

    @Test
    void exitCodesFollowTheContract() {
        ServiceHealth up = evaluate(LOKI, Optional.of(running(0, Duration.ofHours(1))), READY, Optional.empty());
        ServiceHealth down = evaluate(LOKI, Optional.empty(), ProbeResult.notProbed(""), Optional.empty());
        assertEquals(0, new HealthSnapshot(NOW, java.util.List.of(ENGINE), java.util.List.of(up)).exitCode());
        assertEquals(2, new HealthSnapshot(NOW, java.util.List.of(ENGINE), java.util.List.of(up, down)).exitCode());
        EngineStatus gone = EngineStatus.unreachable("b", "tcp://x", "refused", NOW);
        assertEquals(3, new HealthSnapshot(NOW, java.util.List.of(ENGINE, gone), java.util.List.of(up)).exitCode());
    }

    private static ServiceHealth evaluate(ServiceSpec spec, Optional<ContainerFacts> c, ProbeResult probe, Optional<Instant> oom) {
        return HealthEvaluator.evaluate(new HealthEvaluator.Input(spec, ENGINE, c, Optional.empty(), probe, oom, NOW));
    }

    private static ContainerFacts running(int restarts, Duration up) {
        return new ContainerFacts("abc", "sva-studio-loki", "grafana/loki:2.9.6", ContainerState.RUNNING,
                HealthcheckStatus.HEALTHY, "", restarts, false, 0, Optional.of(NOW.minus(up)), Optional.empty(),
                512L << 20, 500_000_000L, Map.of(), "");
    }

    private static ServiceSpec spec(ServiceKind kind) {
        return ReferenceStack.profile().services().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }
}
