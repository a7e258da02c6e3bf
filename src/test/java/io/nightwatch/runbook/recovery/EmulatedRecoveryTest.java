package io.nightwatch.runbook.recovery;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.Step;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Loki and Promtail cannot be installed here: their containers are stand-ins on the real engine (so stop, start and
 * logs are real), and their HTTP surface is MockWebServer with the documented Loki 2.9 / Promtail 2.9 formats
 * ({@code /ready}, {@code POST /flush}, {@code loki_discarded_samples_total{reason,tenant}},
 * {@code loki_distributor_lines_received_total{tenant}}, {@code promtail_sent_entries_total{host}}). The emulators
 * stay broken until their container has really been restarted, which is what the runbook must do.
 */
@EngineTest
class EmulatedRecoveryTest {

    /** A stand-in that ends on SIGTERM within a second (busybox sleep as PID 1 would sit out the whole grace). */
    private static final String[] STAND_IN = {"sh", "-c", "echo 'level=error msg=\"push failed\" status=429'; trap 'exit 0' TERM; while :; do sleep 1; done"};

    private static ServiceSpec emulated(ServiceKind kind, MockWebServer server) {
        ServiceSpec reference = ReferenceStack.profile().services().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
        return new ServiceSpec(reference.name(), kind, "local", reference.container(),
                new Endpoint(ProbeProtocol.HTTP, "127.0.0.1", server.getPort(), kind.containerPort(), kind.healthPath()),
                Optional.of(new Endpoint(ProbeProtocol.HTTP, "127.0.0.1", server.getPort(), kind.containerPort(), "/metrics")),
                reference.dataPath(), Optional.empty(), false);
    }

    /** Whether the container has been started again since this was made. */
    private static Supplier<Boolean> restartedSince(TestEngine engine, String container) {
        String first = engine.docker("inspect", "-f", "{{.State.StartedAt}}", container).strip();
        AtomicBoolean seen = new AtomicBoolean();
        return () -> {
            if (!seen.get() && !engine.docker("inspect", "-f", "{{.State.StartedAt}}", container).strip().equals(first)) seen.set(true);
            return seen.get();
        };
    }

    private static List<String> run(StackProfile profile, DockerGateway gateway, Path dir, String scenario, String service) {
        RecoveryRunbook.Context context = new RecoveryRunbook.Context(profile, Map.of(), h -> gateway, dir.resolve("backups"), RedisDownRecoveryTest.FAST);
        Map<String, String> params = Map.of("service", service);
        List<String> output = new CopyOnWriteArrayList<>();
        RunResult r = new RunbookRunner(dir.resolve("runs"), Clock.systemUTC()).run(Recoveries.find(context, scenario).orElseThrow().build(params),
                params, new RunListener() {
                    @Override
                    public void output(Step s, String line) { output.add(s.id() + ": " + line); }
                });
        assertEquals(RunResult.Outcome.SUCCEEDED, r.outcome(), r.message() + "\n" + String.join("\n", output));
        return output;
    }

