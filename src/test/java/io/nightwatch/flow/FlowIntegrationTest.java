package io.nightwatch.flow;

import io.nightwatch.health.HealthMonitor;
import io.nightwatch.stack.Endpoint;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/** Data flow read from the real Prometheus, Alertmanager and Redis of the testbed. */
@EngineTest
class FlowIntegrationTest {

    private static final FlowSettings FAST = new FlowSettings(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(5), false);
    private static TestEngine engine;

    @BeforeAll
    static void startTestbed() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    private static StackProfile profile(List<ServiceSpec> extra) {
        StackProfile reference = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString())
                .withTimings(Duration.ofSeconds(1), Duration.ofSeconds(2));
        List<ServiceSpec> services = new ArrayList<>(reference.services().stream()
                .filter(s -> s.kind() == ServiceKind.PROMETHEUS || s.kind() == ServiceKind.ALERTMANAGER || s.kind() == ServiceKind.REDIS)
                .toList());
        services.addAll(extra);
        return reference.withServices(services);
    }

    private static StageStatus stage(FlowSnapshot s, String service, String key) {
        return s.stages().stream().filter(x -> x.serviceName().equals(service) && x.spec().key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no stage " + service + "/" + key));
    }

    private static FlowSnapshot roundsUntil(FlowMonitor flow, Predicate<FlowSnapshot> done, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        FlowSnapshot last = flow.round();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) return last;
            Thread.sleep(500);
            last = flow.round();
        }
        return last;
    }

    @Test
    void realServicesShowTheirFlowsDirectly() throws Exception {
        try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
            redis.setex("session:nightwatch-test-1", 3600, "a");
            redis.setex("login_state:nightwatch-test-2", 600, "b");
            redis.set("perm:v2:no-ttl", "c");
        }
        try (HealthMonitor health = new HealthMonitor(profile(List.of()), Map.of(), Clock.systemUTC());
             FlowMonitor flow = new FlowMonitor(health, FAST, Map.of(), Clock.systemUTC())) {
            health.checkOnce();
            health.start();
            FlowSnapshot s = roundsUntil(flow, x -> stage(x, "prometheus", "samples-appended").state() == FlowState.FLOWING,
                    Duration.ofSeconds(20));
            StageStatus samples = stage(s, "prometheus", "samples-appended");
            assertEquals(FlowState.FLOWING, samples.state(), samples.detail());
            assertTrue(samples.value().getAsDouble() > 0);
            assertTrue(samples.history().size() >= 2);

            StageStatus targets = stage(s, "prometheus", "targets-down");
            assertEquals(0, targets.value().getAsDouble(), targets.detail());
            assertEquals("2 of 2 up", targets.detail());

            assertEquals(FlowState.IDLE, stage(s, "prometheus", "notifications-dropped").state());
            StageStatus failures = stage(s, "alertmanager", "notifications-failed");
            assertNotEquals(FlowState.UNKNOWN, failures.state(), failures.detail());

            assertEquals(2, stage(s, "redis", "keys-with-ttl").value().getAsDouble());
            assertTrue(stage(s, "redis", "clients").value().getAsDouble() >= 1);
            assertEquals("no maxmemory set", stage(s, "redis", "memory").detail());
            assertNotEquals(FlowState.UNKNOWN, stage(s, "redis", "ops").state());

            DiskHeadroom tsdb = s.disks().stream().filter(d -> d.serviceId().endsWith("/prometheus")).findFirst().orElseThrow();
            assertEquals("", tsdb.problem());
            assertEquals("/prometheus", tsdb.path());
            assertTrue(tsdb.sizeBytes() > 0 && tsdb.freeBytes() > 0 && tsdb.freeBytes() <= tsdb.sizeBytes());
        }
    }

    @Test
    void metricsAreReadThroughTheEngineWhenThePortIsNotReachable() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        StackProfile base = profile(List.of());
        int blockedPort = closed;
        List<ServiceSpec> blocked = base.services().stream().map(s -> new ServiceSpec(s.name(), s.kind(), s.host(), s.container(),
                move(s.health(), blockedPort), s.metrics().map(m -> move(m, blockedPort)), s.dataPath(), s.credentialEnv(), false)).toList();
        try (HealthMonitor health = new HealthMonitor(base.withServices(blocked), Map.of(), Clock.systemUTC());
             FlowMonitor flow = new FlowMonitor(health, FAST, Map.of(), Clock.systemUTC())) {
            health.checkOnce();
            FlowSnapshot s = roundsUntil(flow, x -> stage(x, "prometheus", "samples-appended").state() == FlowState.FLOWING
                    && stage(x, "redis", "clients").value().isPresent(), Duration.ofSeconds(20));
            assertEquals(FlowState.FLOWING, stage(s, "prometheus", "samples-appended").state(), stage(s, "prometheus", "samples-appended").detail());
            assertEquals("2 of 2 up", stage(s, "prometheus", "targets-down").detail());
            assertTrue(stage(s, "redis", "clients").value().isPresent(), stage(s, "redis", "clients").detail());
        }
    }

    @Test
    void errorLinesOfAContainerAreCountedWithTheLastOnesKept() throws Exception {
        String name = "nw-noisy-loki";
        engine.docker("rm", "-f", name);
        engine.docker("run", "-d", "--name", name, "--network", "none", TestEngine.BUSYBOX, "sh", "-c",
                "i=0; while true; do i=$((i+1)); echo \"level=error ts=now caller=flush.go:143 msg=\\\"failed to flush chunks\\\" n=$i\" >&2;"
                        + " echo 'level=info msg=\"all good\"'; sleep 0.2; done");
        ServiceSpec noisy = new ServiceSpec("noisy-loki", ServiceKind.LOKI, "local", name,
                new Endpoint(io.nightwatch.stack.ProbeProtocol.HTTP, "", 3100, 3100, "/ready"), Optional.empty(),
                Optional.empty(), Optional.empty(), false);
        try (HealthMonitor health = new HealthMonitor(profile(List.of(noisy)), Map.of(), Clock.systemUTC());
             FlowMonitor flow = new FlowMonitor(health, FAST, Map.of(), Clock.systemUTC())) {
            health.checkOnce();
            FlowSnapshot s = roundsUntil(flow, x -> errorsOf(x, name).perSecond() > 0, Duration.ofSeconds(15));
            ContainerErrors errors = errorsOf(s, name);
            assertTrue(errors.perSecond() > 0, errors.toString());
            assertTrue(errors.total() > 0);
            assertTrue(errors.lastLines().get(errors.lastLines().size() - 1).contains("failed to flush chunks"), errors.lastLines().toString());
            assertTrue(errors.lastLines().stream().noneMatch(l -> l.contains("all good")), "info lines are not errors");
            assertTrue(errors.lastLines().size() <= LogErrorWatcher.KEPT_LINES);
            assertEquals(0, errorsOf(s, "sva-studio-prometheus").total(), "Prometheus logs no errors here");
        } finally {
            engine.docker("rm", "-f", name);
        }
    }

    private static ContainerErrors errorsOf(FlowSnapshot s, String container) {
        return s.logErrors().stream().filter(e -> e.container().equals(container)).findFirst()
                .orElseThrow(() -> new AssertionError("no log errors for " + container + " in " + s.logErrors()));
    }

    private static Endpoint move(Endpoint e, int port) {
        return new Endpoint(e.protocol(), e.directHost(), port, e.containerPort(), e.path());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
