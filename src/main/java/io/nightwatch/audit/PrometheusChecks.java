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

import static io.nightwatch.audit.Words.plain;
import static io.nightwatch.audit.Words.say;

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
                items.add(AuditItem.of("alert-rule." + sc.id(), Category.ALERTING, s, Status.UNKNOWN, sc.risk(), failed(url, e), Words.NONE));
            }
            items.add(AuditItem.of("rules-evaluate", Category.ALERTING, s, Status.UNKNOWN, Risk.HIGH, failed(url, e), Words.NONE));
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
                items.add(AuditItem.ok("alert-rule." + sc.id(), Category.ALERTING, s, sc.risk(), say("prometheus.rule.covered", sc.words(), by.get(), url)));
            } else {
                items.add(AuditItem.of("alert-rule." + sc.id(), Category.ALERTING, s, Status.MISSING, sc.risk(),
                        say("prometheus.rule.missing", sc.words(), total, url),
                        say("prometheus.rule.missing.fix", String.join(", ", sc.proposed().stream().map(AlertScenario.Rule::alert).toList()))));
            }
        }
        items.add(failing.isEmpty()
                ? AuditItem.ok("rules-evaluate", Category.ALERTING, s, Risk.HIGH, say("prometheus.rules.ok", total, url))
                : AuditItem.of("rules-evaluate", Category.ALERTING, s, Status.RISK, Risk.HIGH,
                        say("prometheus.rules.failing", String.join(", ", failing), url), say("prometheus.rules.failing.fix")));
        return items;
    }

    List<AuditItem> alertmanagerLinkAndFiring(ServiceSpec prom) {
        String s = prom.id();
        List<AuditItem> items = new ArrayList<>();
        String amUrl = base(prom) + "/api/v1/alertmanagers";
        try {
            JsonNode active = http.json(amUrl).path("data").path("activeAlertmanagers");
            items.add(active.size() > 0
                    ? AuditItem.ok("alertmanager-connected", Category.ALERTING, s, Risk.CRITICAL, say("prometheus.alertmanager.ok", active.size(), amUrl))
                    : AuditItem.of("alertmanager-connected", Category.ALERTING, s, Status.MISSING, Risk.CRITICAL,
                            say("prometheus.alertmanager.none", amUrl),
                            plain("prometheus.yml:\nalerting:\n  alertmanagers:\n    - static_configs:\n        - targets: ['alertmanager:9093']"))); // tool text
        } catch (IOException e) {
            items.add(AuditItem.of("alertmanager-connected", Category.ALERTING, s, Status.UNKNOWN, Risk.CRITICAL, failed(amUrl, e), Words.NONE));
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
                    ? AuditItem.ok("alerts-firing", Category.ALERTING, s, Risk.MEDIUM, say("prometheus.firing.none", alertsUrl))
                    : AuditItem.of("alerts-firing", Category.ALERTING, s, Status.RISK, critical ? Risk.HIGH : Risk.MEDIUM,
                            say("prometheus.firing", String.join(", ", firing), alertsUrl), say("prometheus.firing.fix")));
        } catch (IOException e) {
            items.add(AuditItem.of("alerts-firing", Category.ALERTING, s, Status.UNKNOWN, Risk.MEDIUM, failed(alertsUrl, e), Words.NONE));
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
                    AuditItem.of("retention-time", Category.RETENTION, s, Status.UNKNOWN, Risk.MEDIUM, failed(url, e), Words.NONE),
                    AuditItem.of("retention-size", Category.RETENTION, s, Status.UNKNOWN, Risk.HIGH, failed(url, e), Words.NONE));
        }
        List<AuditItem> items = new ArrayList<>();
        String time = flags.path("storage.tsdb.retention.time").asText("");
        String size = flags.path("storage.tsdb.retention.size").asText("0B");
        boolean timeDefault = time.isEmpty() || time.equals("0s");
        items.add(timeDefault
                ? AuditItem.of("retention-time", Category.RETENTION, s, Status.MISSING, Risk.MEDIUM,
                        say("prometheus.retention.time.unset", url),
                        plain(compose + ":\n  command:\n    - --storage.tsdb.retention.time=7d"))
                : AuditItem.ok("retention-time", Category.RETENTION, s, Risk.MEDIUM, plain("storage.tsdb.retention.time=" + time + " (" + url + ")")));
        long sizeBytes = parseSize(size);
        Words volumeWords = volume.filter(VolumeSpace::measured).map(v -> say("prometheus.volume", Units.bytes(v.sizeBytes()), Units.bytes(v.freeBytes())))
                .orElse(volume.map(v -> say("prometheus.volume.unmeasured", v.problem())).orElse(Words.NONE));
        if (sizeBytes <= 0) {
            long suggested = volume.filter(VolumeSpace::measured).map(v -> (long) (v.sizeBytes() * 0.8)).orElse(5L << 30);
            items.add(AuditItem.of("retention-size", Category.RETENTION, s, Status.MISSING, Risk.HIGH,
                    say("prometheus.retention.size.unset", volumeWords, url),
                    plain(compose + ":\n  command:\n    - --storage.tsdb.retention.size=" + Math.max(1, suggested >> 20) + "MB"))); // tool text
        } else if (volume.filter(VolumeSpace::measured).map(v -> sizeBytes > 0.9 * v.sizeBytes()).orElse(false)) {
            items.add(AuditItem.of("retention-size", Category.RETENTION, s, Status.RISK, Risk.HIGH,
                    say("prometheus.retention.size.big", size, volumeWords, url),
                    plain(compose + ":\n  command:\n    - --storage.tsdb.retention.size=" + (long) (volume.get().sizeBytes() * 0.8 / (1 << 20)) + "MB"))); // tool text
        } else {
            items.add(AuditItem.ok("retention-size", Category.RETENTION, s, Risk.HIGH, Words.concat("storage.tsdb.retention.size=" + size, volumeWords, " (" + url + ")")));
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
                items.add(AuditItem.of("scraped", Category.SELF_MONITORING, w.id(), Status.UNKNOWN, Risk.MEDIUM, failed(url, e), Words.NONE));
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
                Words exporter = w.kind() == ServiceKind.REDIS ? say("prometheus.scraped.redisExporter") : Words.NONE;
                items.add(AuditItem.of("scraped", Category.SELF_MONITORING, w.id(), Status.MISSING, Risk.MEDIUM,
                        say("prometheus.scraped.none", prom.id(), w.name(), exporter, url),
                        plain("prometheus.yml:\nscrape_configs:\n  - job_name: " + w.kind().id() + "\n    static_configs:\n      - targets: ['" // tool text
                                + (w.kind() == ServiceKind.REDIS ? "redis-exporter:9121" : w.container() + ":" + w.metrics().map(m -> m.containerPort()).orElse(w.kind().containerPort()))
                                + "']")));
            } else if (!"up".equals(match.path("health").asText())) {
                items.add(AuditItem.of("scraped", Category.SELF_MONITORING, w.id(), Status.RISK, Risk.HIGH,
                        say("prometheus.scraped.down", match.path("labels").path("job").asText(), match.path("health").asText(),
                                match.path("lastError").asText(), url), say("prometheus.scraped.down.fix")));
            } else {
                items.add(AuditItem.ok("scraped", Category.SELF_MONITORING, w.id(), Risk.MEDIUM, say("prometheus.scraped", match.path("labels").path("job").asText(), url)));
            }
        }
        return items;
    }

    /** "GET URL failed: why", the evidence of every API read that did not work. */
    static Words failed(String url, IOException e) {
        return say("api.failed", url, e.getMessage());
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
