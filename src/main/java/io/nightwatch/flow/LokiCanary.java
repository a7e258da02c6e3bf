package io.nightwatch.flow;

import io.nightwatch.text.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pushes one uniquely tagged line through Loki's push API and queries it back with {@code query_range}: the only
 * proof that logs are not just accepted but stored and searchable. The stream labels follow the platform's
 * logging rules (workspace_id, component; the unique id goes in the line, never in a label).
 */
final class LokiCanary {

    private static final Texts T = Texts.of(LokiCanary.class);

    static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient client;
    private final Duration patience;
    private final Clock clock;

    LokiCanary(Duration timeout, Duration patience, Clock clock) {
        this(timeout, patience, clock, new OkHttpClient());
    }

    LokiCanary(Duration timeout, Duration patience, Clock clock, OkHttpClient shared) {
        this.client = shared.newBuilder().connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout.multipliedBy(2)).build();
        this.patience = patience;
        this.clock = clock;
    }

    CanaryResult run(String serviceId, HttpUrl loki) {
        String id = "nw-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        Instant pushedAt = clock.instant();
        long nanos = pushedAt.getEpochSecond() * 1_000_000_000L + pushedAt.getNano();
        ObjectNode body = JSON.createObjectNode();
        ObjectNode stream = body.putArray("streams").addObject();
        stream.putObject("stream").put("job", "nightwatch-canary").put("workspace_id", "nightwatch").put("component", "canary");
        stream.putArray("values").addArray().add(Long.toString(nanos)).add("nightwatch canary " + id); // tool text: the line pushed to Loki
        try (Response pushed = client.newCall(new Request.Builder().url(loki.resolve("/loki/api/v1/push"))
                .post(RequestBody.create(body.toString(), JSON_TYPE)).build()).execute()) {
            if (!pushed.isSuccessful()) {
                String why = pushed.body() == null ? "" : pushed.body().string().strip();
                return result(serviceId, FlowState.STALLED, Optional.empty(),
                        T.get("canary.pushRefused", pushed.code()) + (why.isEmpty() ? "" : ": " + shorten(why)));
            }
        } catch (IOException e) {
            return result(serviceId, FlowState.UNKNOWN, Optional.empty(), T.get("canary.pushFailed", e.getMessage()));
        }
        HttpUrl query = loki.resolve("/loki/api/v1/query_range").newBuilder()
                .addQueryParameter("query", "{job=\"nightwatch-canary\"} |= \"" + id + "\"")
                .addQueryParameter("start", Long.toString(nanos - 60_000_000_000L))
                .addQueryParameter("end", Long.toString(nanos + patience.toNanos() + 60_000_000_000L))
                .addQueryParameter("limit", "10")
                .addQueryParameter("direction", "backward")
                .build();
        long deadline = System.nanoTime() + patience.toNanos();
        String lastProblem = "";
        while (System.nanoTime() < deadline) {
            try (Response r = client.newCall(new Request.Builder().url(query).build()).execute()) {
                String text = r.body() == null ? "" : r.body().string();
                if (r.isSuccessful() && contains(JSON.readTree(text), id)) {
                    return result(serviceId, FlowState.FLOWING, Optional.of(Duration.between(pushedAt, clock.instant())), T.get("canary.lineFound", id));
                }
                lastProblem = r.isSuccessful() ? "" : T.get("canary.queryReturns", r.code());
            } catch (IOException e) {
                lastProblem = T.get("canary.queryFailed", e.getMessage());
            }
            sleep(300);
        }
        return result(serviceId, FlowState.STALLED, Optional.empty(), T.get("canary.lineLost", id, io.nightwatch.text.Formats.duration(patience)) + (lastProblem.isEmpty() ? "" : " (" + lastProblem + ")"));
    }

    private static boolean contains(JsonNode answer, String id) {
        for (JsonNode stream : answer.path("data").path("result")) {
            for (JsonNode value : stream.path("values")) {
                if (value.path(1).asText().contains(id)) return true;
            }
        }
        return false;
    }

    private CanaryResult result(String serviceId, FlowState state, Optional<Duration> rtt, String detail) {
        return new CanaryResult("Loki log canary", serviceId, state, rtt, detail, clock.instant()); // tool text: the name is part of its id
    }

    static String shorten(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
