package io.nightwatch.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The canaries against emulations of Loki's push and query_range API (v1, JSON as Loki 2.9 answers it) and of
 * the OTEL Collector's OTLP/HTTP receiver and Prometheus exporter; neither service can be installed here.
 */
class CanaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MockWebServer loki = new MockWebServer();
    private final MockWebServer otlp = new MockWebServer();
    private final MockWebServer exporter = new MockWebServer();
    private final List<String> storedLines = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        for (MockWebServer s : List.of(loki, otlp, exporter)) s.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws Exception {
        for (MockWebServer s : List.of(loki, otlp, exporter)) s.shutdown();
    }

    private void lokiThatStores(boolean keeps) {
        loki.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                try {
                    if (request.getPath().startsWith("/loki/api/v1/push")) {
                        JsonNode stream = JSON.readTree(request.getBody().readUtf8()).path("streams").get(0);
                        assertEquals("nightwatch-canary", stream.path("stream").path("job").asText());
                        assertEquals("nightwatch", stream.path("stream").path("workspace_id").asText(), "the platform's mandatory label");
                        if (keeps) storedLines.add(stream.path("values").get(0).get(1).asText());
                        return new MockResponse().setResponseCode(204);
                    }
                    if (request.getPath().startsWith("/loki/api/v1/query_range")) {
                        String query = request.getRequestUrl().queryParameter("query");
                        String id = query.substring(query.indexOf("|= \"") + 4, query.length() - 1);
                        StringBuilder values = new StringBuilder();
                        for (String line : storedLines) {
                            if (line.contains(id)) values.append(values.length() == 0 ? "" : ",").append("[\"1764039600000000000\",\"").append(line).append("\"]");
                        }
                        String result = values.length() == 0 ? "" : "{\"stream\":{\"job\":\"nightwatch-canary\"},\"values\":[" + values + "]}";
                        return new MockResponse().setHeader("Content-Type", "application/json").setBody(
                                "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[" + result + "],\"stats\":{}}}");
                    }
                    return new MockResponse().setResponseCode(404);
                } catch (Exception e) {
                    return new MockResponse().setResponseCode(500).setBody(e.toString());
                }
            }
        });
    }

    @Test
    void logLineThatComesBackIsFlowingWithItsRoundTrip() {
        lokiThatStores(true);
        CanaryResult r = new LokiCanary(Duration.ofSeconds(1), Duration.ofSeconds(5), Clock.systemUTC()).run("local/loki", loki.url("/"));
        assertEquals(FlowState.FLOWING, r.state(), r.detail());
        assertTrue(r.roundTrip().isPresent());
    }

    @Test
    void logLineAcceptedButNeverQueryableIsStalled() {
        lokiThatStores(false);
        CanaryResult r = new LokiCanary(Duration.ofSeconds(1), Duration.ofMillis(1200), Clock.systemUTC()).run("local/loki", loki.url("/"));
        assertEquals(FlowState.STALLED, r.state());
        assertTrue(r.detail().contains("pushed but not found after"), r.detail());
    }

    @Test
    void pushRefusedByLokiIsStalledWithItsReason() {
        loki.enqueue(new MockResponse().setResponseCode(400).setBody("entry for stream '{job=\"nightwatch-canary\"}' has timestamp too old"));
        CanaryResult r = new LokiCanary(Duration.ofSeconds(1), Duration.ofSeconds(1), Clock.systemUTC()).run("local/loki", loki.url("/"));
        assertEquals(FlowState.STALLED, r.state());
        assertTrue(r.detail().startsWith("push refused with 400: entry for stream"), r.detail());
    }

    @Test
    void otlpPointThatReachesTheExporterIsFlowing() {
        AtomicReference<Double> marker = new AtomicReference<>();
        otlp.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    JsonNode point = JSON.readTree(request.getBody().readUtf8()).path("resourceMetrics").get(0).path("scopeMetrics").get(0)
                            .path("metrics").get(0).path("gauge").path("dataPoints").get(0);
                    marker.set(point.path("asDouble").asDouble());
                    return new MockResponse().setBody("{}");
                } catch (Exception e) {
                    return new MockResponse().setResponseCode(400);
                }
            }
        });
        exporter.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = "# HELP nightwatch_canary \n# TYPE nightwatch_canary gauge\n"
                        + (marker.get() == null ? "" : "nightwatch_canary{job=\"nightwatch-canary\"} " + marker.get() + "\n");
                return new MockResponse().setBody(body);
            }
        });
        CanaryResult r = new OtlpCanary(Duration.ofSeconds(1), Duration.ofSeconds(5), Clock.systemUTC())
                .run("local/otel-collector", otlp.url("/"), exporter.url("/"));
        assertEquals(FlowState.FLOWING, r.state(), r.detail());
    }

    @Test
    void otlpPointThatNeverArrivesIsStalled() {
        otlp.enqueue(new MockResponse().setBody("{}"));
        exporter.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setBody("# TYPE up gauge\nup 1\n");
            }
        });
        CanaryResult r = new OtlpCanary(Duration.ofSeconds(1), Duration.ofMillis(1000), Clock.systemUTC())
                .run("local/otel-collector", otlp.url("/"), exporter.url("/"));
        assertEquals(FlowState.STALLED, r.state());
        assertTrue(r.detail().contains("sent but not exported"), r.detail());
    }
}
