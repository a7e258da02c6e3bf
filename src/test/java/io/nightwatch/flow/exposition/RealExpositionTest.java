package io.nightwatch.flow.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bodies captured from the real Debian binaries: Prometheus 2.42.0+ds (scraping itself and an
 * Alertmanager every second, after a few API queries) and Alertmanager 0.25.0 (after one alert
 * was posted to it), both via curl on 127.0.0.1.
 */
class RealExpositionTest {

    private static final String PROMETHEUS = "prometheus-2.42.txt";
    private static final String ALERTMANAGER = "alertmanager-0.25.txt";

    @ParameterizedTest
    @ValueSource(strings = {PROMETHEUS, ALERTMANAGER})
    void everyTypeLineAndEverySampleLineIsAccountedFor(String fixture) {
        String body = Fixtures.read(fixture);
        Exposition e = Fixtures.parse(fixture);
        Map<String, String> types = Fixtures.typeLines(body);
        assertEquals(types.size(), e.families().size(), "one family per TYPE line, none without samples");
        for (Map.Entry<String, String> t : types.entrySet()) {
            MetricFamily f = e.family(t.getKey()).orElseThrow(() -> new AssertionError("no family " + t.getKey()));
            assertEquals(t.getValue().toUpperCase(Locale.ROOT), f.type().name(), f.name());
            assertFalse(f.help().isEmpty(), "client_golang always writes HELP: " + f.name());
        }
        assertEquals(Fixtures.sampleLines(body).size(), e.sampleCount());
        // Each sample rendered back is a line of the body (label order and value text aside).
        assertFalse(body.contains("\\"), "the naive oracle below assumes no escapes");
        Set<String> lines = Fixtures.sampleLines(body).stream().map(Fixtures::normalized).collect(Collectors.toSet());
        for (MetricFamily f : e.families()) {
            for (Sample s : f.samples()) {
                String line = Fixtures.normalized(s.toString());
                assertTrue(lines.contains(line), "rendered " + line);
            }
        }
    }

    @Test
    void prometheusCounters() {
        Exposition e = Fixtures.parse(PROMETHEUS);
        MetricFamily appended = e.family("prometheus_tsdb_head_samples_appended_total").orElseThrow();
        assertEquals(MetricType.COUNTER, appended.type());
        assertEquals("Total number of appended samples.", appended.help());
        // 2.42 splits appended samples by kind (native histograms arrived in 2.40).
        assertEquals(Set.of("float", "histogram"), labelValues(appended.samples(), "type"));
        assertTrue(e.sum("prometheus_tsdb_head_samples_appended_total", Map.of("type", "float")).orElseThrow() > 1000);

        assertEquals(MetricType.COUNTER, e.family("prometheus_http_requests_total").orElseThrow().type());
        assertTrue(e.sum("prometheus_http_requests_total", Map.of("handler", "/metrics", "code", "200")).orElseThrow() > 0);
        assertTrue(e.sum("prometheus_http_requests_total", Map.of("handler", "/api/v1/query")).orElseThrow() >= 20);
    }

    @Test
    void prometheusHistogramHasInfBucketsThatMatchTheCounts() {
        Exposition e = Fixtures.parse(PROMETHEUS);
        MetricFamily h = e.family("prometheus_http_request_duration_seconds").orElseThrow();
        assertEquals(MetricType.HISTOGRAM, h.type());
        assertTrue(e.family("prometheus_http_request_duration_seconds_bucket").isEmpty());
        Set<String> handlers = labelValues(h.samples(), "handler");
        assertTrue(handlers.contains("/metrics"), handlers.toString());
        for (String handler : handlers) {
            List<Sample> buckets = e.samples("prometheus_http_request_duration_seconds_bucket").stream()
                    .filter(s -> handler.equals(s.label("handler"))).toList();
            assertEquals(List.of("0.1", "0.2", "0.4", "1", "3", "8", "20", "60", "120", "+Inf"),
                    buckets.stream().map(s -> s.label("le")).toList());
            for (int i = 1; i < buckets.size(); i++) {
                assertTrue(buckets.get(i).value() >= buckets.get(i - 1).value(), "cumulative buckets of " + handler);
            }
            double inf = e.sum("prometheus_http_request_duration_seconds_bucket", Map.of("handler", handler, "le", "+Inf")).orElseThrow();
            double count = e.sum("prometheus_http_request_duration_seconds_count", Map.of("handler", handler)).orElseThrow();
            assertEquals(count, inf, handler);
            assertTrue(e.sum("prometheus_http_request_duration_seconds_sum", Map.of("handler", handler)).isPresent());
        }
    }

