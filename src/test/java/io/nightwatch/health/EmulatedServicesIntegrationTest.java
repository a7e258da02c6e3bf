package io.nightwatch.health;

import io.nightwatch.probe.ProbeTransport;
import io.nightwatch.stack.Endpoint;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Loki, Grafana and the OTEL Collector cannot be installed here. Their containers are stand-ins on the real
 * engine (so the container half of the verdict is real), while their HTTP surface is emulated with
 * MockWebServer answering what the real services answer: Loki 2.9 {@code /ready} ("ready" or 503 "Ingester
 * not ready: …"), Grafana 10 {@code /api/health} (JSON with "database"), and for the collector the
 * behaviour of docker-proxy in front of a health extension bound to 127.0.0.1 inside its container: the
 * connection is accepted and dropped.
 */
@EngineTest
class EmulatedServicesIntegrationTest {

    private static TestEngine engine;
    private static final MockWebServer loki = new MockWebServer();
    private static final MockWebServer grafana = new MockWebServer();
    private static final MockWebServer otelPublishedPort = new MockWebServer();

    @BeforeAll
    static void start() throws Exception {
        engine = TestEngine.shared();
        for (MockWebServer server : List.of(loki, grafana, otelPublishedPort)) server.start(InetAddress.getLoopbackAddress(), 0);
        engine.runIsolated("sva-studio-loki", TestEngine.BUSYBOX, "sleep", "3600");
        engine.runIsolated("sva-studio-grafana", TestEngine.BUSYBOX, "sleep", "3600");
        importShelllessCollectorImage();
        engine.docker("rm", "-f", "sva-studio-otel-collector");
        engine.docker("run", "-d", "--name", "sva-studio-otel-collector", "--network", "none", "-m", "256m",
                "--health-interval", "1s", "local/otelcol-standin:0.95.0");
    }

    @AfterAll
    static void stop() throws IOException {
        engine.docker("rm", "-f", "sva-studio-loki", "sva-studio-grafana", "sva-studio-otel-collector");
        for (MockWebServer server : List.of(loki, grafana, otelPublishedPort)) server.shutdown();
    }

    @Test
    void lokiNotReadyIsDegradedWithItsStatusThenUpWhenReady() {
        loki.enqueue(new MockResponse().setResponseCode(503).setBody("Ingester not ready: waiting for 15s after being ready\n"));
        ServiceHealth notReady = check(ServiceKind.LOKI, loki.getPort());
        assertEquals(HealthState.DEGRADED, notReady.state());
        assertEquals("container up, /ready returns 503", notReady.reason());

        loki.enqueue(new MockResponse().setBody("ready\n"));
        ServiceHealth ready = check(ServiceKind.LOKI, loki.getPort());
        assertEquals(HealthState.UP, ready.state(), ready.reason());
        assertTrue(ready.reason().contains("/ready 200"), ready.reason());
    }

    @Test
    void grafanaWithFailingDatabaseIsDegraded() {
        grafana.enqueue(new MockResponse().setResponseCode(503).setHeader("Content-Type", "application/json")
                .setBody("{\"commit\":\"7e1e1b9\",\"database\":\"failing\",\"version\":\"10.4.3\"}"));
        ServiceHealth h = check(ServiceKind.GRAFANA, grafana.getPort());
        assertEquals(HealthState.DEGRADED, h.state());
        assertEquals("container up, /api/health returns 503", h.reason());
    }

    @Test
    void collectorBehindASilentPublishedPortIsJudgedByTheEngineHealthcheckNotCalledDown() throws Exception {
        awaitHealthy("sva-studio-otel-collector");
        otelPublishedPort.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        ServiceHealth h = check(ServiceKind.OTEL_COLLECTOR, otelPublishedPort.getPort());
        assertEquals(HealthState.UP, h.state(), h.reason());
        assertEquals(ProbeTransport.ENGINE_HEALTHCHECK, h.probe().transport());
        String direct = h.findings().stream().filter(f -> f.startsWith("direct probe:")).findFirst().orElseThrow();
        assertTrue(direct.contains("published port " + otelPublishedPort.getPort() + " accepts but closes without answering"), direct);
        assertTrue(direct.contains("wget is not available"), direct);
    }

    private static ServiceHealth check(ServiceKind kind, int port) {
        StackProfile base = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString());
        ServiceSpec spec = base.services().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
        ServiceSpec emulated = new ServiceSpec(spec.name(), kind, spec.host(), spec.container(),
                new Endpoint(spec.health().protocol(), "127.0.0.1", port, spec.health().containerPort(), spec.health().path()),
                spec.metrics(), spec.dataPath(), spec.credentialEnv(), false);
        try (HealthMonitor monitor = new HealthMonitor(base.withServices(List.of(emulated)), Map.of(), Clock.systemUTC())) {
            return monitor.checkOnce().services().get(0);
        }
    }

    /** An image with no shell and no wget, like otel/opentelemetry-collector-contrib: only its own binaries. */
    private static void importShelllessCollectorImage() throws Exception {
        Path tar = Files.createTempFile("otelcol-standin", ".tar");
        byte[] busybox = Files.readAllBytes(Path.of("/bin/busybox"));
        try (OutputStream out = Files.newOutputStream(tar); TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
            // busybox picks its applet from the file name: /true answers the healthcheck, /sleep keeps PID 1 alive.
            for (String name : List.of("true", "sleep")) {
                TarArchiveEntry e = new TarArchiveEntry(name);
                e.setMode(0755);
                e.setSize(busybox.length);
                t.putArchiveEntry(e);
                t.write(busybox);
                t.closeArchiveEntry();
            }
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/docker", "import",
                "-c", "ENTRYPOINT [\"/sleep\", \"3600\"]",
                "-c", "HEALTHCHECK --interval=1s CMD [\"/true\"]",
                tar.toString(), "local/otelcol-standin:0.95.0"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        engine.dockerEnv().forEach((k, v) -> {
            if (v == null) pb.environment().remove(k); else pb.environment().put(k, v);
        });
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "docker import failed: " + output);
        Files.deleteIfExists(tar);
    }

    private static void awaitHealthy(String container) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!engine.docker("inspect", "-f", "{{.State.Health.Status}}", container).strip().equals("healthy")) {
            if (System.nanoTime() > deadline) fail(container + " never became healthy");
            Thread.sleep(200);
        }
    }
}
