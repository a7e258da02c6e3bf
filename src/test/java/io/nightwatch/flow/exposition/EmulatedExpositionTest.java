package io.nightwatch.flow.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hand-written bodies (there are no Loki, Promtail or Collector binaries here) in the documented
 * names and label sets of Loki 2.9, Promtail 2.9 and otelcol-contrib 0.95; each file says so in
 * its leading comment.
 */
class EmulatedExpositionTest {

    private static final String INSTANCE = "e9b3a4f2-5c1d-4d7e-9a61-3f0c2b8d7a15";

    @ParameterizedTest
    @ValueSource(strings = {"loki-2.9.txt", "promtail-2.9.txt", "otelcol-contrib-0.95.txt"})
    void everyTypeLineAndSampleLineIsAccountedFor(String fixture) {
        String body = Fixtures.read(fixture);
        Exposition e = Fixtures.parse(fixture);
        Map<String, String> types = Fixtures.typeLines(body);
        assertEquals(types.keySet(), e.families().stream().map(MetricFamily::name).collect(Collectors.toSet()));
        types.forEach((name, type) -> assertEquals(type, e.family(name).orElseThrow().type().word(), name));
        assertEquals(Fixtures.sampleLines(body).size(), e.sampleCount());
    }

    @Test
    void loki() {
        Exposition e = Fixtures.parse("loki-2.9.txt");
        assertEquals(MetricType.COUNTER, e.family("loki_distributor_lines_received_total").orElseThrow().type());
        assertEquals(104217.0, e.sum("loki_distributor_lines_received_total", Map.of("tenant", "fake")).orElseThrow());
        Sample bytes = e.samples("loki_distributor_bytes_received_total").get(0);
        assertEquals(1.8734562e7, bytes.value());
        assertEquals("fake", bytes.label("tenant"));
        assertEquals("", bytes.label("retention_hours"), "an empty label value is a value, not an absence");
        assertTrue(bytes.labels().containsKey("retention_hours"));
        assertEquals(316.0, e.sum("loki_discarded_samples_total", Map.of("tenant", "fake")).orElseThrow());
        assertEquals(4125.0, e.sum("loki_request_duration_seconds_count",
                Map.of("route", "loki_api_v1_push", "status_code", "204")).orElseThrow());
        assertEquals(MetricType.HISTOGRAM, e.family("loki_request_duration_seconds").orElseThrow().type());
        assertEquals("2.9.8", e.samples("loki_build_info").get(0).label("version"));
        assertEquals("The total number of uncompressed bytes received per tenant. Includes structured metadata bytes.",
                e.family("loki_distributor_bytes_received_total").orElseThrow().help());
    }

    @Test
    void promtail() {
        Exposition e = Fixtures.parse("promtail-2.9.txt");
        assertEquals(104217.0, e.sum("promtail_sent_entries_total", Map.of("host", "loki:3100")).orElseThrow());
        MetricFamily dropped = e.family("promtail_dropped_entries_total").orElseThrow();
        assertEquals(MetricType.COUNTER, dropped.type());
        assertEquals(Set.of("ingester_error", "line_too_long", "rate_limited", "stream_limited"),
                dropped.samples().stream().map(s -> s.label("reason")).collect(Collectors.toSet()));
        assertEquals(305.0, e.sum("promtail_dropped_entries_total", Map.of("host", "loki:3100", "reason", "rate_limited")).orElseThrow());
        assertEquals(305.0, e.sum("promtail_dropped_entries_total", Map.of("host", "loki:3100")).orElseThrow());
        assertEquals(104522.0, e.sum("promtail_read_lines_total", Map.of()).orElseThrow());
        assertEquals(6116.0, e.sum("promtail_read_lines_total", Map.of("path", "/var/log/app/error.log")).orElseThrow());
        // Promtail's read_bytes_total is a gauge despite its name: the type line decides, not the suffix.
        assertEquals(MetricType.GAUGE, e.family("promtail_read_bytes_total").orElseThrow().type());
        assertEquals(3.0, e.sum("promtail_request_duration_seconds_bucket", Map.of("status_code", "429", "le", "+Inf")).orElseThrow());
    }

    @Test
    void otelCollectorOwnTelemetry() {
        Exposition e = Fixtures.parse("otelcol-contrib-0.95.txt");
        Map<String, String> otlpGrpc = Map.of("receiver", "otlp", "transport", "grpc");
        assertEquals(901377.0, e.sum("otelcol_receiver_accepted_metric_points", otlpGrpc).orElseThrow());
        assertEquals(913452.0, e.sum("otelcol_receiver_accepted_metric_points", Map.of("receiver", "otlp")).orElseThrow());
        assertEquals(250.0, e.sum("otelcol_receiver_refused_metric_points", Map.of()).orElseThrow());
        assertEquals(913452.0, e.sum("otelcol_exporter_sent_metric_points", Map.of("exporter", "prometheus")).orElseThrow());
        assertEquals(0.0, e.sum("otelcol_exporter_send_failed_metric_points", Map.of("exporter", "prometheus")).orElseThrow());
        assertEquals(20879.0, e.sum("otelcol_receiver_accepted_spans", Map.of()).orElseThrow());
        assertEquals(20877.0, e.sum("otelcol_exporter_sent_spans", Map.of()).orElseThrow());
        assertEquals(48331.0, e.sum("otelcol_receiver_accepted_log_records", Map.of()).orElseThrow());
        assertEquals(48211.0, e.sum("otelcol_exporter_sent_log_records", Map.of("exporter", "loki")).orElseThrow());
        assertEquals(120.0, e.sum("otelcol_exporter_send_failed_log_records", Map.of("exporter", "loki")).orElseThrow());
        assertTrue(e.sum("otelcol_exporter_sent_log_records", Map.of("exporter", "otlphttp")).isEmpty());

        Sample accepted = e.samples("otelcol_receiver_accepted_metric_points").get(0);
        assertEquals(Map.of("receiver", "otlp", "service_instance_id", INSTANCE, "service_name", "otelcol-contrib",
                "service_version", "0.95.0", "transport", "grpc"), accepted.labels());
        assertEquals(MetricType.COUNTER, e.family("otelcol_receiver_accepted_metric_points").orElseThrow().type());
        // 0.95 names its counters without the _total suffix.
        assertTrue(e.family("otelcol_receiver_accepted_metric_points_total").isEmpty());

        MetricFamily batch = e.family("otelcol_processor_batch_batch_send_size").orElseThrow();
        assertEquals(MetricType.HISTOGRAM, batch.type());
        assertEquals(25, batch.samples().size(), "22 buckets, +Inf, _sum and _count");
        List<Sample> inf = e.samples("otelcol_processor_batch_batch_send_size_bucket").stream()
                .filter(s -> "+Inf".equals(s.label("le"))).toList();
        assertEquals(1, inf.size());
        assertEquals(e.samples("otelcol_processor_batch_batch_send_size_count").get(0).value(), inf.get(0).value());
    }
}
