package io.nightwatch.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.IncomingAlert;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alertmanager's API v2: the alerts it holds (including silenced and inhibited ones, which never reach a
 * webhook) and its silences.
 */
public final class AlertmanagerClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    /** A matcher of a silence, as Alertmanager models it. */
    public record Matcher(String name, String value, boolean isRegex, boolean isEqual) {}

    /** A silence as Alertmanager reports it. */
    public record Silence(String id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
                          String comment, String state) {}

    private final HttpUrl base;
    private final OkHttpClient client;

    public AlertmanagerClient(HttpUrl base, Duration timeout) {
        this.base = base;
        this.client = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout.multipliedBy(2)).build();
    }

    public HttpUrl base() { return base; }

    /** Every alert Alertmanager holds, as seen now. Active ones carry no end (their endsAt is only a resolve timeout). */
    public List<IncomingAlert> alerts(Instant now) throws IOException {
        JsonNode answer = get("/api/v2/alerts");
        if (!answer.isArray()) throw new IOException("GET /api/v2/alerts: expected a list");
        List<IncomingAlert> alerts = new ArrayList<>();
        for (JsonNode a : answer) {
            String state = a.path("status").path("state").asText("active");
            AlertState mapped = switch (state) {
                case "suppressed" -> AlertState.SUPPRESSED;
                default -> AlertState.FIRING; // active, unprocessed
            };
            Map<String, String> annotations = new LinkedHashMap<>(strings(a.path("annotations")));
            List<String> silencedBy = texts(a.path("status").path("silencedBy"));
            List<String> inhibitedBy = texts(a.path("status").path("inhibitedBy"));
            if (!silencedBy.isEmpty()) annotations.put("nightwatch_silenced_by", String.join(",", silencedBy));
            if (!inhibitedBy.isEmpty()) annotations.put("nightwatch_inhibited_by", String.join(",", inhibitedBy));
            alerts.add(new IncomingAlert(a.path("fingerprint").asText(null), strings(a.path("labels")), annotations, mapped,
                    Instant.parse(a.path("startsAt").asText()), Optional.empty(), "alertmanager",
                    a.path("generatorURL").asText(""), receivers(a.path("receivers")), now));
        }
        return alerts;
    }

    public List<Silence> silences() throws IOException {
        JsonNode answer = get("/api/v2/silences");
        List<Silence> silences = new ArrayList<>();
        for (JsonNode s : answer) {
            List<Matcher> matchers = new ArrayList<>();
            for (JsonNode m : s.path("matchers")) {
                matchers.add(new Matcher(m.path("name").asText(), m.path("value").asText(), m.path("isRegex").asBoolean(),
                        !m.has("isEqual") || m.path("isEqual").asBoolean()));
            }
            silences.add(new Silence(s.path("id").asText(), matchers, Instant.parse(s.path("startsAt").asText()),
                    Instant.parse(s.path("endsAt").asText()), s.path("createdBy").asText(""), s.path("comment").asText(""),
                    s.path("status").path("state").asText("")));
        }
        return silences;
    }

    /** Creates a silence and returns its id. */
    public String createSilence(List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment)
            throws IOException {
        if (matchers.isEmpty()) throw new IllegalArgumentException("a silence needs at least one matcher");
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("matchers");
        for (Matcher m : matchers) {
            list.addObject().put("name", m.name()).put("value", m.value()).put("isRegex", m.isRegex()).put("isEqual", m.isEqual());
        }
        body.put("startsAt", startsAt.toString()).put("endsAt", endsAt.toString()).put("createdBy", createdBy).put("comment", comment);
        Request request = new Request.Builder().url(base.resolve("/api/v2/silences"))
                .post(RequestBody.create(body.toString(), JSON_TYPE)).build();
        try (Response r = client.newCall(request).execute()) {
            String text = r.body() == null ? "" : r.body().string();
            if (!r.isSuccessful()) throw new IOException("Alertmanager refused the silence (" + r.code() + "): " + text.strip());
            return JSON.readTree(text).path("silenceID").asText();
        }
    }

    public void expireSilence(String id) throws IOException {
        Request request = new Request.Builder().url(base.resolve("/api/v2/silence/" + id)).delete().build();
        try (Response r = client.newCall(request).execute()) {
            if (!r.isSuccessful()) {
                throw new IOException("Alertmanager could not expire silence " + id + " (" + r.code() + "): "
                        + (r.body() == null ? "" : r.body().string().strip()));
            }
        }
    }

    private JsonNode get(String path) throws IOException {
        try (Response r = client.newCall(new Request.Builder().url(base.resolve(path)).build()).execute()) {
            String text = r.body() == null ? "" : r.body().string();
            if (!r.isSuccessful()) throw new IOException("GET " + path + " returns " + r.code());
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new IOException("GET " + path + ": not JSON (" + e.getMessage() + ")");
            }
        }
    }

    static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            map.put(f.getKey(), f.getValue().asText());
        }
        return map;
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static String receivers(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.path("name").asText()));
        return String.join(",", names);
    }
}
