package io.nightwatch.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's Alertmanager on a loopback port: the fingerprints it reports must be the ones Nightwatch computes for
 * Prometheus' fingerprint-less alerts, and its API's report must land on the webhook's occurrence.
 */
class RealAlertmanagerFingerprintTest {

    private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    @Timeout(60)
    void alertmanagerFingerprintsEqualComputedOnes(@TempDir Path dir) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            String why = BINARY + " is missing: apt-get install prometheus-alertmanager";
            if ("true".equals(System.getenv("CI"))) fail(why);
            Assumptions.abort(why);
        }
        Files.writeString(dir.resolve("am.yml"), "route:\n  receiver: none\nreceivers:\n  - name: none\n");
        int port = freeLoopbackPort();
        Process am = new ProcessBuilder(BINARY.toString(), "--config.file=" + dir.resolve("am.yml"),
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(dir.resolve("am.log").toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitReady(base);
            String payload = """
                    [{"labels": {"alertname": "DiskFull", "severity": "critical", "instance": "node1:9100", "job": "node"},
                      "annotations": {"summary": "Disk full"}},
                     {"labels": {"alertname": "LokiDown", "component": "loki", "workspace_id": "ws-42",
                                 "note": "ünïcödé ✓ \\"quoted\\" \\\\ back"}},
                     {"labels": {"alertname": "X"}}]""";
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/alerts"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(payload))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, post.statusCode(), post.body());
            JsonNode listed = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/alerts"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(3, listed.size());

            try (AlertStore store = Alerts.open(dir)) {
                for (JsonNode a : listed) {
                    Map<String, String> labels = new HashMap<>();
                    a.get("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                    assertEquals(a.get("fingerprint").asText(), LabelFingerprint.of(labels), labels.toString());

                    Instant startsAt = Instant.parse(a.get("startsAt").asText());
                    // Prometheus' view (no fingerprint, earlier activeAt), then Alertmanager's API: one occurrence.
                    RecordResult prom = store.record(new IncomingAlert(null, labels, Map.of(), AlertState.FIRING,
                            startsAt.minusSeconds(60), Optional.empty(), "prometheus", "", "", startsAt));
                    RecordResult api = store.record(new IncomingAlert(a.get("fingerprint").asText(), labels, Map.of(),
                            AlertState.fromAlertmanagerState(a.at("/status/state").asText()), startsAt,
                            IncomingAlert.endsAt(Instant.parse(a.get("endsAt").asText())), "alertmanager", "", "",
                            startsAt.plusSeconds(1)));
                    assertEquals(prom.id(), api.id());
                }
                assertEquals(3, store.count(AlertQuery.all()));
            }
        } finally {
            am.destroy();
            if (!am.waitFor(10, TimeUnit.SECONDS)) am.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            assertFalse(am.isAlive());
        }
    }

    private void awaitReady(String base) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/-/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        assertTrue(false, "Alertmanager did not become ready on " + base);
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
