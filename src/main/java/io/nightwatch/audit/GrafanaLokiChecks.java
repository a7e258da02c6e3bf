package io.nightwatch.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nightwatch.audit.AuditItem.Category;
import io.nightwatch.audit.AuditItem.Risk;
import io.nightwatch.audit.AuditItem.Status;
import io.nightwatch.stack.ServiceSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Grafana's login and Loki's retention and replication, from their own HTTP APIs. */
final class GrafanaLokiChecks {

    /** Grafana's out-of-the-box login, tried once: the audit reports whether it works, nothing else. */
    private static final String DEFAULT_USER = "admin";
    private static final String DEFAULT_PASSWORD = "admin";

    private final AuditHttp http;

    GrafanaLokiChecks(AuditHttp http) {
        this.http = http;
    }

    AuditItem grafanaDefaultLogin(ServiceSpec grafana) {
        String s = grafana.id();
        String url = PrometheusChecks.base(grafana) + "/api/user";
        try {
            AuditHttp.Answer a = http.get(url, DEFAULT_USER, DEFAULT_PASSWORD);
            if (a.code() == 200) {
                return AuditItem.of("grafana-default-login", Category.SECRETS, s, Status.RISK, Risk.CRITICAL,
                        "GET " + url + " with Grafana's default admin login answered 200: anyone who reaches Grafana is admin",
                        "Change the admin password now (Grafana: Profile > Change password, or `grafana cli admin reset-admin-password`), "
                                + "then keep it in a Docker secret (see grafana-admin-password)");
            }
            if (a.code() == 401 || a.code() == 403) {
                return AuditItem.ok("grafana-default-login", Category.SECRETS, s, Risk.CRITICAL,
                        "GET " + url + " with the default admin login answered " + a.code() + ": refused");
            }
            return AuditItem.of("grafana-default-login", Category.SECRETS, s, Status.UNKNOWN, Risk.CRITICAL,
                    "GET " + url + " answered " + a.code() + ", neither accepted nor refused", "");
        } catch (IOException e) {
            return AuditItem.of("grafana-default-login", Category.SECRETS, s, Status.UNKNOWN, Risk.CRITICAL,
                    "GET " + url + " failed: " + e.getMessage(), "");
        }
    }

    /** Loki's {@code /config} (YAML): retention on, and the single-node risk. */
    List<AuditItem> loki(ServiceSpec loki, String compose) {
        String s = loki.id();
        String url = PrometheusChecks.base(loki) + "/config";
        JsonNode config;
        try {
            AuditHttp.Answer a = http.get(url);
            if (a.code() != 200) throw new IOException("answered " + a.code());
            config = new ObjectMapper(new YAMLFactory()).readTree(a.body());
        } catch (IOException e) {
            return List.of(
                    AuditItem.of("loki-retention", Category.RETENTION, s, Status.UNKNOWN, Risk.HIGH, "GET " + url + " failed: " + e.getMessage(), ""),
                    AuditItem.of("loki-single-node", Category.CAPACITY, s, Status.UNKNOWN, Risk.MEDIUM, "GET " + url + " failed: " + e.getMessage(), ""));
        }
        List<AuditItem> items = new ArrayList<>();
        String period = config.path("limits_config").path("retention_period").asText("0s");
        boolean enabled = config.path("compactor").path("retention_enabled").asBoolean(false);
        boolean zero = period.matches("0+[a-z]*") || period.isBlank();
        if (!enabled || zero) {
            items.add(AuditItem.of("loki-retention", Category.RETENTION, s, Status.MISSING, Risk.HIGH,
                    "compactor.retention_enabled=" + enabled + ", limits_config.retention_period=" + period
                            + ": Loki keeps every chunk until the disk is full (" + url + ")",
                    "loki config:\ncompactor:\n  retention_enabled: true\nlimits_config:\n  retention_period: 168h"));
        } else {
            items.add(AuditItem.ok("loki-retention", Category.RETENTION, s, Risk.HIGH,
                    "compactor.retention_enabled=true, limits_config.retention_period=" + period + " (" + url + ")"));
        }
        int replication = config.path("common").path("replication_factor").asInt(
                config.path("ingester").path("lifecycler").path("ring").path("replication_factor").asInt(1));
        items.add(replication <= 1
                ? AuditItem.of("loki-single-node", Category.CAPACITY, s, Status.RISK, Risk.MEDIUM,
                        "replication_factor " + replication + ": a single Loki without replication, a lost volume loses the logs (known risk; " + url + ")",
                        "Mitigate with verified backups: `nightwatch backup --service " + loki.name() + "` on a schedule within the RPO")
                        .withRunbook("backup")
                : AuditItem.ok("loki-single-node", Category.CAPACITY, s, Risk.MEDIUM, "replication_factor " + replication + " (" + url + ")"));
        return items;
    }
}
