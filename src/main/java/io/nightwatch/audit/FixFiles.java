package io.nightwatch.audit;

import io.nightwatch.audit.AuditItem.Status;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The artifacts an audit's gaps call for, written and never applied: {@code alert-rules.yml} (valid for
 * {@code promtool check rules}), {@code alertmanager.yml} (valid for {@code amtool check-config}; secrets are
 * {@code <PLACEHOLDERS>}), and {@code docker-compose.override.yml} (limits, healthchecks, stop grace periods, log
 * rotation for the services lacking them; compose service names are the profile's service names).
 */
public final class FixFiles {

    public static final String RULES = "alert-rules.yml";
    public static final String ALERTMANAGER = "alertmanager.yml";
    public static final String OVERRIDE = "docker-compose.override.yml";
    /** Where Nightwatch's webhook receiver listens by default (`nightwatch serve`). */
    static final String NIGHTWATCH_WEBHOOK = "http://127.0.0.1:5001/alerts";

    private FixFiles() {}

    /** Writes what the report's gaps call for into {@code dir}; returns the files written (none when nothing is missing). */
    public static List<Path> write(AuditReport report, StackProfile profile, Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        String header = "# Written by `nightwatch audit --fix-files` from the audit of " + report.takenAt() + ".\n"
                + "# Nothing was applied: review it, fill in every <PLACEHOLDER>, then deploy it yourself.\n";
        List<AlertScenario> missing = new ArrayList<>();
        for (AlertScenario sc : AlertScenario.values()) {
            if (report.items().stream().anyMatch(i -> i.id().startsWith("alert-rule." + sc.id() + ":") && i.status() == Status.MISSING)) missing.add(sc);
        }
        if (!missing.isEmpty()) {
            Path f = dir.resolve(RULES);
            ReportFiles.write(f, header + "# Add it to rule_files in prometheus.yml and reload Prometheus (SIGHUP, or POST /-/reload with\n"
                    + "# --web.enable-lifecycle). `promtool check rules " + RULES + "` checks it.\n" + rules(missing));
            written.add(f);
        }
        boolean alertmanagerGap = report.items().stream().anyMatch(i ->
                (i.id().startsWith("alert-human-receiver:") || i.id().startsWith("alert-route:")) && i.status() != Status.OK && i.status() != Status.UNKNOWN);
        if (alertmanagerGap) {
            Path f = dir.resolve(ALERTMANAGER);
            ReportFiles.write(f, header + "# `amtool check-config " + ALERTMANAGER + "` checks it; Alertmanager reloads on SIGHUP.\n" + alertmanager());
            written.add(f);
        }
        String override = override(report, profile);
        if (!override.isEmpty()) {
            Path f = dir.resolve(OVERRIDE);
            ReportFiles.write(f, header + "# Put it beside docker-compose.yml; `docker compose config` shows the merged result,\n"
                    + "# `docker compose up -d` recreates the services it changes.\n" + override);
            written.add(f);
        }
        return written;
    }

    static String rules(List<AlertScenario> scenarios) {
        StringBuilder y = new StringBuilder("groups:\n  - name: nightwatch-readiness\n    rules:\n");
        for (AlertScenario sc : scenarios) {
            y.append("      # ").append(sc.words()).append('\n');
            for (AlertScenario.Rule r : sc.proposed()) {
                y.append("      - alert: ").append(r.alert()).append('\n')
                        .append("        expr: ").append(quote(r.expr())).append('\n')
                        .append("        for: ").append(r.forDuration()).append('\n')
                        .append("        labels:\n          severity: ").append(r.severity()).append("\n          component: ").append(r.component()).append('\n')
                        .append("        annotations:\n          summary: ").append(quote(r.summary())).append("\n          action: ")
                        .append(quote(r.action())).append('\n');
            }
        }
        return y.toString();
    }

    static String alertmanager() {
        return """
                route:
                  receiver: oncall
                  group_by: ['alertname', 'workspace_id', 'component']
                  group_wait: 30s
                  group_interval: 5m
                  repeat_interval: 4h
                  routes:
                    # Nightwatch sees every alert (history, incidents); routing then goes on to people.
                    - receiver: nightwatch
                      continue: true
                    - receiver: oncall-critical
                      matchers: ['severity="critical"']
                      group_wait: 0s
                      repeat_interval: 5m
                    - receiver: oncall
                      matchers: ['severity="warning"']
                      repeat_interval: 1h

                receivers:
                  # Nightwatch's receiver (`nightwatch serve`). Beyond loopback it needs its bearer token:
                  #   http_config: {authorization: {credentials_file: /etc/alertmanager/nightwatch-token}}
                  - name: nightwatch
                    webhook_configs:
                      - url: '%s'
                        send_resolved: true
                  # People during working hours: fill in your mail relay and the team's address.
                  - name: oncall
                    email_configs:
                      - to: '<ONCALL_TEAM_ADDRESS>'
                        from: '<ALERTMANAGER_SENDER_ADDRESS>'
                        smarthost: '<SMTP_RELAY_HOST>:587'
                        auth_username: '<SMTP_USER>'
                        auth_password_file: /etc/alertmanager/smtp-password
                        send_resolved: true
                  # People at night: the pager. Keep the key in a file, not here.
                  - name: oncall-critical
                    pagerduty_configs:
                      - routing_key: '<PAGERDUTY_ROUTING_KEY>'
                        send_resolved: true

                inhibit_rules:
                  - source_matchers: ['severity="critical"']
                    target_matchers: ['severity="warning"']
                    equal: ['alertname', 'workspace_id', 'component']
                """.formatted(NIGHTWATCH_WEBHOOK);
    }

    static String override(AuditReport report, StackProfile profile) {
        StringBuilder y = new StringBuilder();
        for (ServiceSpec s : profile.services()) {
            Set<String> gaps = new LinkedHashSet<>();
            for (AuditItem i : report.items()) {
                if (i.subject().equals(s.id()) && !i.ok() && i.status() != Status.UNKNOWN) gaps.add(AuditDocuments.check(i));
            }
            ServiceNeeds needs = ServiceNeeds.of(s.kind());
            StringBuilder svc = new StringBuilder();
            boolean limits = gaps.contains("memory-limit") || gaps.contains("cpu-limit");
            if (limits || gaps.contains("memory-reservation")) {
                svc.append("    deploy:\n      resources:\n");
                if (limits) {
                    svc.append("        limits:\n");
                    if (gaps.contains("cpu-limit")) svc.append("          cpus: '").append(needs.cpus()).append("'\n");
                    if (gaps.contains("memory-limit")) svc.append("          memory: ").append(Units.composeMemory(needs.memoryBytes())).append('\n');
                }
                if (gaps.contains("memory-reservation")) {
                    svc.append("        reservations:\n          memory: ").append(Units.composeMemory(needs.memoryBytes() / 2)).append('\n');
                }
            }
            if (gaps.contains("healthcheck")) {
                svc.append("    healthcheck:\n      test: ").append(ContainerChecks.yamlList(needs.healthTest()))
                        .append("\n      interval: 30s\n      timeout: 10s\n      retries: 3\n");
            }
            if (gaps.contains("restart-policy")) svc.append("    restart: unless-stopped\n");
            if (gaps.contains("stop-grace")) svc.append("    stop_signal: SIGTERM\n    stop_grace_period: ").append(needs.stopGrace().toSeconds()).append("s\n");
            if (gaps.contains("log-rotation")) {
                svc.append("    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: '5'\n");
            }
            if (!svc.isEmpty()) y.append("  ").append(s.name()).append(":\n").append(svc);
        }
        return y.isEmpty() ? "" : "services:\n" + y;
    }

    /** A single-quoted YAML scalar (the only escape is a doubled quote). */
    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
