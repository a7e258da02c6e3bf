package io.nightwatch.health;

import io.nightwatch.probe.ProbeTransport;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.Endpoint;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import io.nightwatch.testbed.Tls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Health against the real testbed: a private Docker engine running real Prometheus, Alertmanager and Redis
 * under the reference names. Loki, Grafana, OTEL Collector and Promtail are absent here, as they would be on a
 * host where they crashed or were never deployed.
 */
@EngineTest
class HealthIntegrationTest {

    private static TestEngine engine;

    @BeforeAll
    static void startTestbed() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    private static StackProfile referenceProfile() {
        return ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString())
                .withTimings(Duration.ofSeconds(30), Duration.ofSeconds(2));
    }

    private static HealthSnapshot checkOnce(StackProfile profile) {
        try (HealthMonitor monitor = new HealthMonitor(profile, Map.of(), Clock.systemUTC())) {
            return monitor.checkOnce();
        }
    }

    private static ServiceHealth tile(HealthSnapshot snapshot, String name) {
        return snapshot.services().stream().filter(s -> s.spec().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no tile " + name + " in " + snapshot.services()));
    }

    @Test
    void realServicesAreUpDirectlyAndAbsentOnesDown() {
        HealthSnapshot snapshot = checkOnce(referenceProfile());
        EngineStatus local = snapshot.engines().get(0);
        assertTrue(local.reachable(), local.error());
        assertEquals("1.41", local.apiVersion().orElseThrow(), "Debian's engine speaks API 1.41");

        for (String name : List.of("prometheus", "alertmanager", "redis")) {
            ServiceHealth h = tile(snapshot, name);
            assertEquals(HealthState.UP, h.state(), name + ": " + h.reason());
            assertEquals(ProbeTransport.DIRECT, h.probe().transport(), name);
            assertTrue(h.probe().latency().isPresent(), name);
            assertTrue(h.uptime().isPresent(), name);
            assertTrue(h.container().orElseThrow().memoryLimitBytes() > 0, name + " has a memory limit");
            assertTrue(h.memory().isPresent(), name + " has a live memory figure");
        }
        assertEquals("2.42.0", tile(snapshot, "prometheus").version().orElseThrow());
        assertEquals(512L << 20, tile(snapshot, "prometheus").container().orElseThrow().memoryLimitBytes());
        assertEquals(1_000_000_000L, tile(snapshot, "prometheus").container().orElseThrow().nanoCpus());
        assertTrue(tile(snapshot, "redis").findings().contains("no CPU limit"), tile(snapshot, "redis").findings().toString());

        for (String name : List.of("loki", "grafana", "otel-collector", "promtail")) {
            ServiceHealth h = tile(snapshot, name);
            assertEquals(HealthState.DOWN, h.state(), name);
            assertEquals("no container sva-studio-" + name + " on local", h.reason());
        }
        assertEquals(2, snapshot.exitCode());
    }

    @Test
    void blockedDirectAccessFallsBackToExecAndStaysUp() throws IOException {
        int closed = closedPort();
        DockerHostSpec host = referenceProfile().hosts().get(0);
        List<ServiceSpec> blocked = new ArrayList<>();
        for (ServiceSpec s : referenceProfile().services()) {
            if (s.kind() == ServiceKind.PROMETHEUS || s.kind() == ServiceKind.ALERTMANAGER || s.kind() == ServiceKind.REDIS) {
                blocked.add(withDirect(s, "127.0.0.1", closed));
            }
        }
        // A container with no network at all: only the engine can reach it, as in Swarm or on a remote host.
        engine.runIsolated("nw-isolated-redis", TestEngine.REDIS, "redis-server", "--port", "6390");
        blocked.add(new ServiceSpec("isolated-redis", ServiceKind.REDIS, host.name(), "nw-isolated-redis",
                new Endpoint(io.nightwatch.stack.ProbeProtocol.REDIS, "127.0.0.1", 6390, 6390, null),
                Optional.empty(), Optional.of("/data"), Optional.empty(), false));
        try {
            HealthSnapshot snapshot = awaitSnapshot(referenceProfile().withServices(blocked),
                    s -> tile(s, "isolated-redis").state() == HealthState.UP, Duration.ofSeconds(15));
            for (String name : List.of("prometheus", "alertmanager", "redis", "isolated-redis")) {
                ServiceHealth h = tile(snapshot, name);
                assertEquals(HealthState.UP, h.state(), name + ": " + h.reason());
                assertEquals(ProbeTransport.EXEC, h.probe().transport(), name);
                assertTrue(h.findings().stream().anyMatch(f -> f.startsWith("direct probe: 127.0.0.1:")), h.findings().toString());
            }
            assertTrue(tile(snapshot, "isolated-redis").reason().contains("PING → PONG"), tile(snapshot, "isolated-redis").reason());
        } finally {
            engine.docker("rm", "-f", "nw-isolated-redis");
        }
    }

    @Test
    void killedContainerShowsDownWithinOneSecondThroughTheEventStream() throws Exception {
        engine.runReferenceServices();
        List<HealthSnapshot> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Long> downAt = new CompletableFuture<>();
        // A 30 s poll interval: only the event stream can be this fast.
        try (HealthMonitor monitor = new HealthMonitor(referenceProfile(), Map.of(), Clock.systemUTC())) {
            monitor.addListener(snapshot -> {
                seen.add(snapshot);
                snapshot.services().stream().filter(s -> s.spec().name().equals("redis") && s.state() == HealthState.DOWN)
                        .findFirst().ifPresent(s -> downAt.complete(System.nanoTime()));
            });
            monitor.start();
            awaitUntil(() -> monitor.snapshot().services().stream()
                    .anyMatch(s -> s.spec().name().equals("redis") && s.state() == HealthState.UP), Duration.ofSeconds(15));
            Thread.sleep(500); // let the first poll round settle, so only the event can explain what follows

            long killed = System.nanoTime();
            engine.docker("kill", "sva-studio-redis");
            long kill = System.nanoTime();
            long down = downAt.get(5, TimeUnit.SECONDS);
            long afterKillMs = (down - kill) / 1_000_000;
            assertTrue(afterKillMs <= 1000, "DOWN " + afterKillMs + " ms after docker kill returned");
            ServiceHealth redis = tile(monitor.snapshot(), "redis");
            assertTrue(redis.reason().startsWith("exited (code 137)"), redis.reason());
            System.out.printf("[health] redis DOWN %d ms after docker kill was issued%n", (down - killed) / 1_000_000);
        } finally {
            engine.runReferenceServices();
        }
    }

    /**
     * Between two full rounds the monitor only probes (the engine's events carry every container change), so an
     * endpoint that stops answering while its container runs on, which no event reports, must still show within two
     * poll intervals and the probe timeout (the detection requirement).
     */
    @Test
    void anEndpointThatStopsAnsweringShowsWithinTwoPollsThoughNoEventSaysSo() throws Exception {
        engine.runReferenceServices();
        Duration poll = Duration.ofSeconds(1);
        Duration timeout = Duration.ofMillis(500);
        StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString()).withTimings(poll, timeout);
        CompletableFuture<Long> degradedAt = new CompletableFuture<>();
        try (HealthMonitor monitor = new HealthMonitor(profile, Map.of(), Clock.systemUTC())) {
            monitor.start();
            awaitUntil(() -> monitor.snapshot().services().stream()
                    .anyMatch(s -> s.spec().name().equals("redis") && s.state() == HealthState.UP), Duration.ofSeconds(15));
            Thread.sleep(poll.toMillis() * (HostWatcher.LIGHT_ROUNDS_PER_FULL + 1)); // past a full round: the events are open
            monitor.addListener(snapshot -> snapshot.services().stream()
                    .filter(s -> s.spec().name().equals("redis") && s.state() == HealthState.DEGRADED)
                    .findFirst().ifPresent(s -> degradedAt.complete(System.nanoTime())));
            // the container keeps running; Redis just stops answering commands for 8 s
            engine.docker("exec", "sva-studio-redis", "redis-cli", "CLIENT", "PAUSE", "8000");
            long paused = System.nanoTime();
            long seenMs = (degradedAt.get(15, TimeUnit.SECONDS) - paused) / 1_000_000;
            long boundMs = poll.multipliedBy(2).plus(timeout).toMillis() + 1000; // a second for a loaded CI machine
            assertTrue(seenMs <= boundMs, "DEGRADED " + seenMs + " ms after the pause, bound " + boundMs + " ms");
            assertTrue(tile(monitor.snapshot(), "redis").reason().contains("timed out"), tile(monitor.snapshot(), "redis").reason());
        } finally {
            engine.docker("exec", "sva-studio-redis", "redis-cli", "CLIENT", "UNPAUSE");
        }
    }

    @Test
    void containerExceedingItsMemoryLimitIsReportedOomKilled() throws Exception {
        String name = "nw-oom-victim";
        ServiceSpec victim = new ServiceSpec("oom-victim", ServiceKind.PROMETHEUS, "local", name,
                new Endpoint(io.nightwatch.stack.ProbeProtocol.HTTP, "127.0.0.1", closedPort(), 9999, "/-/healthy"),
                Optional.empty(), Optional.empty(), Optional.empty(), false);
        StackProfile profile = referenceProfile().withServices(List.of(victim));
        try (HealthMonitor monitor = new HealthMonitor(profile, Map.of(), Clock.systemUTC())) {
            monitor.start();
            engine.docker("run", "-d", "--name", name, "--network", "none", "-m", "16m", "--memory-swap", "16m",
                    TestEngine.BUSYBOX, "sh", "-c", "x=a; while true; do x=\"$x$x\"; done");
            awaitUntil(() -> monitor.snapshot().services().stream()
                    .anyMatch(s -> s.state() == HealthState.DOWN && s.reason().contains("OOM-killed")), Duration.ofSeconds(30));
            ServiceHealth h = tile(monitor.snapshot(), "oom-victim");
            assertEquals("exited (code 137, OOM-killed)", h.reason().replaceAll(" \\d+ (ms|s) ago", ""));
            assertTrue(h.container().orElseThrow().oomKilled());
            assertEquals(16L << 20, h.container().orElseThrow().memoryLimitBytes());
        } finally {
            engine.docker("rm", "-f", name);
        }
    }

    @Test
    void hangingEndpointIsDegradedAfterTheTimeoutNotAFrozenPoll() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) accepted.add(silent.accept()); // accept, never answer
                } catch (IOException closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ServiceSpec prometheus = referenceProfile().services().stream().filter(s -> s.kind() == ServiceKind.PROMETHEUS)
                    .findFirst().orElseThrow();
            StackProfile profile = referenceProfile().withServices(List.of(withDirect(prometheus, "127.0.0.1", silent.getLocalPort())))
                    .withTimings(Duration.ofSeconds(30), Duration.ofSeconds(1));
            long start = System.nanoTime();
            HealthSnapshot snapshot = checkOnce(profile);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            ServiceHealth h = tile(snapshot, "prometheus");
            assertEquals(HealthState.DEGRADED, h.state(), h.reason());
            assertEquals("container up, /-/healthy timed out after 1 s", h.reason());
            assertTrue(tookMs < 10_000, "check took " + tookMs + " ms");
            for (Socket s : accepted) s.close();
        }
    }

    @Test
    void remoteEngineOverMutualTlsAndItsLossMidRun() throws Exception {
        Tls remote = engine.remoteTlsEngine();
        DockerHostSpec tlsHost = new DockerHostSpec("remote", Optional.of(remote.host().toString()), Optional.of(true),
                Optional.of(remote.certPath()));
        ServiceSpec absent = io.nightwatch.stack.ServiceDefaults.forKind(ServiceKind.REDIS, tlsHost);
        StackProfile profile = new StackProfile(List.of(tlsHost), List.of(absent), Duration.ofSeconds(1), Duration.ofSeconds(1), "test");
        try (HealthMonitor monitor = new HealthMonitor(profile, Map.of(), Clock.systemUTC())) {
            monitor.start();
            awaitUntil(() -> monitor.snapshot().engines().get(0).reachable(), Duration.ofSeconds(15));
            EngineStatus reachable = monitor.snapshot().engines().get(0);
            assertEquals(remote.host() + " (TLS)", reachable.address());
            assertEquals("1.41", reachable.apiVersion().orElseThrow());

            remote.stop();
            awaitUntil(() -> !monitor.snapshot().engines().get(0).reachable(), Duration.ofSeconds(15));
            HealthSnapshot after = monitor.snapshot();
            assertTrue(after.engines().get(0).error().startsWith("engine unreachable at " + remote.host()), after.engines().get(0).error());
            awaitUntil(() -> monitor.snapshot().services().stream().allMatch(s -> s.state() == HealthState.UNKNOWN), Duration.ofSeconds(10));
            assertEquals(3, monitor.snapshot().exitCode());
        } finally {
            remote.stop();
        }
    }

    private static ServiceSpec withDirect(ServiceSpec s, String host, int port) {
        Endpoint h = s.health();
        return new ServiceSpec(s.name(), s.kind(), s.host(), s.container(),
                new Endpoint(h.protocol(), host, port, h.containerPort(), h.path()),
                s.metrics(), s.dataPath(), s.credentialEnv(), s.discovered());
    }

    private static HealthSnapshot awaitSnapshot(StackProfile profile, java.util.function.Predicate<HealthSnapshot> done, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        HealthSnapshot last;
        do {
            last = checkOnce(profile);
            if (done.test(last)) return last;
        } while (System.nanoTime() < deadline);
        return last;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("condition not met within " + limit);
            Thread.sleep(50);
        }
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
