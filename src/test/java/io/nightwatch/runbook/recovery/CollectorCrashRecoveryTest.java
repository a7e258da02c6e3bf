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
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A collector that crash-loops with a FATAL line, on the real engine ({@code --restart on-failure}). The collector
 * binary is a stand-in script with the real one's interface ({@code otelcol validate --config=FILE}, FATAL on a bad
 * exporter); its health port and own telemetry ({@code otelcol_exporter_sent_spans}) are MockWebServer, counting only
 * while the container really runs.
 */
@EngineTest
class CollectorCrashRecoveryTest {

    private static final String OTELCOL = "#!/bin/sh\n"
            + "if [ \"$1\" = validate ]; then\n"
            + "  [ -f /conf/fixed ] && exit 0\n"
            + "  echo 'Error: invalid configuration: exporters::lokii: unknown type: \"lokii\" for id: \"lokii\"'; exit 1\n"
            + "fi\n"
            + "if [ ! -f /conf/fixed ]; then\n"
            + "  echo '2026-12-06T03:04:05.000Z\tinfo\tservice@v0.95.0/service.go:143\tStarting otelcol-contrib...'\n"
            + "  echo '2026-12-06T03:04:05.100Z\tFATAL\tcollector failed to start: failed to build pipelines: exporter \"lokii\" is not configured'\n"
            + "  exit 1\n"
            + "fi\n"
            + "trap 'exit 0' TERM; while :; do sleep 1; done\n";

    @Test
    void aCrashLoopShowsItsFatalLineRefusesAnInvalidConfigAndComesBackOnceFixed(@TempDir Path dir) throws Exception {
        TestEngine engine = TestEngine.shared();
        String container = "sva-studio-otel-collector";
        engine.docker("rm", "-f", container);
        engine.docker("volume", "rm", "-f", "nw-test-otelcol-conf");
        engine.docker("run", "--rm", "-e", "SCRIPT=" + OTELCOL, "-v", "nw-test-otelcol-conf:/conf", TestEngine.BUSYBOX,
                "sh", "-c", "printf '%s' \"$SCRIPT\" > /conf/otelcol && chmod 755 /conf/otelcol");
        engine.docker("run", "-d", "--name", container, "--network", "none", "--restart", "on-failure", "-v", "nw-test-otelcol-conf:/conf",
                "--entrypoint", "/conf/otelcol", TestEngine.BUSYBOX, "--config=/conf/config.yaml");
        AtomicLong spans = new AtomicLong(100);
        try (MockWebServer collector = new MockWebServer()) {
            collector.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if (!"/metrics".equals(request.getPath())) return new MockResponse().setBody("{\"status\":\"Server available\"}");
                    boolean running = engine.docker("inspect", "-f", "{{.State.Running}}", container).strip().equals("true");
                    long n = running ? spans.addAndGet(50) : spans.get();
                    return new MockResponse().setBody("# TYPE otelcol_exporter_sent_spans counter\n"
                            + "otelcol_exporter_sent_spans{exporter=\"otlp/tempo\",service_instance_id=\"x\"} " + n + "\n"
                            + "# TYPE otelcol_receiver_accepted_spans counter\n"
                            + "otelcol_receiver_accepted_spans{receiver=\"otlp\",transport=\"grpc\"} " + n + "\n");
                }
            });
            collector.start(InetAddress.getLoopbackAddress(), 0);
            ServiceSpec reference = ReferenceStack.profile().services().stream().filter(s -> s.kind() == ServiceKind.OTEL_COLLECTOR).findFirst().orElseThrow();
            ServiceSpec emulated = new ServiceSpec(reference.name(), ServiceKind.OTEL_COLLECTOR, "local", container,
                    new Endpoint(ProbeProtocol.HTTP, "127.0.0.1", collector.getPort(), 13133, "/"),
                    Optional.of(new Endpoint(ProbeProtocol.HTTP, "127.0.0.1", collector.getPort(), 8888, "/metrics")),
                    Optional.empty(), Optional.empty(), false);
            StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString())
                    .withServices(List.of(emulated)).withTimings(Duration.ofMillis(500), Duration.ofSeconds(2));
            Thread.sleep(1500); // let it die a few times
            try (DockerGateway gateway = DockerGateway.connect(EngineAddress.resolve(profile.hosts().get(0), Map.of()))) {
                List<String> first = new CopyOnWriteArrayList<>();
                RunResult refused = run(profile, gateway, dir, first);
                String all = String.join("\n", first);
                assertEquals(RunResult.Outcome.FAILED_COMPENSATED, refused.outcome(), refused.message() + "\n" + all);
                assertEquals(Optional.of("validate-config-" + reference.name()), refused.failedStep());
                assertTrue(all.contains("error line: ") && all.contains("FATAL\tcollector failed to start"), all);
                assertTrue(all.contains("diagnose-otel-collector: container ") && all.contains("restarted "), all);
                assertEquals(1, first.stream().filter(l -> l.contains("error line: ")).count(), "each distinct error line once: " + all);
                assertTrue(refused.message().contains("unknown type: \"lokii\""), refused.message());

                // The operator fixes the configuration; the runbook now validates, restarts and proves spans flow.
                engine.docker("run", "--rm", "-v", "nw-test-otelcol-conf:/conf", TestEngine.BUSYBOX, "touch", "/conf/fixed");
                List<String> second = new CopyOnWriteArrayList<>();
                RunResult recovered = run(profile, gateway, dir, second);
                String again = String.join("\n", second);
                assertEquals(RunResult.Outcome.SUCCEEDED, recovered.outcome(), recovered.message() + "\n" + again);
                assertTrue(again.contains("configuration valid"), again);
                assertTrue(again.contains("otel-collector.spans-sent FLOWING"), again);
            }
        } finally {
            engine.docker("rm", "-f", container);
            engine.docker("volume", "rm", "-f", "nw-test-otelcol-conf");
        }
    }

    private static RunResult run(StackProfile profile, DockerGateway gateway, Path dir, List<String> output) {
        RecoveryRunbook.Context context = new RecoveryRunbook.Context(profile, Map.of(), h -> gateway, dir.resolve("backups"), RedisDownRecoveryTest.FAST);
        Map<String, String> params = Map.of();
        return new RunbookRunner(dir.resolve("runs"), Clock.systemUTC()).run(Recoveries.find(context, "collector-crash").orElseThrow().build(params),
                params, new RunListener() {
                    @Override
                    public void output(Step s, String line) { output.add(s.id() + ": " + line); }
                });
    }
}
