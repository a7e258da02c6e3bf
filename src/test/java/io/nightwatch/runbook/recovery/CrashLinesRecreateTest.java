package io.nightwatch.runbook.recovery;

import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.services.StackServices;
import io.nightwatch.stack.Endpoint;
import io.nightwatch.stack.ProbeProtocol;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.CrashLines;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
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

import static org.junit.jupiter.api.Assertions.*;

/**
 * The crash lines of a collector that crash-loops with a FATAL line are kept from the real engine's event stream
 * (the {@code die} events of {@code --restart on-failure}); after the container is recreated (its log gone with it)
 * the collector-crash diagnosis still shows the FATAL line. Wired through {@link StackServices}, as the window and
 * {@code serve} run it. The collector's HTTP surface is MockWebServer (the OTEL
 * Collector cannot run here); the container and its log are real.
 */
@EngineTest
class CrashLinesRecreateTest {

    private static final String CRASHING = "echo 'Starting otelcol-contrib...'; "
            + "echo '2026-12-06T03:04:05.100Z\tFATAL\tcollector failed to start: exporter \"lokii\" is not configured'; "
            + "echo 'using api_key=sk-live-0123456789abcdef0123'; exit 1";

    @Test
    void theFatalLineOfACrashLoopIsStillShownAfterTheContainerWasRecreated(@TempDir Path dir) throws Exception {
        TestEngine engine = TestEngine.shared();
        String container = "sva-studio-otel-collector";
        engine.docker("rm", "-f", container);
        try (MockWebServer collector = new MockWebServer();
             AlertStore store = AlertStore.open(dir.resolve("alerts.db"))) {
            collector.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
                @Override
                public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
                    return new MockResponse().setResponseCode(503).setBody("Server not available");
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
            String host = profile.hosts().get(0).name();

            // Wired as for the window and `serve`: the services keep the crash lines and hand them to the runbooks.
            try (StackServices services = StackServices.builder(profile, Map.of()).clock(Clock.systemUTC()).store(store)
                    .settings(AlertSettings.defaults().withListen(Optional.empty()))
                    .runbooks(new RunbookCatalog(profile, Map.of(), dir.resolve("data"), Clock.systemUTC())).open()) {
                services.start();
                awaitEventStream(services.health(), host);
                engine.docker("run", "-d", "--name", container, "--network", "none", "--restart", "on-failure:3",
                        TestEngine.BUSYBOX, "sh", "-c", CRASHING);
                CrashLines.Crash kept = awaitKept(store, host, reference.name());
                assertEquals(1, kept.exitCode());
                assertTrue(kept.lines().stream().anyMatch(l -> l.contains("FATAL\tcollector failed to start")), kept.lines().toString());
                assertTrue(kept.lines().stream().noneMatch(l -> l.contains("sk-live-0123456789abcdef0123")), "kept redacted: " + kept.lines());

                // Recreated (compose up --force-recreate): a new container of the same name, its log holds nothing of the crash.
                engine.docker("rm", "-f", container);
                engine.docker("run", "-d", "--name", container, "--network", "none", TestEngine.BUSYBOX,
                        "sh", "-c", "echo 'Everything is ready. Begin running and processing data.'; trap 'exit 0' TERM; while :; do sleep 1; done");
                RecoveryRunbook definition = services.runbooks().orElseThrow().recoveries().stream()
                        .filter(d -> d.scenario().id().equals("collector-crash")).findFirst().orElseThrow();
                Map<String, String> params = Map.of();
                List<String> output = new CopyOnWriteArrayList<>();
                RunResult r = new RunbookRunner(dir.resolve("runs"), Clock.systemUTC()).run(definition.diagnosis(params), params, new RunListener() {
                    @Override
                    public void output(Step s, String line) { output.add(line); }
                });
                String all = String.join("\n", output);
                assertEquals(RunResult.Outcome.SUCCEEDED, r.outcome(), r.message() + "\n" + all);
                assertTrue(all.contains("Everything is ready"), "the live log is the new container's: " + all);
                assertTrue(all.contains("(recreated or removed since: these lines are gone from the engine)"), all);
                assertTrue(output.stream().anyMatch(l -> l.startsWith("kept error line: ") && l.contains("FATAL\tcollector failed to start")), all);
                assertFalse(all.contains("sk-live-0123456789abcdef0123"), all);
            }
        } finally {
            engine.docker("rm", "-f", container);
        }
    }

    /** The event stream opens with the first poll; a death before it would go unheard. */
    private static void awaitEventStream(HealthMonitor health, String host) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline && health.snapshot().services().isEmpty()) Thread.sleep(100);
        assertTrue(health.gateway(host).isPresent(), "the engine answers");
        Thread.sleep(500);
    }

    private static CrashLines.Crash awaitKept(AlertStore store, String host, String service) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<CrashLines.Crash> found = store.crashes().recent(host, service, 5).stream()
                    .filter(c -> c.lines().stream().anyMatch(l -> l.contains("FATAL"))).findFirst();
            if (found.isPresent()) return found.get();
            Thread.sleep(200);
        }
        fail("no crash lines kept within 30 s: " + store.crashes().recent(host, service, 5));
        return null;
    }
}
