package io.nightwatch.audit;

import io.nightwatch.audit.AuditItem.Status;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;

import io.nightwatch.text.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    private static final Texts T = Texts.of(FixFiles.class);

    public static final String RULES = "alert-rules.yml";
    public static final String ALERTMANAGER = "alertmanager.yml";
    public static final String OVERRIDE = "docker-compose.override.yml";
    /** Where Nightwatch's webhook receiver listens by default (`nightwatch serve`). */
    static final String NIGHTWATCH_WEBHOOK = "http://127.0.0.1:5001/alerts";

    private FixFiles() {}

    /** Writes what the report's gaps call for into {@code dir}; returns the files written (none when nothing is missing). */
    public static List<Path> write(AuditReport report, StackProfile profile, Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        // the comments are for the reviewer, in the reader's language; the YAML under them is code and stays as it is
        String header = comment(T.get("fixFiles.header", report.takenAt()));
        List<AlertScenario> missing = new ArrayList<>();
        for (AlertScenario sc : AlertScenario.values()) {
            if (report.items().stream().anyMatch(i -> i.id().startsWith("alert-rule." + sc.id() + ":") && i.status() == Status.MISSING)) missing.add(sc);
        }
        if (!missing.isEmpty()) {
            Path f = dir.resolve(RULES);
            ReportFiles.write(f, header + comment(T.get("fixFiles.rules", RULES)) + rules(missing));
            written.add(f);
        }
        boolean alertmanagerGap = report.items().stream().anyMatch(i ->
                (i.id().startsWith("alert-human-receiver:") || i.id().startsWith("alert-route:")) && i.status() != Status.OK && i.status() != Status.UNKNOWN);
        if (alertmanagerGap) {
            Path f = dir.resolve(ALERTMANAGER);
            ReportFiles.write(f, header + comment(T.get("fixFiles.alertmanager", ALERTMANAGER)) + alertmanager());
            written.add(f);
        }
        String override = override(report, profile);
        if (!override.isEmpty()) {
            Path f = dir.resolve(OVERRIDE);
            ReportFiles.write(f, header + comment(T.get("fixFiles.override")) + override);
            written.add(f);
        }
        return written;
    }

    /** Every line of the words as a YAML comment line. */
    private static String comment(String words) {
        StringBuilder b = new StringBuilder();
        for (String line : words.split("\n")) b.append("# ").append(line).append('\n');
        return b.toString();
    }

    static String rules(List<AlertScenario> scenarios) {
        StringBuilder y = new StringBuilder("groups:\n  - name: nightwatch-readiness\n    rules:\n"); // tool text
        for (AlertScenario sc : scenarios) {
            y.append("      # ").append(sc.words().english()).append('\n');
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

    /** Alertmanager's configuration (a template beside this class: code, never translated) with its comments in the reader's language. */
    static String alertmanager() {
        try (InputStream in = FixFiles.class.getResourceAsStream("alertmanager-fix.yml")) {
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return template.formatted(NIGHTWATCH_WEBHOOK, T.get("fixFiles.am.routes"), T.get("fixFiles.am.nightwatch"),
                    T.get("fixFiles.am.day"), T.get("fixFiles.am.night"));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("alertmanager-fix.yml is missing from the build", e);
        }
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
            if (gaps.contains("restart-policy")) svc.append("    restart: unless-stopped\n"); // tool text
            if (gaps.contains("stop-grace")) svc.append("    stop_signal: SIGTERM\n    stop_grace_period: ").append(needs.stopGrace().toSeconds()).append("s\n"); // tool text
            if (gaps.contains("log-rotation")) {
                svc.append("    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: '5'\n"); // tool text
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
