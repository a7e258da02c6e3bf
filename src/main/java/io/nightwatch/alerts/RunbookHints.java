package io.nightwatch.alerts;

import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.text.Language;
import io.nightwatch.text.Texts;

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
    private static final Texts T = Texts.of(RunbookHints.class);

    /** alertname → service kind (or {@link #ANY}) → the step's key in the bundle; {service}, {host} and {path} are filled in. */
    private static final Map<String, List<String>> TABLE = Map.ofEntries(
            Map.entry("NightwatchServiceDown", List.of("redis", "prometheus", "loki", "any")),
            Map.entry("NightwatchOOMKilled", List.of("prometheus", "loki", "any")),
            Map.entry("NightwatchRestartLoop", List.of("any")),
            Map.entry("NightwatchEngineUnreachable", List.of("any")),
            Map.entry("NightwatchFlowStalled", List.of("promtail", "loki", "prometheus", "otel-collector", "alertmanager", "any")),
            Map.entry("NightwatchServiceDegraded", List.of("loki", "redis", "otel-collector", "promtail", "any")),
            Map.entry("NightwatchIngestionFailing", List.of("loki", "promtail", "otel-collector", "any")),
            Map.entry("NightwatchDiskHeadroomLow", List.of("prometheus", "loki", "redis", "any")),
            Map.entry("PrometheusDown", List.of("any")),
            Map.entry("LokiDown", List.of("any")),
            Map.entry("GrafanaDown", List.of("any")),
            Map.entry("OtelCollectorDown", List.of("any")),
            Map.entry("AlertmanagerDown", List.of("any")));

    /**
     * A recovery scenario: the runbook ({@code nightwatch recover ID}) for one kind of night failure, with the symptom an
     * operator sees and what the diagnosis looks at. The recovery runbooks, the troubleshooting page and the findings all
     * name scenarios by these ids.
     */
    public record Scenario(String id, String title, String symptom, String diagnosis) {
        /** The scenario with its English words (the record's own, for tools); the accessors speak the reader's language. */
        static Scenario of(String id) {
            return new Scenario(id, T.in(Language.EN, key(id, "title")), T.in(Language.EN, key(id, "symptom")), T.in(Language.EN, key(id, "diagnosis")));
        }

        private static String key(String id, String what) {
            return "scenario." + id + "." + what;
        }

        @Override public String title() { return T.get(key(id, "title")); }

        @Override public String symptom() { return T.get(key(id, "symptom")); }

        @Override public String diagnosis() { return T.get(key(id, "diagnosis")); }

        /** The command that runs it, as findings and the docs print it. */
        public String command() { return "nightwatch recover " + id; } // tool text
    }

    public static final Scenario DISK_FULL = Scenario.of("disk-full");
    public static final Scenario REDIS_DOWN = Scenario.of("redis-down");
    public static final Scenario LOKI_INGESTION = Scenario.of("loki-ingestion");
    public static final Scenario COLLECTOR_CRASH = Scenario.of("collector-crash");
    public static final Scenario PROMTAIL_STALLED = Scenario.of("promtail-stalled");
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
        String name = TABLE.containsKey(alert.alertname()) ? alert.alertname() : aliasOf(alert.alertname());
        List<String> kinds = TABLE.get(name);
        String template = null;
        String key = "hint." + name + "." + (kinds != null && kinds.contains(kind) ? kind : "any");
        if (kinds != null) template = T.get(key);
        if (template == null) template = byPattern(alert.alertname());
        if (template != null) return Optional.of(fill(template, alert, kind));
        String url = alert.annotations().getOrDefault("runbook_url", alert.annotations().getOrDefault("runbook", ""));
        return url.isBlank() ? Optional.empty() : Optional.of(T.get("hint.ruleRunbook", url.strip()));
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
            return T.get("hint.memory");
        }
        if (lower.contains("tsdb") || (lower.startsWith("prometheus") && (lower.contains("storage") || lower.contains("size")))) {
            return T.get("hint.tsdb");
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
        if (service.isEmpty()) service = T.get("hint.theService");
        String host = first(labels.get("host"), labels.get("instance"), T.get("hint.itsHost"));
        String path = first(labels.get("path"), T.get("hint.itsPath"));
        String text = template.replace("{service}", service).replace("{host}", host).replace("{path}", path);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1); // "redis ran out…" starts a sentence
    }

    private static String first(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return "";
    }
}
