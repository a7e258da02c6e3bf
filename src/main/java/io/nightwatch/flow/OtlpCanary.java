package io.nightwatch.flow;

import io.nightwatch.text.Texts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nightwatch.flow.exposition.ExpositionParseException;
import io.nightwatch.flow.exposition.ExpositionParser;
import io.nightwatch.flow.exposition.Sample;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends one gauge point through the collector's OTLP/HTTP receiver ({@code :4318/v1/metrics}) and waits for it on
 * the collector's Prometheus exporter ({@code :8889/metrics}), where Prometheus scrapes app metrics. The point's
 * value is unique (the send time in seconds), so no label adds cardinality.
 */
final class OtlpCanary {

    private static final Texts T = Texts.of(OtlpCanary.class);

    static final String METRIC = "nightwatch_canary";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient client;
    private final Duration patience;
    private final Clock clock;

    OtlpCanary(Duration timeout, Duration patience, Clock clock) {
        this(timeout, patience, clock, new OkHttpClient());
    }

    OtlpCanary(Duration timeout, Duration patience, Clock clock, OkHttpClient shared) {
        this.client = shared.newBuilder().connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout.multipliedBy(2)).build();
        this.patience = patience;
        this.clock = clock;
    }

    CanaryResult run(String serviceId, HttpUrl otlpHttp, HttpUrl exporter) {
        Instant sentAt = clock.instant();
        double marker = sentAt.getEpochSecond();
        ObjectNode body = JSON.createObjectNode();
        ObjectNode resourceMetrics = body.putArray("resourceMetrics").addObject();
        resourceMetrics.putObject("resource").putArray("attributes").addObject()
                .put("key", "service.name").putObject("value").put("stringValue", "nightwatch-canary");
        ObjectNode scope = resourceMetrics.putArray("scopeMetrics").addObject();
        scope.putObject("scope").put("name", "nightwatch");
        ObjectNode metric = scope.putArray("metrics").addObject().put("name", METRIC).put("unit", "1");
        metric.putObject("gauge").putArray("dataPoints").addObject().put("asDouble", marker)
                .put("timeUnixNano", Long.toString(sentAt.getEpochSecond() * 1_000_000_000L + sentAt.getNano()));
        try (Response sent = client.newCall(new Request.Builder().url(otlpHttp.resolve("/v1/metrics"))
                .post(RequestBody.create(body.toString(), LokiCanary.JSON_TYPE)).build()).execute()) {
            if (!sent.isSuccessful()) {
                return result(serviceId, FlowState.STALLED, Optional.empty(), T.get("canary.otlpRefused", sent.code()));
            }
        } catch (IOException e) {
            return result(serviceId, FlowState.UNKNOWN, Optional.empty(), T.get("canary.otlpFailed", e.getMessage()));
        }
        long deadline = System.nanoTime() + patience.toNanos();
        String lastProblem = "";
        while (System.nanoTime() < deadline) {
            try (Response r = client.newCall(new Request.Builder().url(exporter.resolve("/metrics")).build()).execute()) {
                if (r.isSuccessful() && r.body() != null) {
                    for (Sample s : ExpositionParser.parse(r.body().string()).samples(METRIC)) {
                        if (s.value() == marker) {
                            return result(serviceId, FlowState.FLOWING, Optional.of(Duration.between(sentAt, clock.instant())),
                                    T.get("canary.pointExported", (long) marker));
                        }
                    }
                } else {
                    lastProblem = T.get("canary.exporterReturns", r.code());
                }
            } catch (IOException e) {
                lastProblem = T.get("canary.exporterFailed", e.getMessage());
            } catch (ExpositionParseException e) {
                lastProblem = T.get("canary.exporterUnreadable", e.getMessage());
            }
            LokiCanary.sleep(300);
        }
        return result(serviceId, FlowState.STALLED, Optional.empty(), T.get("canary.pointLost", (long) marker, io.nightwatch.text.Formats.duration(patience)) + (lastProblem.isEmpty() ? "" : " (" + lastProblem + ")"));
    }

    private CanaryResult result(String serviceId, FlowState state, Optional<Duration> rtt, String detail) {
        return new CanaryResult("OTLP metric canary", serviceId, state, rtt, detail, clock.instant()); // tool text: the name is part of its id
    }
}
