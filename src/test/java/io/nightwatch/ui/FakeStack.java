package io.nightwatch.ui;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.ContainerState;
import io.nightwatch.docker.HealthcheckStatus;
import io.nightwatch.docker.MemoryUsage;
import io.nightwatch.health.EngineStatus;
import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.health.HealthState;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.probe.ProbeOutcome;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.ProbeTransport;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.ServiceDefaults;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-built stack for tests that need no engine: host "local" with the seven reference services in mixed states,
 * and host "edge" whose engine cannot be reached.
 */
public final class FakeStack {

    public static final Instant NOW = Instant.parse("2025-03-14T03:12:45Z");
    public static final String LOCAL_ADDRESS = "unix:///var/run/docker.sock";
    public static final String EDGE_ADDRESS = "tcp://10.20.0.7:2376";
    public static final String EDGE_ADDRESS_SHOWN = EDGE_ADDRESS + " (TLS)";
    public static final long MIB = 1024 * 1024;

    public static final DockerHostSpec LOCAL = new DockerHostSpec("local", Optional.of(LOCAL_ADDRESS), Optional.empty(), Optional.empty());
    public static final DockerHostSpec EDGE = new DockerHostSpec("edge", Optional.of(EDGE_ADDRESS), Optional.of(true), Optional.empty());

    private FakeStack() {}

    public static StackProfile profile() {
        List<ServiceSpec> services = new ArrayList<>();
        for (ServiceKind kind : ServiceKind.values()) services.add(ServiceDefaults.forKind(kind, LOCAL));
        services.add(ServiceDefaults.forKind(ServiceKind.PROMETHEUS, EDGE, "prometheus", "edge-prometheus", 9090));
        services.add(ServiceDefaults.forKind(ServiceKind.REDIS, EDGE, "redis", "edge-redis", 6379));
        return new StackProfile(List.of(LOCAL, EDGE), services, Duration.ofSeconds(2), Duration.ofSeconds(2), "/etc/nightwatch/profile.yaml");
    }

    /** The first picture: mostly fine, Loki not ready, Promtail OOM-looping, the edge engine gone. */
    public static HealthSnapshot first() {
        return snapshot(redisUp());
    }

    /** Same as {@link #first()}, except that Redis has just been killed. */
    public static HealthSnapshot redisKilled() {
        ContainerFacts dead = container("sva-studio-redis", "redis:7.2.5-alpine", ContainerState.EXITED, HealthcheckStatus.NONE,
                0, 137, Duration.ofHours(5), 0, 0);
        return snapshot(health(spec(LOCAL, ServiceKind.REDIS), HealthState.DOWN, "exited (code 137) 2 s ago", dead,
                null, ProbeResult.notProbed("127.0.0.1:6379 refused; container not running"),
                List.of("no memory limit", "no CPU limit", "no engine healthcheck")));
    }

    private static ServiceHealth redisUp() {
        return health(spec(LOCAL, ServiceKind.REDIS), HealthState.UP, "up 5 h, PONG in 1 ms",
                container("sva-studio-redis", "redis:7.2.5-alpine", ContainerState.RUNNING, HealthcheckStatus.NONE, 0, 0,
                        Duration.ofHours(5), 0, 0),
                new MemoryUsage(3 * MIB, 7_800 * MIB),
                ProbeResult.of(ProbeOutcome.HEALTHY, ProbeTransport.DIRECT, Duration.ofMillis(1), "PONG"),
                List.of("no memory limit", "no CPU limit", "no engine healthcheck"));
    }