    @Test
    void lokiAnswering503AndDiscardingIsFlushedRestartedAndShownReceivingAgain(@TempDir Path dir) throws Exception {
        TestEngine engine = TestEngine.shared();
        engine.runIsolated("sva-studio-loki", TestEngine.BUSYBOX, STAND_IN);
        Supplier<Boolean> restarted = restartedSince(engine, "sva-studio-loki");
        AtomicLong received = new AtomicLong(5000);
        AtomicBoolean flushed = new AtomicBoolean();
        try (MockWebServer loki = new MockWebServer()) {
            loki.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    boolean healed = flushed.get() && restarted.get();
                    if ("/flush".equals(request.getPath()) && "POST".equals(request.getMethod())) {
                        flushed.set(true);
                        return new MockResponse().setResponseCode(204);
                    }
                    if ("/ready".equals(request.getPath())) {
                        return healed ? new MockResponse().setBody("ready\n") : new MockResponse().setResponseCode(503).setBody("Ingester not ready\n");
                    }
                    if ("/loki/api/v1/push".equals(request.getPath())) {
                        return new MockResponse().setResponseCode(429).setBody("Ingestion rate limit exceeded for user fake (limit: 4194304 bytes/sec)");
                    }
                    long n = healed ? received.addAndGet(30) : received.get();
                    return new MockResponse().setBody("# TYPE loki_discarded_samples_total counter\n"
                            + "loki_discarded_samples_total{reason=\"rate_limited\",tenant=\"fake\"} 1234\n"
                            + "# TYPE loki_distributor_lines_received_total counter\n"
                            + "loki_distributor_lines_received_total{tenant=\"fake\"} " + n + "\n"
                            + "# TYPE loki_distributor_bytes_received_total counter\n"
                            + "loki_distributor_bytes_received_total{tenant=\"fake\"} " + n * 180 + "\n");
                }
            });
            loki.start(InetAddress.getLoopbackAddress(), 0);
            StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString())
                    .withServices(List.of(emulated(ServiceKind.LOKI, loki))).withTimings(Duration.ofMillis(500), Duration.ofSeconds(2));
            try (DockerGateway gateway = DockerGateway.connect(EngineAddress.resolve(profile.hosts().get(0), Map.of()))) {
                List<String> output = run(profile, gateway, dir, "loki-ingestion", "loki");
                String all = String.join("\n", output);
                assertTrue(all.contains("/ready: GET /ready returns 503"), all);
                assertTrue(all.contains("rate_limited") && all.contains("ingestion_rate_mb"), all);
                assertTrue(all.contains("error line: level=error msg=\"push failed\" status=429"), all);
                assertTrue(all.contains("flush-loki: flushed"), all);
                assertTrue(all.contains("loki.lines-received FLOWING"), all);
            }
        } finally {
            engine.docker("rm", "-f", "sva-studio-loki");
        }
    }

    @Test
    void promtailReadyButSendingNothingIsRestartedAndShownSendingAgain(@TempDir Path dir) throws Exception {
        TestEngine engine = TestEngine.shared();
        engine.runIsolated("sva-studio-promtail", TestEngine.BUSYBOX, STAND_IN);
        Supplier<Boolean> restarted = restartedSince(engine, "sva-studio-promtail");
        AtomicLong sent = new AtomicLong(100);
        try (MockWebServer promtail = new MockWebServer()) {
            promtail.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if ("/ready".equals(request.getPath())) return new MockResponse().setBody("Ready");
                    long n = restarted.get() ? sent.addAndGet(20) : sent.get();
                    return new MockResponse().setBody("# TYPE promtail_sent_entries_total counter\n"
                            + "promtail_sent_entries_total{host=\"loki:3100\"} " + n + "\n"
                            + "# TYPE promtail_dropped_entries_total counter\n"
                            + "promtail_dropped_entries_total{host=\"loki:3100\",reason=\"ingester_error\"} 0\n");
                }
            });
            promtail.start(InetAddress.getLoopbackAddress(), 0);
            StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString())
                    .withServices(List.of(emulated(ServiceKind.PROMTAIL, promtail))).withTimings(Duration.ofMillis(500), Duration.ofSeconds(2));
            try (DockerGateway gateway = DockerGateway.connect(EngineAddress.resolve(profile.hosts().get(0), Map.of()))) {
                List<String> output = run(profile, gateway, dir, "promtail-stalled", "promtail");
                String all = String.join("\n", output);
                assertTrue(all.contains("/ready: Ready"), all);
                assertTrue(all.contains("/var/lib/docker/containers: missing or unreadable"), all);
                assertTrue(all.contains("promtail.entries-sent FLOWING"), all);
            }
        } finally {
            engine.docker("rm", "-f", "sva-studio-promtail");
        }
    }
}
