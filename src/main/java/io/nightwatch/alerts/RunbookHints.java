package io.nightwatch.alerts;

import io.nightwatch.store.AlertOccurrence;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The runbook step that fits an alert, as one or two sentences an operator can act on at 3 a.m.: a small table keyed
 * by alertname and the kind of service it is about (Nightwatch's own findings and the reference stack's rules), then
 * two name patterns for rules whose exact names vary (memory, TSDB size), then the rule's own {@code runbook_url}.
 * Shared by the window and anything else that shows an alert; no JavaFX.
 */
public final class RunbookHints {

    /** The service kinds the table knows, in the order names are tried (otel before the shorter ones it contains). */
    private static final List<String> KINDS = List.of("otel-collector", "alertmanager", "prometheus", "promtail", "grafana",
            "loki", "redis");
    private static final String ANY = "*";
    private static final String RESTORE = "(runbook: docs/operations/restore.md)";

    /** alertname → service kind (or {@link #ANY}) → the step; {service}, {host} and {path} are filled in. */
    private static final Map<String, Map<String, String>> TABLE = Map.ofEntries(
            Map.entry("NightwatchServiceDown", Map.of(
                    "redis", "Bring {service} back up and check its data; if the sessions are lost, restore Redis from the newest "
                            + "verified backup set: nightwatch restore SET --service {service} " + RESTORE + ".",
                    "prometheus", "Start {service} again and read its last log lines; if its TSDB is damaged or gone, restore it "
                            + "from the newest verified backup set: nightwatch restore SET --service {service} " + RESTORE + ".",
                    "loki", "Start {service} again and read its last log lines; if chunks or index are lost, restore the whole "
                            + "path_prefix tree: nightwatch restore SET --service {service} " + RESTORE + ".",
                    ANY, "Start {service} again and read why it stopped (docker logs --tail 50 on its container); if it exits at "
                            + "once, fix that cause before restoring anything " + RESTORE + ".")),
            Map.entry("NightwatchOOMKilled", Map.of(
                    "prometheus", "{service} ran out of memory: raise its memory limit, or find the series that grew "
                            + "(prometheus_tsdb_head_series) before restarting it.",
                    "loki", "{service} ran out of memory: raise its memory limit, or lower ingestion limits and look for a "
                            + "label that exploded in cardinality before restarting it.",
                    ANY, "{service} was killed for exceeding its memory limit: raise the limit (deploy.resources.limits.memory) "
                            + "or check its memory trend for a leak before restarting it.")),
            Map.entry("NightwatchRestartLoop", Map.of(
                    ANY, "{service} keeps restarting: read the last exit code and log lines before the next restart hides them; "
                            + "if it began with an upgrade, roll back to the previous image.")),
            Map.entry("NightwatchEngineUnreachable", Map.of(
                    ANY, "Nightwatch cannot reach the Docker engine of {host}: check that dockerd runs there (systemctl status "
                            + "docker) and that the profile's address, TLS files or SSH tunnel still work, then run nightwatch status.")),
            Map.entry("NightwatchFlowStalled", Map.of(
                    "promtail", "Promtail is up but ships nothing: check its access to /var/lib/docker/containers and the Docker "
                            + "socket after a reboot (mounts, group permissions), then restart it.",
                    "loki", "Loki receives nothing: check Promtail and the collector's logs pipeline first; if Loki refuses "
                            + "pushes, its log says why (rate limits, a full disk).",
                    "prometheus", "Prometheus appends no samples: check its targets and its disk; a full data volume stops "
                            + "ingestion.",
                    "otel-collector", "The collector passes nothing on: read its exporter errors (docker logs) and check that "
                            + "Prometheus scrapes :8889 and Loki accepts pushes.",
                    "alertmanager", "Alertmanager cannot deliver notifications: check that a receiver listens on 127.0.0.1:5001 "
                            + "(nightwatch serve or this window) and the receiver URLs in alertmanager.yml.",
                    ANY, "Data stopped moving through {service}: check the stage before it and {service}'s log.")),
            Map.entry("NightwatchServiceDegraded", Map.of(
                    "loki", "{service} has been degraded past the grace period: run nightwatch recover loki-ingestion --service {service}.",
                    "redis", "{service} has been degraded past the grace period: run nightwatch recover redis-down --service {service}.",
                    "otel-collector", "{service} has been degraded past the grace period: run nightwatch recover collector-crash --service {service}.",
                    "promtail", "{service} has been degraded past the grace period: run nightwatch recover promtail-stalled --service {service}.",
                    ANY, "{service} has been degraded past the grace period: read the tile's reason and its last log lines.")),
            Map.entry("NightwatchIngestionFailing", Map.of(
                    "loki", "Loki discards or refuses what it is sent (the stage names the reason): run nightwatch recover "
                            + "loki-ingestion --service {service}.",
                    "promtail", "Promtail drops entries it could not push to Loki: check Loki first (nightwatch recover "
                            + "loki-ingestion), then nightwatch recover promtail-stalled --service {service}.",
                    "otel-collector", "The collector fails to export (the stage names the pipeline): check the receiving service, "
                            + "then nightwatch recover collector-crash --service {service}.",
                    ANY, "{service} loses data on its way in: read the stage's detail and {service}'s log.")),
            Map.entry("NightwatchDiskHeadroomLow", Map.of(
                    "prometheus", "Prometheus' data volume is running out: lower --storage.tsdb.retention.time or "
                            + "--storage.tsdb.retention.size (7d / 5GB in the reference stack) or grow the volume; a full disk "
                            + "stops ingestion.",
                    "loki", "Loki's data volume is running out: lower retention_period (168 h in the reference stack, applied by "
                            + "the compactor) or grow the volume; a full disk stops ingestion.",
                    "redis", "Redis' data volume is running out: Redis refuses writes once it cannot save; free space or grow the "
                            + "volume, and rewrite a large AOF (BGREWRITEAOF).",
                    ANY, "The data volume of {service} at {path} is running out: find what grows (du -sh inside the container), "
                            + "free space or grow the volume before it is full.")),
            Map.entry("PrometheusDown", Map.of(
                    ANY, "Start Prometheus again and read its last log lines; if its TSDB is damaged or gone, restore it: "
                            + "nightwatch restore SET --service prometheus " + RESTORE + ".")),
            Map.entry("LokiDown", Map.of(
                    ANY, "Start Loki again and read its last log lines (a path_prefix outside the volume loses everything at "
                            + "restart); if chunks or index are lost, restore: nightwatch restore SET --service loki " + RESTORE + ".")),
            Map.entry("GrafanaDown", Map.of(
                    ANY, "Start Grafana again and read its last log lines; dashboards and users live in /var/lib/grafana "
                            + "(grafana.db), so restore that volume if it is damaged.")),
            Map.entry("OtelCollectorDown", Map.of(
                    ANY, "Start the OTEL Collector again; a configuration error makes it exit at once, so read docker logs first "
                            + "(its health port 13133 answers only inside the container).")),
            Map.entry("AlertmanagerDown", Map.of(
                    ANY, "Start Alertmanager again: while it is down no notification goes out; check alertmanager.yml with "
                            + "amtool check-config if it exits at once.")));

