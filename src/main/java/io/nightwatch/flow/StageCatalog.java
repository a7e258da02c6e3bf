package io.nightwatch.flow;

import io.nightwatch.text.Language;
import io.nightwatch.text.Texts;
import io.nightwatch.stack.ServiceKind;

import java.util.List;
import java.util.Optional;

import static io.nightwatch.flow.Pipeline.ALERTS;
import static io.nightwatch.flow.Pipeline.LOGS;
import static io.nightwatch.flow.Pipeline.METRICS;
import static io.nightwatch.flow.Pipeline.REDIS;
import static io.nightwatch.flow.Pipeline.TRACES;
import static io.nightwatch.flow.StageRole.FAILURES;
import static io.nightwatch.flow.StageRole.LEVEL;
import static io.nightwatch.flow.StageRole.QUIET_THROUGHPUT;
import static io.nightwatch.flow.StageRole.THROUGHPUT;

/**
 * The stages of the reference stack's data paths, with the metric names each service really exposes
 * (Prometheus 2.x, Loki 2.9, Promtail 2.9, OTEL Collector 0.95 own telemetry, Alertmanager 0.2x, Redis INFO).
 */
public final class StageCatalog {

    private static final Texts T = Texts.of(StageCatalog.class);

    private static final List<StageSpec> STAGES = List.of(
            // metrics: app → collector → Prometheus exporter (8889) → Prometheus TSDB
            stage(ServiceKind.OTEL_COLLECTOR, "metric-points-accepted", METRICS,
                    Signal.Metric.of("otelcol_receiver_accepted_metric_points"), THROUGHPUT, "points/s", null),
            stage(ServiceKind.OTEL_COLLECTOR, "metric-points-refused", METRICS,
                    Signal.Metric.of("otelcol_receiver_refused_metric_points"), FAILURES, "points/s", null),
            stage(ServiceKind.OTEL_COLLECTOR, "metric-points-sent", METRICS,
                    Signal.Metric.of("otelcol_exporter_sent_metric_points"), THROUGHPUT, "points/s", "otel-collector.metric-points-accepted"),
            stage(ServiceKind.OTEL_COLLECTOR, "metric-points-failed", METRICS,
                    Signal.Metric.of("otelcol_exporter_send_failed_metric_points"), FAILURES, "points/s", null),
            stage(ServiceKind.PROMETHEUS, "samples-appended", METRICS,
                    Signal.Metric.of("prometheus_tsdb_head_samples_appended_total"), THROUGHPUT, "samples/s", null),
            stage(ServiceKind.PROMETHEUS, "targets-down", METRICS,
                    new Signal.TargetsDown(), LEVEL, "down", null),
            // logs: containers → Promtail / collector → Loki
            stage(ServiceKind.PROMTAIL, "entries-sent", LOGS,
                    Signal.Metric.of("promtail_sent_entries_total"), THROUGHPUT, "entries/s", null),
            stage(ServiceKind.PROMTAIL, "entries-dropped", LOGS,
                    Signal.Metric.byLabel("promtail_dropped_entries_total", "reason"), FAILURES, "entries/s", null),
            stage(ServiceKind.OTEL_COLLECTOR, "log-records-accepted", LOGS,
                    Signal.Metric.of("otelcol_receiver_accepted_log_records"), QUIET_THROUGHPUT, "records/s", null),
            stage(ServiceKind.OTEL_COLLECTOR, "log-records-sent", LOGS,
                    Signal.Metric.of("otelcol_exporter_sent_log_records"), THROUGHPUT, "records/s", "otel-collector.log-records-accepted"),
            stage(ServiceKind.OTEL_COLLECTOR, "log-records-failed", LOGS,
                    Signal.Metric.of("otelcol_exporter_send_failed_log_records"), FAILURES, "records/s", null),
            stage(ServiceKind.LOKI, "lines-received", LOGS,
                    Signal.Metric.of("loki_distributor_lines_received_total"), THROUGHPUT, "lines/s", "promtail.entries-sent"),
            stage(ServiceKind.LOKI, "samples-discarded", LOGS,
                    Signal.Metric.byLabel("loki_discarded_samples_total", "reason"), FAILURES, "samples/s", null),
            stage(ServiceKind.LOKI, "bytes-received", LOGS,
                    Signal.Metric.of("loki_distributor_bytes_received_total"), THROUGHPUT, "B/s", "loki.lines-received"),
            // traces
            stage(ServiceKind.OTEL_COLLECTOR, "spans-accepted", TRACES,
                    Signal.Metric.of("otelcol_receiver_accepted_spans"), QUIET_THROUGHPUT, "spans/s", null),
            stage(ServiceKind.OTEL_COLLECTOR, "spans-sent", TRACES,
                    Signal.Metric.of("otelcol_exporter_sent_spans"), THROUGHPUT, "spans/s", "otel-collector.spans-accepted"),
            stage(ServiceKind.OTEL_COLLECTOR, "spans-failed", TRACES,
                    Signal.Metric.of("otelcol_exporter_send_failed_spans"), FAILURES, "spans/s", null),
            // alerts: Prometheus → Alertmanager → receivers
            stage(ServiceKind.PROMETHEUS, "notifications-sent", ALERTS,
                    Signal.Metric.of("prometheus_notifications_sent_total"), QUIET_THROUGHPUT, "alerts/s", null),
            stage(ServiceKind.PROMETHEUS, "notifications-dropped", ALERTS,
                    Signal.Metric.of("prometheus_notifications_dropped_total"), FAILURES, "alerts/s", null),
            stage(ServiceKind.ALERTMANAGER, "notifications", ALERTS,
                    Signal.Metric.byLabel("alertmanager_notifications_total", "integration"), QUIET_THROUGHPUT, "notifications/s", null),
            stage(ServiceKind.ALERTMANAGER, "notifications-failed", ALERTS,
                    Signal.Metric.byLabel("alertmanager_notifications_failed_total", "integration"), FAILURES, "notifications/s", null),
            // the session store
            stage(ServiceKind.REDIS, "ops", REDIS, new Signal.RedisInfo("total_commands_processed"),
                    QUIET_THROUGHPUT, "ops/s", null),
            stage(ServiceKind.REDIS, "clients", REDIS, new Signal.RedisInfo("connected_clients"),
                    LEVEL, "clients", null),
            stage(ServiceKind.REDIS, "memory", REDIS, new Signal.RedisInfo("used_memory"),
                    LEVEL, "B", null),
            stage(ServiceKind.REDIS, "keys-with-ttl", REDIS, new Signal.RedisInfo("expires"),
                    LEVEL, "keys", null));

