package io.nightwatch.alerts;

import io.nightwatch.store.AlertState;
import io.nightwatch.store.IncomingAlert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/** The receiver's contract with Alertmanager, and with everything that is not Alertmanager. */
class WebhookReceiverTest {

    static final String PAYLOAD = """
            {"version":"4","groupKey":"{}/{severity=\\"critical\\"}:{alertname=\\"LokiDown\\"}","truncatedAlerts":0,
             "status":"firing","receiver":"critical",
             "groupLabels":{"alertname":"LokiDown"},"commonLabels":{"alertname":"LokiDown","severity":"critical"},
             "commonAnnotations":{"summary":"Loki is down"},"externalURL":"http://alertmanager:9093",
             "alerts":[{"status":"firing","labels":{"alertname":"LokiDown","severity":"critical","job":"loki"},
                        "annotations":{"summary":"Loki is down"},"startsAt":"2026-11-25T02:58:00.123Z",
                        "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus:9090/graph?g0.expr=up",
                        "fingerprint":"a1b2c3d4e5f60718"}]}
            """;

    private final List<IncomingAlert> stored = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private WebhookReceiver receiver;

    private void start(Optional<String> token, WebhookReceiver.Sink sink) throws IOException {
        receiver = WebhookReceiver.start(new InetSocketAddress("127.0.0.1", 0), token, sink, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (receiver != null) receiver.close();
    }

    private HttpResponse<String> post(String path, String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + path))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void alertmanagerPayloadIsStoredOnEveryReferencePath() throws Exception {
        start(Optional.empty(), stored::addAll);
        for (String path : List.of("/alerts", "/alerts/critical", "/alerts/warning")) {
            assertEquals(200, post(path, "application/json", PAYLOAD).statusCode(), path);
        }
        assertEquals(3, stored.size());
        IncomingAlert a = stored.get(0);
        assertEquals("a1b2c3d4e5f60718", a.fingerprint());
        assertEquals(AlertState.FIRING, a.state());
        assertEquals(Instant.parse("2026-11-25T02:58:00.123Z"), a.startsAt());
        assertTrue(a.endsAt().isEmpty(), "0001-01-01 means no end");
        assertEquals("webhook", a.source());
        assertEquals("critical", a.receiver());
        assertEquals("Loki is down", a.annotations().get("summary"));
    }

    @Test
    void badInputIsRefusedWithASpecificStatus() throws Exception {
        start(Optional.empty(), stored::addAll);
        assertEquals(400, post("/alerts", "application/json", "{\"version\":\"4\",\"alerts\":[").statusCode());
        assertTrue(post("/alerts", "application/json", "{not json").body().contains("body is not valid JSON at line 1 column 2"));
        assertEquals(415, post("/alerts", "text/plain", PAYLOAD).statusCode());
        HttpResponse<String> version = post("/alerts", "application/json", PAYLOAD.replace("\"version\":\"4\"", "\"version\":\"3\""));
        assertEquals(400, version.statusCode());
        assertTrue(version.body().contains("unsupported webhook version (expected"), version.body());
        HttpResponse<String> missing = post("/alerts", "application/json", PAYLOAD.replace("\"startsAt\":\"2026-11-25T02:58:00.123Z\",", ""));
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("alerts[0].startsAt"), missing.body());
        HttpResponse<String> noName = post("/alerts", "application/json", PAYLOAD.replace("\"alertname\":\"LokiDown\",\"severity\":\"critical\",\"job\"", "\"severity\":\"critical\",\"job\""));
        assertEquals(400, noName.statusCode());
        assertTrue(noName.body().contains("alerts[0].labels has no alertname"), noName.body());
        assertEquals(400, post("/alerts", "application/json", "[]").statusCode());
        assertEquals(404, post("/webhook", "application/json", PAYLOAD).statusCode());
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/alerts")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertTrue(stored.isEmpty(), "nothing bad was stored");
        assertEquals(200, post("/alerts", "application/json", PAYLOAD).statusCode(), "and the receiver still works");
        assertEquals(7, receiver.rejected(), "every refusal is counted (404 and 405 are not deliveries)");
    }

    @Test
    void oversizedBodiesAreRefusedWith413() throws Exception {
        start(Optional.empty(), stored::addAll);
        String huge = PAYLOAD.replace("Loki is down\"}", "Loki is down\",\"x\":\"" + "a".repeat(WebhookReceiver.MAX_BODY_BYTES) + "\"}");
        assertEquals(413, post("/alerts", "application/json", huge).statusCode());
        // Without a Content-Length (chunked), the limit holds while reading.
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + receiver.port() + "/alerts").toURL().openConnection();
        c.setDoOutput(true);
        c.setChunkedStreamingMode(8192);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
            out.write(huge.getBytes(StandardCharsets.UTF_8));
        } catch (IOException closedEarly) {
            // the receiver may close the connection as soon as it has seen too much
        }
        assertEquals(413, c.getResponseCode());
        assertTrue(stored.isEmpty());
    }

    @Test
    void aStoreThatFailsAnswers503SoAlertmanagerRetries() throws Exception {
        start(Optional.empty(), alerts -> {
            throw new IOException("disk full");
        });
        HttpResponse<String> r = post("/alerts", "application/json", PAYLOAD);
        assertEquals(503, r.statusCode());
        assertTrue(r.body().contains("disk full"));
    }

    @Test
    void tokenIsRequiredBeyondLoopbackAndCheckedWhenSet() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebhookReceiver.start(new InetSocketAddress("0.0.0.0", 0), Optional.empty(), stored::addAll, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("only with a bearer token"));
        start(Optional.of("s3cret-token"), stored::addAll);
        assertEquals(401, post("/alerts", "application/json", PAYLOAD).statusCode());
        assertEquals(401, post("/alerts", "application/json", PAYLOAD, "Authorization", "Bearer wrong").statusCode());
        assertEquals(200, post("/alerts", "application/json", PAYLOAD, "Authorization", "Bearer s3cret-token").statusCode());
    }

}