    /**
     * A recovery scenario: the runbook ({@code nightwatch recover ID}) for one kind of night failure, with the symptom an
     * operator sees and what the diagnosis looks at. The recovery runbooks, the troubleshooting page and the findings all
     * name scenarios by these ids.
     */
    public record Scenario(String id, String title, String symptom, String diagnosis) {
        /** The command that runs it, as findings and the docs print it. */
        public String command() { return "nightwatch recover " + id; }
    }

    public static final Scenario DISK_FULL = new Scenario("disk-full", "A data volume is full or filling",
            "NightwatchDiskHeadroomLow; Prometheus or Loki stop ingesting; \"no space left on device\" in their logs",
            "what uses the space (TSDB blocks by time range, WAL, leftover snapshots, Loki chunks/index/compactor) and the time to full");
    public static final Scenario REDIS_DOWN = new Scenario("redis-down", "The Redis session store is down or lost its data",
            "NightwatchServiceDown or NightwatchOOMKilled on redis; logins fail; the session key count drops to zero",
            "exit code, OOM kill, the last log lines, persistence errors, the session keys now");
    public static final Scenario LOKI_INGESTION = new Scenario("loki-ingestion", "Loki refuses or drops logs",
            "NightwatchIngestionFailing on loki.samples-discarded; Loki /ready answers 503; Promtail reports 429 or dropped entries",
            "/ready, discarded samples by reason (rate_limited, per_stream_rate_limit, ...), lines received, the last error lines");
    public static final Scenario COLLECTOR_CRASH = new Scenario("collector-crash", "The OTEL Collector crash-loops",
            "NightwatchRestartLoop or NightwatchServiceDown on otel-collector; spans and metrics stop",
            "the last log lines kept from each death (before the restart hid them), the exit code, the config checked by `otelcol validate`");
    public static final Scenario PROMTAIL_STALLED = new Scenario("promtail-stalled", "Promtail is ready but ships nothing",
            "NightwatchFlowStalled on promtail.entries-sent; /ready says Ready; no new logs in Grafana after a host reboot",
            "the Docker socket and log paths it reads, its positions file, the mounts and permissions, its last log lines");
    /** Every scenario, in the order of {@code nightwatch recover --list} and the docs. */
    public static final List<Scenario> SCENARIOS = List.of(DISK_FULL, REDIS_DOWN, LOKI_INGESTION, COLLECTOR_CRASH, PROMTAIL_STALLED);

