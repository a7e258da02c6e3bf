package io.nightwatch.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.stack.Endpoint;
import io.nightwatch.stack.ProbeProtocol;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Promtail and Loki cannot be installed here. Their containers are stand-ins on the real engine (so "container
 * up" is real), and their HTTP surface is emulated with MockWebServer serving their documented metric names
 * and label sets: Promtail 2.9 ({@code promtail_sent_entries_total{host="loki:3100"}},
 * {@code promtail_dropped_entries_total{host,reason}}) and Loki 2.9 ({@code loki_distributor_lines_received_total{tenant}},
 * {@code loki_distributor_bytes_received_total{tenant}}).
 */
@EngineTest
class EmulatedFlowTest {

    private static final FlowSettings SETTINGS = new FlowSettings(Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofMinutes(1), false);
    private static TestEngine engine;
    private static final MockWebServer promtail = new MockWebServer();
    private static final MockWebServer loki = new MockWebServer();
    private static final AtomicLong sent = new AtomicLong(1000);
    private static final AtomicLong received = new AtomicLong(5000);
    private static final AtomicBoolean promtailMoving = new AtomicBoolean(true);
    private static final AtomicBoolean lokiMoving = new AtomicBoolean(true);
    private static final AtomicBoolean promtailGarbage = new AtomicBoolean(false);

    @BeforeAll
    static void start() throws Exception {
        engine = TestEngine.shared();
        promtail.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if ("/ready".equals(request.getPath())) return new MockResponse().setBody("Ready");
                if (promtailGarbage.get()) return new MockResponse().setBody("promtail_sent_entries_total{host=\"loki:3100\" 12\n<html>oops</html>\n");
                long n = promtailMoving.get() ? sent.addAndGet(25) : sent.get();
                return new MockResponse().setHeader("Content-Type", "text/plain; version=0.0.4").setBody(
                        "# HELP promtail_sent_entries_total Number of log entries sent to the ingester.\n"
                                + "# TYPE promtail_sent_entries_total counter\n"
                                + "promtail_sent_entries_total{host=\"loki:3100\"} " + n + "\n"
                                + "# HELP promtail_dropped_entries_total Number of log entries dropped because failed to be sent to the ingester after all retries.\n"
                                + "# TYPE promtail_dropped_entries_total counter\n"
                                + "promtail_dropped_entries_total{host=\"loki:3100\",reason=\"ingester_error\"} 0\n"
                                + "promtail_dropped_entries_total{host=\"loki:3100\",reason=\"rate_limited\"} 0\n");
            }
        });
        loki.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if ("/ready".equals(request.getPath())) return new MockResponse().setBody("ready\n");
                long n = lokiMoving.get() ? received.addAndGet(25) : received.get();
                return new MockResponse().setBody(
                        "# HELP loki_distributor_lines_received_total The total number of lines received per tenant\n"
                                + "# TYPE loki_distributor_lines_received_total counter\n"
                                + "loki_distributor_lines_received_total{tenant=\"fake\"} " + n + "\n"
                                + "# HELP loki_distributor_bytes_received_total The total number of uncompressed bytes received per tenant\n"
                                + "# TYPE loki_distributor_bytes_received_total counter\n"
                                + "loki_distributor_bytes_received_total{tenant=\"fake\"} " + (n * 180) + "\n");
            }
        });
        promtail.start(InetAddress.getLoopbackAddress(), 0);
        loki.start(InetAddress.getLoopbackAddress(), 0);
        engine.runIsolated("sva-studio-promtail", TestEngine.BUSYBOX, "sleep", "3600");
        engine.runIsolated("sva-studio-loki", TestEngine.BUSYBOX, "sleep", "3600");
    }

    @AfterAll
    static void stop() throws Exception {
        engine.docker("rm", "-f", "sva-studio-promtail", "sva-studio-loki");
        promtail.shutdown();
        loki.shutdown();
    }

    private static ServiceSpec emulated(ServiceKind kind, MockWebServer server) {
        ServiceSpec reference = ReferenceStack.profile().services().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
        Endpoint health = new Endpoint(ProbeProtocol.HTTP, "127.0.0.1", server.getPort(), kind.containerPort(), kind.healthPath());
        Endpoint metrics = new Endpoint(ProbeProtocol.HTTP, "127.0.0.1", server.getPort(), kind.containerPort(), "/metrics");
        return new ServiceSpec(reference.name(), kind, "local", reference.container(), health, Optional.of(metrics),
                reference.dataPath(), Optional.empty(), false);
    }

    private static StageStatus stage(FlowSnapshot s, String qualifiedKey) {
        return s.stages().stream().filter(x -> x.spec().qualifiedKey().equals(qualifiedKey)).findFirst().orElseThrow();
    }

    private static FlowSnapshot until(FlowMonitor flow, String stage, FlowState wanted, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        FlowSnapshot s = flow.round();
        while (stage(s, stage).state() != wanted) {
            if (System.nanoTime() > deadline) fail(stage + " not " + wanted + " within " + limit + ": " + stage(s, stage));
            Thread.sleep(SETTINGS.interval().toMillis());
            s = flow.round();
        }
        return s;
    }

    @Test
    void promtailUpButShippingNothingStallsWithinTheWindowAndRecovers() throws Exception {
        StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString())
                .withServices(List.of(emulated(ServiceKind.PROMTAIL, promtail), emulated(ServiceKind.LOKI, loki)))
                .withTimings(Duration.ofMillis(500), Duration.ofSeconds(1));
        try (HealthMonitor health = new HealthMonitor(profile, Map.of(), Clock.systemUTC());
             FlowMonitor flow = new FlowMonitor(health, SETTINGS, Map.of(), Clock.systemUTC())) {
            health.checkOnce();
            health.start();
            promtailMoving.set(true);
            lokiMoving.set(true);
            until(flow, "promtail.entries-sent", FlowState.FLOWING, Duration.ofSeconds(5));
            FlowSnapshot flowing = until(flow, "loki.lines-received", FlowState.FLOWING, Duration.ofSeconds(5));
            assertEquals(FlowState.IDLE, stage(flowing, "promtail.entries-dropped").state());

            // After the host reboot: Promtail's /ready still says Ready, but its counter no longer moves.
            promtailMoving.set(false);
            lokiMoving.set(false);
            long flatSince = System.nanoTime();
            FlowSnapshot stalled = until(flow, "promtail.entries-sent", FlowState.STALLED, Duration.ofSeconds(6));
            long tookMs = (System.nanoTime() - flatSince) / 1_000_000;
            assertTrue(tookMs <= SETTINGS.window().toMillis() + 2 * SETTINGS.interval().toMillis() + 1000,
                    "STALLED " + tookMs + " ms after the counter went flat (window " + SETTINGS.window().toMillis() + " ms)");
            assertTrue(stage(stalled, "promtail.entries-sent").detail().endsWith("while promtail is up"), stage(stalled, "promtail.entries-sent").detail());
            // Loki receives nothing either, but that is explained upstream: idle, not a second alarm.
            assertEquals(FlowState.IDLE, stage(stalled, "loki.lines-received").state(), stage(stalled, "loki.lines-received").detail());
            assertTrue(stalled.anyStalled());

            promtailMoving.set(true);
            FlowSnapshot again = until(flow, "promtail.entries-sent", FlowState.FLOWING, Duration.ofSeconds(5));
            // Promtail sends again but Loki still receives nothing: now Loki's stage is the one that stalls.
            FlowSnapshot lokiStalled = until(flow, "loki.lines-received", FlowState.STALLED, Duration.ofSeconds(6));
            assertTrue(stage(lokiStalled, "loki.lines-received").detail().contains("while promtail entries sent is up"),
                    stage(lokiStalled, "loki.lines-received").detail());
            assertNotNull(again);
            lokiMoving.set(true);
            until(flow, "loki.lines-received", FlowState.FLOWING, Duration.ofSeconds(5));
        }
    }

    @Test
    void malformedMetricsFailThatRoundWithTheParserMessageAndNoWrongRate() throws Exception {
        StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString())
                .withServices(List.of(emulated(ServiceKind.PROMTAIL, promtail)));
        try (HealthMonitor health = new HealthMonitor(profile, Map.of(), Clock.systemUTC());
             FlowMonitor flow = new FlowMonitor(health, SETTINGS, Map.of(), Clock.systemUTC())) {
            health.checkOnce();
            promtailMoving.set(true);
            until(flow, "promtail.entries-sent", FlowState.FLOWING, Duration.ofSeconds(5));
            promtailGarbage.set(true);
            try {
                StageStatus broken = stage(flow.round(), "promtail.entries-sent");
                assertEquals(FlowState.UNKNOWN, broken.state());
                assertTrue(broken.detail().startsWith("metrics unreadable: line 1"), broken.detail());
                assertTrue(broken.value().isEmpty(), "no figure from a document that could not be read");
            } finally {
                promtailGarbage.set(false);
            }
            Thread.sleep(300);
            StageStatus recovered = stage(flow.round(), "promtail.entries-sent");
            assertEquals(FlowState.FLOWING, recovered.state());
            assertTrue(recovered.value().getAsDouble() > 0 && recovered.value().getAsDouble() < 1000,
                    "the rate after the gap is averaged over it, not a spike: " + recovered.value());
        }
    }
}
