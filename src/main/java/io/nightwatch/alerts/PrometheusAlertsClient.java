package io.nightwatch.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.IncomingAlert;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prometheus' own view of its alerting rules: alerts still pending ({@code for:} not yet elapsed) are only
 * visible here, and a rule that fails to evaluate only shows in {@code /api/v1/rules}.
 */
public final class PrometheusAlertsClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An alerting rule whose last evaluation failed. */
    public record RuleProblem(String group, String rule, String lastError) {}

    private final HttpUrl base;
    private final OkHttpClient client;

    public PrometheusAlertsClient(HttpUrl base, Duration timeout) {
        this.base = base;
        this.client = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout.multipliedBy(2)).build();
    }

    public List<IncomingAlert> alerts(Instant now) throws IOException {
        JsonNode data = get("/api/v1/alerts").path("data").path("alerts");
        List<IncomingAlert> alerts = new ArrayList<>();
        for (JsonNode a : data) {
            AlertState state = "pending".equals(a.path("state").asText()) ? AlertState.PENDING : AlertState.FIRING;
            alerts.add(new IncomingAlert(null, AlertmanagerClient.strings(a.path("labels")),
                    AlertmanagerClient.strings(a.path("annotations")), state, Instant.parse(a.path("activeAt").asText()),
                    Optional.empty(), "prometheus", "", "", now));
        }
        return alerts;
    }

    public List<RuleProblem> failingRules() throws IOException {
        List<RuleProblem> problems = new ArrayList<>();
        for (JsonNode group : get("/api/v1/rules?type=alert").path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if ("err".equals(rule.path("health").asText())) {
                    problems.add(new RuleProblem(group.path("name").asText(), rule.path("name").asText(), rule.path("lastError").asText("")));
                }
            }
        }
        return problems;
    }

    private JsonNode get(String path) throws IOException {
        try (Response r = client.newCall(new Request.Builder().url(base.resolve(path)).build()).execute()) {
            String text = r.body() == null ? "" : r.body().string();
            if (!r.isSuccessful()) throw new IOException("GET " + path + " returns " + r.code());
            JsonNode node = JSON.readTree(text);
            if (!"success".equals(node.path("status").asText())) throw new IOException("GET " + path + ": status " + node.path("status").asText());
            return node;
        }
    }
}
