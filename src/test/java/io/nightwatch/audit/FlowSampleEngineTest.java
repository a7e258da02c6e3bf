package io.nightwatch.audit;

import io.nightwatch.audit.AuditItem.Status;
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
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit's flow sample: the flow monitor run over a short window against stand-in containers on the real engine
 * (so "container up" is real). Promtail and Loki are emulated with MockWebServer serving their documented metrics
 * (Promtail 2.9 {@code promtail_sent_entries_total{host}}, Loki 2.9 {@code loki_distributor_lines_received_total{tenant}}):
 * Promtail up but shipping nothing is STALLED, Loki receiving is OK.
 */
@EngineTest
class FlowSampleEngineTest {

    private static final MockWebServer promtail = new MockWebServer();
    private static final MockWebServer loki = new MockWebServer();
    private static final AtomicLong received = new AtomicLong(5000);
    private static TestEngine engine;

    @BeforeAll
    static void start() throws Exception {
        engine = TestEngine.shared();
        promtail.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if ("/ready".equals(request.getPath())) return new MockResponse().setBody("Ready");
                return new MockResponse().setBody("# TYPE promtail_sent_entries_total counter\n"
                        + "promtail_sent_entries_total{host=\"loki:3100\"} 1000\n"
                        + "# TYPE promtail_dropped_entries_total counter\n"
                        + "promtail_dropped_entries_total{host=\"loki:3100\",reason=\"ingester_error\"} 0\n");
            }
        });
        loki.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if ("/ready".equals(request.getPath())) return new MockResponse().setBody("ready\n");
                long n = received.addAndGet(25); // other senders (the collector) keep Loki busy
                return new MockResponse().setBody("# TYPE loki_distributor_lines_received_total counter\n"
                        + "loki_distributor_lines_received_total{tenant=\"fake\"} " + n + "\n"
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

    @Test
    void aPipelineThatMovesNothingWhileItsSourceIsUpIsARisk() throws Exception {
        StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString())
                .withServices(List.of(emulated(ServiceKind.PROMTAIL, promtail), emulated(ServiceKind.LOKI, loki)))
                .withTimings(Duration.ofMillis(500), Duration.ofSeconds(1));
        List<AuditItem> items = FlowSample.items(profile, Map.of(), FlowSample.settings(Duration.ofSeconds(3)), Clock.systemUTC());

        AuditItem promtailItem = items.stream().filter(i -> i.id().equals("flow-stalled:local/promtail")).findFirst().orElseThrow();
        assertEquals(Status.RISK, promtailItem.status(), promtailItem.evidence());
        assertTrue(promtailItem.evidence().contains("STALLED") && promtailItem.evidence().endsWith("(sampled 3 s)"), promtailItem.evidence());
        AuditItem lokiItem = items.stream().filter(i -> i.id().equals("flow-stalled:local/loki")).findFirst().orElseThrow();
        assertEquals(Status.OK, lokiItem.status(), lokiItem.evidence());
        assertTrue(lokiItem.evidence().contains("FLOWING"), lokiItem.evidence());
    }
}
