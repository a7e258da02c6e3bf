package io.nightwatch.ui;

import io.nightwatch.stack.ServiceDefaults;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.IncomingAlert;
import io.nightwatch.store.RecordResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A night's alert history for {@link FakeStack}, relative to {@link FakeStack#NOW}: Redis down and Promtail OOM-killed
 * right now (critical, firing; Promtail's acknowledged), the edge engine unreachable since yesterday (firing, started
 * before the last 24 h), Loki's memory and a stalled Promtail (warning, firing), a TSDB-size rule pending, a silenced
 * Alertmanager rule, and resolved ones from every source, one of them three days old.
 */
public final class FakeAlerts {

    public static final Instant NOW = FakeStack.NOW;
    /** Firing critical alerts in {@link #fill}. */
    public static final int CRITICAL_FIRING = 3;
    /** Occurrences that started in the last 24 h, plus the one open since before. */
    public static final int IN_LAST_DAY = 12;
    public static final int IN_LAST_WEEK = 13;
    public static final String ACK_NOTE = "raising its limit to 128M, see ticket OPS-1412";

    private FakeAlerts() {}

    /** The ids of some occurrences, for tests that select them. */
    public record Ids(long redisDown, long promtailOom, long lokiMemory, long grafanaDown) {}

    /** FakeStack's profile, with its local Alertmanager at {@code alertmanagerPort} and no Prometheus to poll. */
    public static StackProfile profile(int alertmanagerPort) {
        StackProfile full = FakeStack.profile();
        List<ServiceSpec> services = new ArrayList<>();
        for (ServiceSpec s : full.services()) {
            if (s.kind() == ServiceKind.PROMETHEUS) continue;
            if (s.kind() == ServiceKind.ALERTMANAGER) {
                services.add(ServiceDefaults.forKind(ServiceKind.ALERTMANAGER, FakeStack.LOCAL, s.name(), s.container(), alertmanagerPort));
            } else {
                services.add(s);
            }
        }
        return full.withServices(services);
    }

    /** A profile with neither Alertmanager nor Prometheus: nothing is polled, webhooks and findings only. */
    public static StackProfile withoutSources() {
        StackProfile full = FakeStack.profile();
        return full.withServices(full.services().stream()
                .filter(s -> s.kind() != ServiceKind.ALERTMANAGER && s.kind() != ServiceKind.PROMETHEUS).toList());
    }

