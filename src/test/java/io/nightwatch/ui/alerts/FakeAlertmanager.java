package io.nightwatch.ui.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Alertmanager's silence API on a MockWebServer: silences are kept, created, listed and expired as Alertmanager does;
 * its alert list answers 503 (the tests never poll). Starts with one silence someone else made.
 */
final class FakeAlertmanager implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final List<ObjectNode> silences = new CopyOnWriteArrayList<>();
    final List<JsonNode> created = new CopyOnWriteArrayList<>();
    final List<String> expired = new CopyOnWriteArrayList<>();
    private int next = 1;

    FakeAlertmanager(Instant now) throws IOException {
        silences.add(silence("0c9a6f1e-bob-maintenance", now.minusSeconds(3600), now.plusSeconds(5 * 3600), "bob",
                "maintenance window of the edge host", List.of(matcher("host", "edge", false, true)), "active"));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    return answer(request);
                } catch (IOException e) {
                    return new MockResponse().setResponseCode(400).setBody(e.getMessage());
                }
            }
        });
        server.start();
    }

    int port() { return server.getPort(); }

    private synchronized MockResponse answer(RecordedRequest request) throws IOException {
        String path = request.getPath() == null ? "" : request.getPath();
        if (path.startsWith("/api/v2/silences") && "GET".equals(request.getMethod())) {
            ArrayNode list = JSON.createArrayNode();
            silences.forEach(list::add);
            return json(list.toString());
        }
        if (path.startsWith("/api/v2/silences") && "POST".equals(request.getMethod())) {
            JsonNode body = JSON.readTree(request.getBody().readUtf8());
            created.add(body);
            String id = String.format("5f3c%04d-9e1b-4d7a-8c2e-nightwatch", next++);
            List<ObjectNode> matchers = new ArrayList<>();
            body.path("matchers").forEach(m -> matchers.add((ObjectNode) m));
            silences.add(silence(id, Instant.parse(body.path("startsAt").asText()), Instant.parse(body.path("endsAt").asText()),
                    body.path("createdBy").asText(), body.path("comment").asText(), matchers, "active"));
            return json("{\"silenceID\":\"" + id + "\"}");
        }
        if (path.startsWith("/api/v2/silence/") && "DELETE".equals(request.getMethod())) {
            String id = path.substring("/api/v2/silence/".length());
            expired.add(id);
            silences.forEach(s -> { if (s.path("id").asText().equals(id)) ((ObjectNode) s.path("status")).put("state", "expired"); });
            return new MockResponse().setResponseCode(200);
        }
        return new MockResponse().setResponseCode(503).setBody("not in this test");
    }

    private static MockResponse json(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static ObjectNode silence(String id, Instant start, Instant end, String by, String comment, List<ObjectNode> matchers,
                                      String state) {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", id).put("startsAt", start.toString()).put("endsAt", end.toString()).put("updatedAt", start.toString())
                .put("createdBy", by).put("comment", comment);
        ArrayNode list = s.putArray("matchers");
        matchers.forEach(list::add);
        s.putObject("status").put("state", state);
        return s;
    }

    private static ObjectNode matcher(String name, String value, boolean regex, boolean equal) {
        ObjectNode m = JSON.createObjectNode();
        m.put("name", name).put("value", value).put("isRegex", regex).put("isEqual", equal);
        return m;
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
