package io.nightwatch.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.audit.AuditItem.Category;
import io.nightwatch.audit.AuditItem.Risk;
import io.nightwatch.audit.AuditItem.Status;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Alerting rules, the Alertmanager link, firing alerts, retention and scrape targets, from Prometheus' own API. */
final class PrometheusChecks {

    private static final Pattern SIZE = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB|PB|KiB|MiB|GiB|TiB)?");

    private final AuditHttp http;

    PrometheusChecks(AuditHttp http) {
        this.http = http;
    }

    static String base(ServiceSpec s) {
        String host = s.health().directHost().contains(":") ? "[" + s.health().directHost() + "]" : s.health().directHost();
        return "http://" + host + ":" + s.health().directPort();
    }

    /** Which scenarios the loaded rules leave uncovered (empty when Prometheus could not be read). */
    List<AuditItem> rules(ServiceSpec prom) {
        String s = prom.id();
        String url = base(prom) + "/api/v1/rules?type=alert";
        List<AuditItem> items = new ArrayList<>();
        JsonNode groups;
        try {
            groups = http.json(url).path("data").path("groups");
        } catch (IOException e) {
            for (AlertScenario sc : AlertScenario.values()) {
                items.add(AuditItem.of("alert-rule." + sc.id(), Category.ALERTING, s, Status.UNKNOWN, sc.risk(),
                        "GET " + url + " failed: " + e.getMessage(), ""));
            }
            items.add(AuditItem.of("rules-evaluate", Category.ALERTING, s, Status.UNKNOWN, Risk.HIGH, "GET " + url + " failed: " + e.getMessage(), ""));
            return items;
        }
        int total = 0;
        List<String> failing = new ArrayList<>();
        List<String[]> rules = new ArrayList<>();
        for (JsonNode g : groups) {
            for (JsonNode r : g.path("rules")) {
                total++;
                rules.add(new String[] {r.path("name").asText(), r.path("query").asText()});
                if ("err".equals(r.path("health").asText())) failing.add(r.path("name").asText());
            }
        }
        for (AlertScenario sc : AlertScenario.values()) {
            Optional<String> by = rules.stream().filter(r -> sc.coveredBy(r[0], r[1])).map(r -> r[0]).findFirst();
            if (by.isPresent()) {
                items.add(AuditItem.ok("alert-rule." + sc.id(), Category.ALERTING, s, sc.risk(),
                        sc.words() + ": covered by rule " + by.get() + " (" + url + ")"));
            } else {
                items.add(AuditItem.of("alert-rule." + sc.id(), Category.ALERTING, s, Status.MISSING, sc.risk(),
                        sc.words() + ": none of the " + total + " loaded alerting rules covers it (" + url + ")",
                        "`nightwatch audit --fix-files DIR` writes alert-rules.yml with " + String.join(", ",
                                sc.proposed().stream().map(AlertScenario.Rule::alert).toList())
                                + "; add it to rule_files in prometheus.yml and reload Prometheus (SIGHUP)"));
            }
        }
        items.add(failing.isEmpty()
                ? AuditItem.ok("rules-evaluate", Category.ALERTING, s, Risk.HIGH, total + " alerting rules loaded, none failing (" + url + ")")
                : AuditItem.of("rules-evaluate", Category.ALERTING, s, Status.RISK, Risk.HIGH,
                        "rules whose last evaluation failed: " + String.join(", ", failing) + " (" + url + ")",
                        "`promtool check rules` on the rule file, then fix the expression"));
        return items;
    }

    List<AuditItem> alertmanagerLinkAndFiring(ServiceSpec prom) {
        String s = prom.id();
        List<AuditItem> items = new ArrayList<>();
        String amUrl = base(prom) + "/api/v1/alertmanagers";
        try {
            JsonNode active = http.json(amUrl).path("data").path("activeAlertmanagers");
            items.add(active.size() > 0
                    ? AuditItem.ok("alertmanager-connected", Category.ALERTING, s, Risk.CRITICAL, active.size() + " active Alertmanager(s) (" + amUrl + ")")
                    : AuditItem.of("alertmanager-connected", Category.ALERTING, s, Status.MISSING, Risk.CRITICAL,
                            "no active Alertmanager: rules fire into the void (" + amUrl + ")",
                            "prometheus.yml:\nalerting:\n  alertmanagers:\n    - static_configs:\n        - targets: ['alertmanager:9093']"));
        } catch (IOException e) {
            items.add(AuditItem.of("alertmanager-connected", Category.ALERTING, s, Status.UNKNOWN, Risk.CRITICAL, "GET " + amUrl + " failed: " + e.getMessage(), ""));
        }
        String alertsUrl = base(prom) + "/api/v1/alerts";
        try {
            TreeSet<String> firing = new TreeSet<>();
            boolean critical = false;
            for (JsonNode a : http.json(alertsUrl).path("data").path("alerts")) {
                if (!"firing".equals(a.path("state").asText())) continue;
                firing.add(a.path("labels").path("alertname").asText());
                critical |= "critical".equals(a.path("labels").path("severity").asText());
            }
            items.add(firing.isEmpty()
                    ? AuditItem.ok("alerts-firing", Category.ALERTING, s, Risk.MEDIUM, "no alert firing now (" + alertsUrl + ")")
                    : AuditItem.of("alerts-firing", Category.ALERTING, s, Status.RISK, critical ? Risk.HIGH : Risk.MEDIUM,
                            "firing now: " + String.join(", ", firing) + " (" + alertsUrl + ")", "`nightwatch alerts --state firing` lists them with their runbooks"));
        } catch (IOException e) {
            items.add(AuditItem.of("alerts-firing", Category.ALERTING, s, Status.UNKNOWN, Risk.MEDIUM, "GET " + alertsUrl + " failed: " + e.getMessage(), ""));
        }
        return items;
    }

    /** Retention flags against the data volume ({@code volume} empty or unmeasured: compared with nothing). */
    List<AuditItem> retention(ServiceSpec prom, Optional<VolumeSpace> volume, String compose) {
        String s = prom.id();
        String url = base(prom) + "/api/v1/status/flags";
        JsonNode flags;
        try {
            flags = http.json(url).path("data");
        } catch (IOException e) {
            return List.of(
                    AuditItem.of("retention-time", Category.RETENTION, s, Status.UNKNOWN, Risk.MEDIUM, "GET " + url + " failed: " + e.getMessage(), ""),
                    AuditItem.of("retention-size", Category.RETENTION, s, Status.UNKNOWN, Risk.HIGH, "GET " + url + " failed: " + e.getMessage(), ""));
        }
        List<AuditItem> items = new ArrayList<>();
        String time = flags.path("storage.tsdb.retention.time").asText("");
        String size = flags.path("storage.tsdb.retention.size").asText("0B");
        boolean timeDefault = time.isEmpty() || time.equals("0s");
        items.add(timeDefault
                ? AuditItem.of("retention-time", Category.RETENTION, s, Status.MISSING, Risk.MEDIUM,
                        "storage.tsdb.retention.time not set: Prometheus keeps its default 15 d (" + url + ")",
                        compose + ":\n  command:\n    - --storage.tsdb.retention.time=7d")
                : AuditItem.ok("retention-time", Category.RETENTION, s, Risk.MEDIUM, "storage.tsdb.retention.time=" + time + " (" + url + ")"));
        long sizeBytes = parseSize(size);
        String volumeWords = volume.filter(VolumeSpace::measured).map(v -> "; data volume " + Units.bytes(v.sizeBytes()) + ", "
                + Units.bytes(v.freeBytes()) + " free (df in the container)").orElse(volume.map(v -> "; volume not measured: " + v.problem()).orElse(""));
        if (sizeBytes <= 0) {
            long suggested = volume.filter(VolumeSpace::measured).map(v -> (long) (v.sizeBytes() * 0.8)).orElse(5L << 30);
            items.add(AuditItem.of("retention-size", Category.RETENTION, s, Status.MISSING, Risk.HIGH,
                    "storage.tsdb.retention.size not set: nothing stops the TSDB from filling its disk" + volumeWords + " (" + url + ")",
                    compose + ":\n  command:\n    - --storage.tsdb.retention.size=" + Math.max(1, suggested >> 20) + "MB"));
        } else if (volume.filter(VolumeSpace::measured).map(v -> sizeBytes > 0.9 * v.sizeBytes()).orElse(false)) {
            items.add(AuditItem.of("retention-size", Category.RETENTION, s, Status.RISK, Risk.HIGH,
                    "storage.tsdb.retention.size=" + size + " is more than 90 % of the volume" + volumeWords + " (" + url + ")",
                    compose + ":\n  command:\n    - --storage.tsdb.retention.size=" + (long) (volume.get().sizeBytes() * 0.8 / (1 << 20)) + "MB"));
        } else {
            items.add(AuditItem.ok("retention-size", Category.RETENTION, s, Risk.HIGH, "storage.tsdb.retention.size=" + size + volumeWords + " (" + url + ")"));
        }
        return items;
    }

    /** Whether each service that has metrics is scraped and up. */
    List<AuditItem> targets(ServiceSpec prom, List<ServiceSpec> watched) {
        String url = base(prom) + "/api/v1/targets?state=active";
        List<AuditItem> items = new ArrayList<>();
        JsonNode active;
        try {
            active = http.json(url).path("data").path("activeTargets");
        } catch (IOException e) {
            for (ServiceSpec w : watched) {
                items.add(AuditItem.of("scraped", Category.SELF_MONITORING, w.id(), Status.UNKNOWN, Risk.MEDIUM, "GET " + url + " failed: " + e.getMessage(), ""));
            }
            return items;
        }
        for (ServiceSpec w : watched) {
            JsonNode match = null;
            for (JsonNode t : active) {
                String job = t.path("labels").path("job").asText(t.path("scrapePool").asText());
                String scrape = t.path("scrapeUrl").asText();
                if (job.equalsIgnoreCase(w.name()) || job.equalsIgnoreCase(w.kind().id()) || portMatches(scrape, w)) {
                    match = t;
                    break;
                }
            }
            if (match == null) {
                String exporter = w.kind() == ServiceKind.REDIS ? " (Redis needs a redis_exporter; its job name should be redis)" : "";
                items.add(AuditItem.of("scraped", Category.SELF_MONITORING, w.id(), Status.MISSING, Risk.MEDIUM,
                        "no active target of " + prom.id() + " is " + w.name() + exporter + " (" + url + ")",
                        "prometheus.yml:\nscrape_configs:\n  - job_name: " + w.kind().id() + "\n    static_configs:\n      - targets: ['"
                                + (w.kind() == ServiceKind.REDIS ? "redis-exporter:9121" : w.container() + ":" + w.metrics().map(m -> m.containerPort()).orElse(w.kind().containerPort()))
                                + "']"));
            } else if (!"up".equals(match.path("health").asText())) {
                items.add(AuditItem.of("scraped", Category.SELF_MONITORING, w.id(), Status.RISK, Risk.HIGH,
                        "target " + match.path("labels").path("job").asText() + " is " + match.path("health").asText() + ": "
                                + match.path("lastError").asText() + " (" + url + ")", "nightwatch status shows the service"));
            } else {
                items.add(AuditItem.ok("scraped", Category.SELF_MONITORING, w.id(), Risk.MEDIUM,
                        "scraped as job " + match.path("labels").path("job").asText() + ", up (" + url + ")"));
            }
        }
        return items;
    }

    private static boolean portMatches(String scrapeUrl, ServiceSpec w) {
        if (w.metrics().isEmpty()) return false;
        int port = w.metrics().get().directPort();
        int inContainer = w.metrics().get().containerPort();
        Matcher m = Pattern.compile(":(\\d+)/").matcher(scrapeUrl);
        if (!m.find()) return false;
        int p = Integer.parseInt(m.group(1));
        return p == port || p == inContainer;
    }

    /** Prometheus' units (B, KB, MB, GB, TB, PB: powers of 1024, as its flag parser reads them); 0 for none. */
    static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) return 0;
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT).replace("I", "");
        int shift = switch (unit) {
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            case "TB" -> 40;
            case "PB" -> 50;
            default -> 0;
        };
        return (long) (n * (1L << shift));
    }
}