    private static HealthSnapshot snapshot(ServiceHealth redis) {
        List<ServiceHealth> services = new ArrayList<>(List.of(
                health(spec(LOCAL, ServiceKind.ALERTMANAGER), HealthState.UP, "up 3 d, /-/healthy returns 200 in 3 ms",
                        running("sva-studio-alertmanager", "prom/alertmanager:v0.27.0", Duration.ofDays(3), 128, 0),
                        new MemoryUsage(38 * MIB, 128 * MIB), direct(3, "/-/healthy returns 200"), List.of("no CPU limit")),
                health(spec(LOCAL, ServiceKind.GRAFANA), HealthState.UP, "up 3 d, /api/health returns 200 in 12 ms",
                        running("sva-studio-grafana", "grafana/grafana:11.2.0", Duration.ofDays(3), 512, 1),
                        new MemoryUsage(182 * MIB, 512 * MIB), direct(12, "/api/health returns 200"), List.of()),
                health(spec(LOCAL, ServiceKind.LOKI), HealthState.DEGRADED,
                        "container up, /ready returns 503: Ingester not ready: waiting for 15s after being ready",
                        running("sva-studio-loki", "grafana/loki:3.1.1", Duration.ofMinutes(1), 512, 1),
                        new MemoryUsage(421 * MIB, 512 * MIB),
                        ProbeResult.of(ProbeOutcome.UNHEALTHY, ProbeTransport.DIRECT, Duration.ofMillis(6), "/ready returns 503"),
                        List.of("memory 82% of limit")),
                health(spec(LOCAL, ServiceKind.OTEL_COLLECTOR), HealthState.UP, "up 3 d, healthcheck healthy",
                        running("sva-studio-otel-collector", "otel/opentelemetry-collector-contrib:0.104.0", Duration.ofDays(3), 256, 1),
                        new MemoryUsage(61 * MIB, 256 * MIB),
                        new ProbeResult(ProbeOutcome.HEALTHY, ProbeTransport.ENGINE_HEALTHCHECK, Optional.empty(),
                                "healthcheck healthy", "127.0.0.1:13133 refused; exec: no shell in image"),
                        List.of("direct probe: 127.0.0.1:13133 refused; exec: no shell in image")),
                health(spec(LOCAL, ServiceKind.PROMETHEUS), HealthState.UP, "up 3 d, /-/healthy returns 200 in 41 ms",
                        running("sva-studio-prometheus", "prom/prometheus:v2.53.1", Duration.ofDays(3), 1024, 1),
                        new MemoryUsage(230 * MIB, 1024 * MIB),
                        new ProbeResult(ProbeOutcome.HEALTHY, ProbeTransport.EXEC, Optional.of(Duration.ofMillis(41)),
                                "/-/healthy returns 200", "127.0.0.1:9090 refused"),
                        List.of("direct probe: 127.0.0.1:9090 refused")),
                health(spec(LOCAL, ServiceKind.PROMTAIL), HealthState.DOWN, "restarting (exit 137, OOM-killed), restarted 4×",
                        container("sva-studio-promtail", "grafana/promtail:3.1.1", ContainerState.RESTARTING,
                                HealthcheckStatus.NONE, 4, 137, Duration.ofMinutes(3), 64, 1),
                        null, ProbeResult.notProbed("127.0.0.1:3101 refused; container not running"),
                        List.of("last exit was an OOM kill", "restarted 4×", "no engine healthcheck")),
                redis,
                health(spec(EDGE, ServiceKind.PROMETHEUS), HealthState.UNKNOWN, "engine unreachable at " + EDGE_ADDRESS_SHOWN,
                        null, null, ProbeResult.unreachable(ProbeTransport.DIRECT, "10.20.0.7:9090 timed out"), List.of()),
                health(spec(EDGE, ServiceKind.REDIS), HealthState.UNKNOWN,
                        "engine unreachable at " + EDGE_ADDRESS_SHOWN + "; endpoint still answers directly", null, null,
                        ProbeResult.of(ProbeOutcome.HEALTHY, ProbeTransport.DIRECT, Duration.ofMillis(2), "PONG"), List.of())));
        List<EngineStatus> engines = List.of(
                EngineStatus.reachable("local", LOCAL_ADDRESS, "27.5.1", "1.47", NOW).withSwarm(swarm()),
                EngineStatus.unreachable("edge", EDGE_ADDRESS_SHOWN, "connect timed out after 3 s", NOW));
        return new HealthSnapshot(NOW, engines, services);
    }

    /** What a Swarm manager reports mid-night: one service converged after a rollback, one whose update the engine paused. */
    public static List<io.nightwatch.docker.SwarmService> swarm() {
        return List.of(
                new io.nightwatch.docker.SwarmService("x1", 42, "sva-studio_prometheus", "sva-studio", "prom/prometheus:v2.52.0", 1,
                        Optional.of("prom/prometheus:v2.53.0"), "rollback_completed", "rollback completed", List.of(
                        new io.nightwatch.docker.SwarmService.SwarmTask("t1", 1, "running", "running", "prom/prometheus:v2.52.0", "started", ""))),
                new io.nightwatch.docker.SwarmService("x2", 17, "sva-studio_loki", "sva-studio", "grafana/loki:3.1.1", 2,
                        Optional.of("grafana/loki:2.9.6"), "paused", "update paused due to failure or early termination of task", List.of(
                        new io.nightwatch.docker.SwarmService.SwarmTask("t2", 1, "running", "running", "grafana/loki:2.9.6", "started", ""),
                        new io.nightwatch.docker.SwarmService.SwarmTask("t3", 2, "failed", "running", "grafana/loki:3.1.1",
                                "task: non-zero exit (1)", "task: non-zero exit (1)"))));
    }

    public static ServiceSpec spec(DockerHostSpec host, ServiceKind kind) {
        return profile().services().stream().filter(s -> s.host().equals(host.name()) && s.kind() == kind).findFirst().orElseThrow();
    }

    private static ProbeResult direct(long millis, String detail) {
        return ProbeResult.of(ProbeOutcome.HEALTHY, ProbeTransport.DIRECT, Duration.ofMillis(millis), detail);
    }

    private static ContainerFacts running(String name, String image, Duration up, long limitMib, double cpus) {
        return container(name, image, ContainerState.RUNNING, HealthcheckStatus.HEALTHY, 0, 0, up, limitMib, cpus);
    }

    private static ContainerFacts container(String name, String image, ContainerState state, HealthcheckStatus health,
                                            int restarts, int exitCode, Duration since, long limitMib, double cpus) {
        return new ContainerFacts("c0ffee" + name.hashCode(), name, image, state, health, "", restarts, exitCode == 137,
                exitCode, Optional.of(NOW.minus(since)), state == ContainerState.RUNNING ? Optional.empty() : Optional.of(NOW.minusSeconds(2)),
                limitMib * MIB, (long) (cpus * 1e9), Map.of(), "");
    }

    private static ServiceHealth health(ServiceSpec spec, HealthState state, String reason, ContainerFacts container,
                                        MemoryUsage memory, ProbeResult probe, List<String> findings) {
        return new ServiceHealth(spec, state, reason, Optional.ofNullable(container), Optional.ofNullable(memory), probe,
                findings, NOW);
    }
}