    private StageCatalog() {}

    public static List<StageSpec> all() { return STAGES; }

    public static List<StageSpec> forKind(ServiceKind kind) {
        return STAGES.stream().filter(s -> s.kind() == kind).toList();
    }

    /** The stage a health tile shows as its small sparkline: the service's most telling rate. */
    public static Optional<StageSpec> headline(ServiceKind kind) {
        String key = switch (kind) {
            case PROMETHEUS -> "samples-appended";
            case LOKI -> "lines-received";
            case PROMTAIL -> "entries-sent";
            case OTEL_COLLECTOR -> "spans-accepted";
            case ALERTMANAGER -> "notifications";
            case REDIS -> "ops";
            case GRAFANA -> "";
        };
        return forKind(kind).stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The stage's title in the current language ("Loki lines received" / "Loki: empfangene Zeilen"). */
    public static String title(StageSpec spec) {
        String key = "stage." + spec.qualifiedKey();
        return T.get(key);
    }

    /** The spec carries the English title: stable for JSON and logs; people get {@link #title}. */
    private static StageSpec stage(ServiceKind kind, String key, Pipeline pipeline, Signal signal,
                                   StageRole role, String unit, String upstream) {
        String titleKey = "stage." + kind.id() + "." + key;
        String title = T.in(Language.EN, titleKey);
        return new StageSpec(kind, key, pipeline, title, signal, role, unit, Optional.ofNullable(upstream));
    }
}
