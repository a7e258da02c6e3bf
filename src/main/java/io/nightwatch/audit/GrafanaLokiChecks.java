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

import static io.nightwatch.audit.Words.plain;
import static io.nightwatch.audit.Words.say;

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
                        say("grafana.login.open", url), say("grafana.login.open.fix"));
            }
            if (a.code() == 401 || a.code() == 403) {
                return AuditItem.ok("grafana-default-login", Category.SECRETS, s, Risk.CRITICAL,
                        say("grafana.login.refused", url, a.code()));
            }
            return AuditItem.of("grafana-default-login", Category.SECRETS, s, Status.UNKNOWN, Risk.CRITICAL,
                    say("grafana.login.odd", url, a.code()), Words.NONE);
        } catch (IOException e) {
            return AuditItem.of("grafana-default-login", Category.SECRETS, s, Status.UNKNOWN, Risk.CRITICAL,
                    PrometheusChecks.failed(url, e), Words.NONE);
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
                    AuditItem.of("loki-retention", Category.RETENTION, s, Status.UNKNOWN, Risk.HIGH, PrometheusChecks.failed(url, e), Words.NONE),
                    AuditItem.of("loki-single-node", Category.CAPACITY, s, Status.UNKNOWN, Risk.MEDIUM, PrometheusChecks.failed(url, e), Words.NONE));
        }
        List<AuditItem> items = new ArrayList<>();
        String period = config.path("limits_config").path("retention_period").asText("0s");
        boolean enabled = config.path("compactor").path("retention_enabled").asBoolean(false);
        boolean zero = period.matches("0+[a-z]*") || period.isBlank();
        if (!enabled || zero) {
            items.add(AuditItem.of("loki-retention", Category.RETENTION, s, Status.MISSING, Risk.HIGH,
                    say("loki.retention.off", enabled, period, url),
                    plain("loki config:\ncompactor:\n  retention_enabled: true\nlimits_config:\n  retention_period: 168h"))); // tool text
        } else {
            items.add(AuditItem.ok("loki-retention", Category.RETENTION, s, Risk.HIGH,
                    plain("compactor.retention_enabled=true, limits_config.retention_period=" + period + " (" + url + ")"))); // tool text
        }
        int replication = config.path("common").path("replication_factor").asInt(
                config.path("ingester").path("lifecycler").path("ring").path("replication_factor").asInt(1));
        items.add(replication <= 1
                ? AuditItem.of("loki-single-node", Category.CAPACITY, s, Status.RISK, Risk.MEDIUM,
                        say("loki.single", replication, url), say("loki.single.fix", loki.name()))
                        .withRunbook("backup")
                : AuditItem.ok("loki-single-node", Category.CAPACITY, s, Risk.MEDIUM, plain("replication_factor " + replication + " (" + url + ")")));
        return items;
    }
}
