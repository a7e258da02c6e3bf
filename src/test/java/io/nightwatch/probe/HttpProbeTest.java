package io.nightwatch.probe;

import io.nightwatch.stack.Endpoint;
import io.nightwatch.stack.ProbeProtocol;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The HTTP surface of Loki ({@code /ready}), emulated with MockWebServer because Loki cannot be installed here;
 * the bodies are what Loki 2.9 answers ("ready", "Ingester not ready: waiting for 15s after being ready").
 */
class HttpProbeTest {

    private final MockWebServer loki = new MockWebServer();
    private final HttpProbe probe = new HttpProbe(Duration.ofMillis(800));

    @BeforeEach
    void start() throws IOException {
        loki.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws IOException {
        loki.shutdown();
    }

    @Test
    void readyIsHealthyWithLatency() {
        loki.enqueue(new MockResponse().setBody("ready\n"));
        ProbeResult r = probe.probe(endpoint(loki.getPort()));
        assertEquals(ProbeOutcome.HEALTHY, r.outcome());
        assertEquals(ProbeTransport.DIRECT, r.transport());
        assertEquals("/ready 200", r.detail());
        assertTrue(r.latency().isPresent());
    }

    @Test
    void notReadyIsUnhealthyWithTheStatus() {
        loki.enqueue(new MockResponse().setResponseCode(503).setBody("Ingester not ready: waiting for 15s after being ready\n"));
        ProbeResult r = probe.probe(endpoint(loki.getPort()));
        assertEquals(ProbeOutcome.UNHEALTHY, r.outcome());
        assertEquals("/ready returns 503", r.detail());
    }

    @Test
    void hangingEndpointTimesOutInsteadOfFreezing() {
        loki.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        long start = System.nanoTime();
        ProbeResult r = probe.probe(endpoint(loki.getPort()));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ProbeOutcome.TIMED_OUT, r.outcome());
        assertEquals("/ready timed out after 800 ms", r.detail());
        assertTrue(tookMs < 5_000, "the probe must give up near its timeout, took " + tookMs + " ms");
    }

    @Test
    void publishedPortThatDropsTheConnectionIsUnreachableNotDown() {
        // What docker-proxy does for the OTEL health port bound to 127.0.0.1 inside its container.
        loki.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        ProbeResult r = probe.probe(endpoint(loki.getPort()));
        assertEquals(ProbeOutcome.UNREACHABLE, r.outcome());
        assertTrue(r.detail().startsWith("published port " + loki.getPort() + " accepts but closes"), r.detail());
    }

    @Test
    void refusedPortIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ProbeResult r = probe.probe(endpoint(closedPort));
        assertEquals(ProbeOutcome.UNREACHABLE, r.outcome());
        assertEquals("127.0.0.1:" + closedPort + " refused", r.detail());
    }

    private static Endpoint endpoint(int port) {
        return new Endpoint(ProbeProtocol.HTTP, "127.0.0.1", port, 3100, "/ready");
    }
}