    @Test
    void prometheusSummariesIncludingNaNQuantiles() {
        Exposition e = Fixtures.parse(PROMETHEUS);
        MetricFamily gc = e.family("go_gc_duration_seconds").orElseThrow();
        assertEquals(MetricType.SUMMARY, gc.type());
        assertEquals(List.of("0", "0.25", "0.5", "0.75", "1"), e.samples("go_gc_duration_seconds").stream()
                .map(s -> s.label("quantile")).toList());
        assertEquals(7, gc.samples().size(), "5 quantiles, _sum and _count");
        assertTrue(e.sum("go_gc_duration_seconds_count", Map.of()).orElseThrow() > 0);

        // Quantiles of a summary that has seen no observations yet are NaN in real output.
        List<Sample> sort = e.samples("prometheus_engine_query_duration_seconds").stream()
                .filter(s -> "result_sort".equals(s.label("slice"))).toList();
        assertEquals(3, sort.size());
        assertTrue(sort.stream().allMatch(s -> Double.isNaN(s.value())));
    }

    @Test
    void prometheusGaugesWithExponentsBeyondLongRange() {
        Exposition e = Fixtures.parse(PROMETHEUS);
        assertEquals(1.8446744073709552e19, e.samples("process_virtual_memory_max_bytes").get(0).value());
        Sample build = e.samples("prometheus_build_info").get(0);
        assertEquals("2.42.0+ds", build.label("version"));
        assertEquals("debian/sid", build.label("branch"));
        assertEquals(1.0, build.value());
        assertTrue(e.samples("process_start_time_seconds").get(0).value() > 1.6e9);
        assertTrue(e.samples("prometheus_tsdb_head_samples_appended_total").stream()
                .allMatch(s -> s.timestampMillis().isEmpty()), "client_golang writes no timestamps");
    }

    @Test
    void alertmanagerNotificationsPerIntegration() {
        Exposition e = Fixtures.parse(ALERTMANAGER);
        MetricFamily n = e.family("alertmanager_notifications_total").orElseThrow();
        assertEquals(MetricType.COUNTER, n.type());
        // 0.25 pre-initialises one series per integration it knows, sent or not.
        Set<String> integrations = labelValues(n.samples(), "integration");
        assertEquals(new TreeSet<>(List.of("email", "opsgenie", "pagerduty", "pushover", "slack", "sns",
                "telegram", "victorops", "webhook", "wechat")), integrations);
        for (String integration : integrations) {
            assertEquals(0.0, e.sum("alertmanager_notifications_total", Map.of("integration", integration)).orElseThrow());
            assertTrue(e.sum("alertmanager_notifications_failed_total", Map.of("integration", integration)).isPresent());
        }
        assertTrue(e.sum("alertmanager_notifications_total", Map.of("integration", "discord")).isEmpty(),
                "no discord integration in 0.25");
    }

    @Test
    void alertmanagerAlertsAndBuild() {
        Exposition e = Fixtures.parse(ALERTMANAGER);
        assertEquals(MetricType.GAUGE, e.family("alertmanager_alerts").orElseThrow().type());
        assertEquals(1.0, e.sum("alertmanager_alerts", Map.of("state", "active")).orElseThrow());
        assertEquals(1.0, e.sum("alertmanager_alerts_received_total", Map.of("status", "firing")).orElseThrow());
        assertEquals("0.25.0", e.samples("alertmanager_build_info").get(0).label("version"));
        assertEquals(0.0, e.samples("alertmanager_cluster_enabled").get(0).value(), "started with --cluster.listen-address=");
        assertEquals(MetricType.HISTOGRAM, e.family("alertmanager_http_request_duration_seconds").orElseThrow().type());
        assertEquals(MetricType.SUMMARY, e.family("go_gc_duration_seconds").orElseThrow().type());
    }

    private static Set<String> labelValues(List<Sample> samples, String label) {
        return samples.stream().map(s -> s.label(label)).filter(v -> v != null).collect(Collectors.toCollection(TreeSet::new));
    }
}
