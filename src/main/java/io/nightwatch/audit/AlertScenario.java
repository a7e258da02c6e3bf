package io.nightwatch.audit;

import io.nightwatch.audit.AuditItem.Risk;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The night scenarios of the operations review that an alerting rule must cover, how a loaded rule is recognised
 * as covering one (by its expression, or failing that its name), and the rule Nightwatch proposes when none does.
 */
enum AlertScenario {
    DISK_FULL("disk-full", Risk.CRITICAL,
            Pattern.compile("node_filesystem_(avail|free)|storage_blocks_bytes|wal_writes_failed|retention_limit_bytes|kubelet_volume_stats"),
            Pattern.compile("(?i)disk|filesystem|storage.*(full|size)|volume.*full"),
            List.of(rule("PrometheusStorageNearlyFull", // tool text
                            "prometheus_tsdb_retention_limit_bytes > 0 and prometheus_tsdb_storage_blocks_bytes / prometheus_tsdb_retention_limit_bytes > 0.85", // tool text
                            "10m", "warning", "prometheus", "Prometheus storage is over 85 % of its size limit", // tool text
                            "nightwatch flow shows the disk headroom; raise retention.size only with room on the volume"), // tool text
                    rule("PrometheusWalWriteFailures", "increase(prometheus_tsdb_wal_writes_failed_total[5m]) > 0", "0m", // tool text
                            "critical", "prometheus", "Prometheus cannot write its WAL (disk full?)", // tool text
                            "Free space on the Prometheus volume; nightwatch flow shows the headroom"))), // tool text
    LOKI_INGESTION_ERRORS("loki-ingestion-errors", Risk.HIGH,
            Pattern.compile("loki_(distributor|ingester|discarded|request_duration_seconds_count\\{[^}]*push)"),
            Pattern.compile("(?i)loki.*(ingest|push|error|discard)"),
            List.of(rule("LokiIngestionErrors", // tool text
                    "sum(rate(loki_request_duration_seconds_count{route=~\"loki_api_v1_push|api_prom_push\",status_code=~\"5..\"}[5m])) > 0" // tool text
                            + " or sum(rate(loki_discarded_samples_total[5m])) > 0", // tool text
                    "5m", "warning", "loki", "Loki refuses or drops pushed logs", "nightwatch flow shows the log pipeline stage by stage"))), // tool text
    COLLECTOR_DOWN("collector-down", Risk.HIGH,
            Pattern.compile("up\\{[^}]*job=~?\"[^\"]*(otel|collector)[^\"]*\"[^}]*\\}\\s*==\\s*0|absent\\(up\\{[^}]*(otel|collector)"),
            Pattern.compile("(?i)(otel|collector).*down"),
            List.of(rule("OtelCollectorDown", "up{job=\"otel-collector\"} == 0 or absent(up{job=\"otel-collector\"})", "2m", // tool text
                    "critical", "otel-collector", "The OTEL Collector is not scraped: metrics and logs stop", // tool text
                    "nightwatch status; docker logs sva-studio-otel-collector"))), // tool text
    REDIS_DOWN("redis-down", Risk.HIGH,
            Pattern.compile("redis_up|up\\{[^}]*job=~?\"[^\"]*redis"),
            Pattern.compile("(?i)redis.*down"),
            List.of(rule("RedisDown", "redis_up == 0 or absent(redis_up)", "1m", "critical", "redis", // tool text
                    "Redis is down or not monitored (needs a redis_exporter scraped as job redis)", // tool text
                    "nightwatch status; restore the newest set with nightwatch restore"))), // tool text
    TARGET_DOWN("target-down", Risk.HIGH,
            Pattern.compile("(^|[^_a-z])up\\s*(\\{\\s*\\})?\\s*==\\s*0|up\\{[^}]*job=~\"\\.[*+]\"[^}]*\\}\\s*==\\s*0"),
            Pattern.compile("(?i)^(target|instance)down$"),
            List.of(rule("TargetDown", "up == 0", "5m", "warning", "prometheus", "A scrape target is down", // tool text
                    "nightwatch status names the service"))), // tool text
    STALE_METRICS("stale-metrics", Risk.HIGH,
            Pattern.compile("absent_over_time\\(|samples_appended_total\\[[^]]+\\]\\)\\s*==\\s*0|time\\(\\)\\s*-\\s*timestamp"),
            Pattern.compile("(?i)stale|nodata|no.?data|notingested"),
            List.of(rule("MetricsNotIngested", "rate(prometheus_tsdb_head_samples_appended_total[5m]) == 0", "5m", "critical", // tool text
                    "prometheus", "Prometheus ingests no samples: every dashboard is stale", "nightwatch flow shows where the data stops"))); // tool text

    /** A rule as written to alert-rules.yml. */
    record Rule(String alert, String expr, String forDuration, String severity, String component, String summary, String action) {}

    private final String id;
    private final Risk risk;
    private final Pattern expression;
    private final Pattern name;
    private final List<Rule> proposed;

    AlertScenario(String id, Risk risk, Pattern expression, Pattern name, List<Rule> proposed) {
        this.id = id;
        this.risk = risk;
        this.expression = expression;
        this.name = name;
        this.proposed = proposed;
    }

    String id() { return id; }

    /** What the scenario is, for people: "Redis down (all sessions lost)". */
    Words words() { return Words.say("scenario." + id); }

    Risk risk() { return risk; }

    List<Rule> proposed() { return proposed; }

    boolean coveredBy(String alertName, String expr) {
        return expression.matcher(expr.toLowerCase(Locale.ROOT)).find() || name.matcher(alertName).find();
    }

    private static Rule rule(String alert, String expr, String forDuration, String severity, String component, String summary, String action) {
        return new Rule(alert, expr, forDuration, severity, component, summary, action);
    }
}
