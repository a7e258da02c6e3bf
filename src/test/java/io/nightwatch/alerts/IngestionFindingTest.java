package io.nightwatch.alerts;

import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.stack.Endpoint;
import io.nightwatch.stack.ProbeProtocol;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.IncomingAlert;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The night's Loki: its stand-in container runs on the real engine, and its HTTP surface is emulated with MockWebServer
 * in Loki 2.9's documented formats: {@code /ready} answers 503 "Ingester not ready", and {@code /metrics} has
 * {@code loki_discarded_samples_total{reason="rate_limited",tenant="fake"}} climbing while
 * {@code loki_distributor_lines_received_total} still moves. Both findings must come within 60 s (the bound);
 * the grace and intervals are shortened so the test takes seconds.
 */
@EngineTest
class IngestionFindingTest {

    @Test
    void lokiAnswering503WithDiscardsClimbingRaisesBothFindingsNamingTheRunbook() throws Exception {
        TestEngine engine = TestEngine.shared();
        AtomicLong discarded = new AtomicLong(0);
        AtomicLong received = new AtomicLong(1000);
        try (MockWebServer loki = new MockWebServer()) {
            loki.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if ("/ready".equals(request.getPath())) return new MockResponse().setResponseCode(503).setBody("Ingester not ready: waiting for 15s after being ready\n");
                    long d = discarded.addAndGet(40);
                    long r = received.addAndGet(10);
                    return new MockResponse().setHeader("Content-Type", "text/plain; version=0.0.4").setBody(
                            "# HELP loki_discarded_samples_total The total number of samples that were discarded.\n"
                                    + "# TYPE loki_discarded_samples_total counter\n"
                                    + "loki_discarded_samples_total{reason=\"rate_limited\",tenant=\"fake\"} " + d + "\n"
                                    + "# HELP loki_distributor_lines_received_total The total number of lines received per tenant\n"
                                    + "# TYPE loki_distributor_lines_received_total counter\n"
                                    + "loki_distributor_lines_received_total{tenant=\"fake\"} " + r + "\n"
                                    + "# HELP loki_distributor_bytes_received_total The total number of uncompressed bytes received per tenant\n"
                                    + "# TYPE loki_distributor_bytes_received_total counter\n"
                                    + "loki_distributor_bytes_received_total{tenant=\"fake\"} " + (r * 180) + "\n");
                }
            });
            loki.start(InetAddress.getLoopbackAddress(), 0);
            engine.runIsolated("sva-studio-loki", TestEngine.BUSYBOX, "sleep", "3600");
            ServiceSpec reference = ReferenceStack.profile().services().stream().filter(s -> s.kind() == ServiceKind.LOKI).findFirst().orElseThrow();
            ServiceSpec emulated = new ServiceSpec(reference.name(), ServiceKind.LOKI, "local", reference.container(),
                    new Endpoint(ProbeProtocol.HTTP, "127.0.0.1", loki.getPort(), 3100, "/ready"),
                    Optional.of(new Endpoint(ProbeProtocol.HTTP, "127.0.0.1", loki.getPort(), 3100, "/metrics")),
                    reference.dataPath(), Optional.empty(), false);
            StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString())
                    .withServices(List.of(emulated)).withTimings(Duration.ofMillis(500), Duration.ofSeconds(1));
            FindingsDetector detector = new FindingsDetector(Clock.systemUTC(), Duration.ofSeconds(2));
            List<IncomingAlert> raised = new CopyOnWriteArrayList<>();
            FlowSettings settings = new FlowSettings(Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofMinutes(1), false);
            try (HealthMonitor health = new HealthMonitor(profile, Map.of(), Clock.systemUTC());
                 FlowMonitor flow = new FlowMonitor(health, settings, Map.of(), Clock.systemUTC())) {
                health.addListener(s -> raised.addAll(detector.onHealth(s)));
                health.checkOnce();
                health.start();
                long start = System.nanoTime();
                while (!(has(raised, "NightwatchServiceDegraded") && has(raised, "NightwatchIngestionFailing"))) {
                    assertTrue(System.nanoTime() - start < Duration.ofSeconds(60).toNanos(), "no finding within 60 s: " + raised);
                    raised.addAll(detector.onFlow(flow.round()));
                    Thread.sleep(250);
                }
            } finally {
                engine.docker("rm", "-f", "sva-studio-loki");
            }
            IncomingAlert degraded = first(raised, "NightwatchServiceDegraded");
            assertEquals("warning", degraded.labels().get("severity"));
            assertEquals("loki-ingestion", degraded.labels().get("scenario"));
            assertTrue(degraded.annotations().get("description").contains("503"), degraded.annotations().toString());
            IncomingAlert ingestion = first(raised, "NightwatchIngestionFailing");
            assertEquals("loki.samples-discarded", ingestion.labels().get("stage"));
            assertEquals("loki-ingestion", ingestion.labels().get("scenario"));
            assertEquals("nightwatch recover loki-ingestion --service loki", ingestion.annotations().get("runbook"));
            assertTrue(ingestion.annotations().get("description").contains("rate_limited"), ingestion.annotations().toString());
            assertEquals(AlertState.FIRING, ingestion.state());
        }
    }

    private static boolean has(List<IncomingAlert> alerts, String name) {
        return alerts.stream().anyMatch(a -> name.equals(a.labels().get("alertname")));
    }

    private static IncomingAlert first(List<IncomingAlert> alerts, String name) {
        return alerts.stream().filter(a -> name.equals(a.labels().get("alertname"))).findFirst().orElseThrow();
    }
}