    private RunbookHints() {}

    public static Optional<Scenario> scenario(String id) {
        return SCENARIOS.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * The recovery scenario that fits a finding or alert about a service of {@code kind} (a {@code ServiceKind} id such as
     * {@code loki}), or empty when none does (an engine out of reach is not a service recovery).
     */
    public static Optional<Scenario> scenarioFor(String alertname, String kind) {
        String k = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
        String name = alertname == null ? "" : alertname;
        if (name.equals("NightwatchDiskHeadroomLow") || byPattern(name) != null && name.toLowerCase(Locale.ROOT).contains("tsdb")) {
            return Optional.of(DISK_FULL);
        }
        if (name.equals("NightwatchEngineUnreachable") || name.equals("NightwatchBackupOverdue")) return Optional.empty();
        return switch (k) {
            case "redis" -> Optional.of(REDIS_DOWN);
            case "loki" -> Optional.of(LOKI_INGESTION);
            case "otel-collector" -> Optional.of(COLLECTOR_CRASH);
            case "promtail" -> Optional.of(PROMTAIL_STALLED);
            case "prometheus" -> name.equals("NightwatchFlowStalled") || name.equals("NightwatchIngestionFailing")
                    ? Optional.of(DISK_FULL) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The scenario for an alert in the store (its labels say which service), as the window's "Open runbook" wants it. */
    public static Optional<Scenario> scenarioFor(AlertOccurrence alert) {
        String named = alert.labels().getOrDefault("scenario", "");
        if (!named.isEmpty()) return scenario(named);
        return scenarioFor(alert.alertname(), kindOf(alert));
    }

    /** The step for {@code alert}, or empty when neither the table nor the rule knows one. */
    public static Optional<String> hintFor(AlertOccurrence alert) {
        String kind = kindOf(alert);
        Map<String, String> byService = TABLE.getOrDefault(alert.alertname(), TABLE.get(aliasOf(alert.alertname())));
        String template = null;
        if (byService != null) template = byService.getOrDefault(kind, byService.get(ANY));
        if (template == null) template = byPattern(alert.alertname());
        if (template != null) return Optional.of(fill(template, alert, kind));
        String url = alert.annotations().getOrDefault("runbook_url", alert.annotations().getOrDefault("runbook", ""));
        return url.isBlank() ? Optional.empty() : Optional.of("Follow the rule's runbook: " + url.strip());
    }

    /** Rules named a little differently from the reference stack's ("OTELCollectorDown", "OtelcolDown"). */
    private static String aliasOf(String alertname) {
        String lower = alertname.toLowerCase(Locale.ROOT);
        if (lower.startsWith("otel") && lower.endsWith("down")) return "OtelCollectorDown";
        return alertname;
    }

    /** The reference stack's memory and TSDB-size rules go by several names. */
    private static String byPattern(String alertname) {
        String lower = alertname.toLowerCase(Locale.ROOT);
        if (lower.contains("memory")) {
            return "{service} is close to its memory limit: raise the limit or find what grows before it is OOM-killed "
                    + "(Nightwatch raises NightwatchOOMKilled if it is).";
        }
        if (lower.contains("tsdb") || (lower.startsWith("prometheus") && (lower.contains("storage") || lower.contains("size")))) {
            return "Prometheus' TSDB is close to its size: lower --storage.tsdb.retention.time, or raise "
                    + "--storage.tsdb.retention.size together with the volume (the oldest blocks go first at the limit).";
        }
        return null;
    }

    /** The kind of service the alert is about: from its derived service, then its identifying labels. */
    static String kindOf(AlertOccurrence alert) {
        Map<String, String> labels = alert.labels();
        List<String> candidates = List.of(alert.service(), labels.getOrDefault("component", ""), labels.getOrDefault("service", ""),
                labels.getOrDefault("job", ""), labels.getOrDefault("container", ""));
        for (String c : candidates) {
            String lower = c.toLowerCase(Locale.ROOT);
            if (KINDS.contains(lower)) return lower;
        }
        for (String c : candidates) {
            String lower = c.toLowerCase(Locale.ROOT);
            for (String kind : KINDS) if (!lower.isEmpty() && lower.contains(kind)) return kind;
            if (lower.contains("otel")) return "otel-collector";
        }
        return ANY;
    }

    private static String fill(String template, AlertOccurrence alert, String kind) {
        Map<String, String> labels = alert.labels();
        String service = first(labels.get("service"), labels.get("component"), alert.service(), ANY.equals(kind) ? "" : kind);
        if (service.isEmpty()) service = "the service";
        String host = first(labels.get("host"), labels.get("instance"), "its host");
        String path = first(labels.get("path"), "its data path");
        String text = template.replace("{service}", service).replace("{host}", host).replace("{path}", path);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1); // "redis ran out…" starts a sentence
    }

    private static String first(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return "";
    }
}