    public static Ids fill(AlertStore store) {
        long redis = firing(store, labels("NightwatchServiceDown", "critical", "service", "redis", "host", "local", "component", "redis"),
                Map.of("summary", "redis is down", "description", "exited (code 137) 2 s ago"), "nightwatch", ago(4), "");
        long oom = firing(store, labels("NightwatchOOMKilled", "critical", "service", "promtail", "host", "local", "component", "promtail"),
                Map.of("summary", "promtail was killed for exceeding its memory limit",
                        "description", "restarting (exit 137, OOM-killed), restarted 4×"), "nightwatch", ago(38), "");
        firing(store, labels("NightwatchEngineUnreachable", "critical", "host", "edge"),
                Map.of("summary", "Docker engine of edge unreachable", "description", "connect timed out after 3 s"),
                "nightwatch", ago(27 * 60), "");
        firing(store, labels("NightwatchFlowStalled", "warning", "service", "promtail", "host", "local", "component", "promtail",
                        "stage", "promtail#entries-sent", "pipeline", "logs"),
                Map.of("summary", "Promtail entries sent stalled", "description", "nothing for 75 s while promtail is up"),
                "nightwatch", ago(22), "");
        Map<String, String> memory = labels("ContainerMemoryHigh", "warning", "component", "loki", "container", "sva-studio-loki",
                "workspace_id", "platform", "instance", "cadvisor:8080", "job", "cadvisor");
        String graph = "http://prometheus:9090/graph?g0.expr=container_memory_working_set_bytes%7Bname%3D%22sva-studio-loki%22%7D";
        long loki = firing(store, memory, Map.of("summary", "loki uses 82 % of its memory limit",
                "description", "container sva-studio-loki: 421 MiB of 512 MiB for 10 min"), "prometheus", ago(70), graph);
        firing(store, memory, Map.of("summary", "loki uses 82 % of its memory limit",
                "description", "container sva-studio-loki: 421 MiB of 512 MiB for 10 min"), "webhook", ago(70), graph);
        record(store, new IncomingAlert(null, labels("PrometheusTsdbSizeHigh", "warning", "component", "prometheus", "job", "prometheus"),
                Map.of("summary", "TSDB at 4.6 GB of its 5 GB size limit"), AlertState.PENDING, ago(6), Optional.empty(),
                "prometheus", "http://prometheus:9090/graph?g0.expr=prometheus_tsdb_storage_blocks_bytes", "", ago(1)));
        record(store, new IncomingAlert(null, labels("AlertmanagerDown", "warning", "component", "alertmanager", "job", "alertmanager"),
                Map.of("summary", "Alertmanager is down", "nightwatch_silenced_by", "5b1e0a7c-2f4d-4d8e-9a51-0c3b8f6d2a11"),
                AlertState.SUPPRESSED, ago(120), Optional.empty(), "alertmanager", "", "critical", ago(1)));
        long grafana = resolved(store, labels("GrafanaDown", "critical", "component", "grafana", "job", "grafana"),
                Map.of("summary", "Grafana is down"), "webhook", ago(5 * 60), ago(4 * 60 + 40));
        resolved(store, labels("OtelCollectorDown", "critical", "component", "otel-collector", "job", "otel-collector"),
                Map.of("summary", "OTEL Collector is down"), "webhook", ago(9 * 60), ago(8 * 60 + 50));
        resolved(store, labels("NightwatchDiskHeadroomLow", "warning", "service", "loki", "host", "local", "path", "/loki"),
                Map.of("summary", "data volume of loki running out", "description", "1.6 GiB free of 20 GiB, full in ~14 h"),
                "nightwatch", ago(20 * 60), ago(14 * 60));
        resolved(store, labels("NightwatchServiceDown", "critical", "service", "redis", "host", "local", "component", "redis"),
                Map.of("summary", "redis is down", "description", "exited (code 0) 3 s ago"), "nightwatch", ago(13 * 60), ago(12 * 60 + 45));
        resolved(store, labels("NightwatchRestartLoop", "critical", "service", "promtail", "host", "local", "component", "promtail"),
                Map.of("summary", "promtail keeps restarting", "description", "restarted 3×; restarting"), "nightwatch",
                ago(150), ago(110));
        resolved(store, labels("PrometheusDown", "critical", "component", "prometheus", "job", "prometheus", "instance", "edge:9090"),
                Map.of("summary", "Prometheus is down"), "webhook", ago(3 * 24 * 60), ago(3 * 24 * 60 - 25));
        store.acknowledge(oom, "alice", ACK_NOTE);
        return new Ids(redis, oom, loki, grafana);
    }

    public static Map<String, String> labels(String alertname, String severity, String... more) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alertname);
        labels.put("severity", severity);
        for (int i = 0; i < more.length; i += 2) labels.put(more[i], more[i + 1]);
        return labels;
    }

    private static long firing(AlertStore store, Map<String, String> labels, Map<String, String> annotations, String source,
                               Instant startsAt, String generatorUrl) {
        return record(store, new IncomingAlert(null, labels, annotations, AlertState.FIRING, startsAt, Optional.empty(), source,
                generatorUrl, source.equals("webhook") ? "nightwatch" : "", startsAt.plusSeconds(5)));
    }

    /** First firing, then resolved: the history has the transition. */
    private static long resolved(AlertStore store, Map<String, String> labels, Map<String, String> annotations, String source,
                                 Instant startsAt, Instant endsAt) {
        firing(store, labels, annotations, source, startsAt, "");
        return record(store, new IncomingAlert(null, labels, annotations, AlertState.RESOLVED, startsAt, Optional.of(endsAt), source,
                "", source.equals("webhook") ? "nightwatch" : "", endsAt.plusSeconds(5)));
    }

    private static long record(AlertStore store, IncomingAlert alert) {
        List<RecordResult> results = store.recordAll(List.of(alert));
        return results.get(0).id();
    }

    private static Instant ago(long minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }
}
