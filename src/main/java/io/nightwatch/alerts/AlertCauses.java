package io.nightwatch.alerts;

import io.nightwatch.store.AlertOccurrence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one rule that says which alerts are about the same trouble: an alert's cause is the service it names (its
 * {@code component}, {@code service}, {@code job} or {@code container} label, as {@link AlertOccurrence#service()}
 * reads them), else its host, else nothing shared. A missing Loki raises LokiDown, NightwatchServiceDown,
 * NightwatchBackupOverdue and NightwatchFlowStalled: all four are about {@code loki}, so the window shows one group,
 * the notifier pops up once, and the incident recorder files them together. Services of the same name on two hosts
 * share a cause on purpose: Prometheus' own rules name no host, and they must join Nightwatch's findings.
 */
public final class AlertCauses {

    /** Alerts that say a thing is gone head their group; the rest (stalls, overdue backups) follow from it. */
    private static final List<String> OUTAGE_WORDS = List.of("down", "unreachable", "oomkilled", "restartloop", "crash");

    private AlertCauses() {}

    /** Open alerts about one cause; {@code head} is the one to read first. */
    public record Group(String cause, String label, AlertOccurrence head, List<AlertOccurrence> members) {
        public boolean related() { return members.size() > 1; }
    }

    /** "service:loki", "host:primary", or "alert:&lt;fingerprint&gt;" for an alert that names neither. */
    public static String causeOf(AlertOccurrence a) {
        if (!a.service().isBlank()) return "service:" + a.service().strip().toLowerCase(Locale.ROOT);
        String host = a.labels().getOrDefault("host", "");
        if (!host.isBlank()) return "host:" + host.strip().toLowerCase(Locale.ROOT);
        return "alert:" + a.fingerprint();
    }

    /** What the operator reads for a cause: "loki", "host primary". */
    public static String label(String cause) {
        if (cause.startsWith("service:")) return cause.substring("service:".length());
        if (cause.startsWith("host:")) return "host " + cause.substring("host:".length());
        return "";
    }

    /**
     * Groups {@code alerts} by cause, in the order their causes first appear; each group's members keep the given
     * order, and its head is the most telling member (an outage before its consequences, critical before warning,
     * the earliest first).
     */
    public static List<Group> group(List<AlertOccurrence> alerts) {
        Map<String, List<AlertOccurrence>> byCause = new LinkedHashMap<>();
        for (AlertOccurrence a : alerts) byCause.computeIfAbsent(causeOf(a), c -> new ArrayList<>()).add(a);
        List<Group> groups = new ArrayList<>(byCause.size());
        byCause.forEach((cause, members) -> groups.add(new Group(cause, label(cause),
                members.stream().min(HEAD_FIRST).orElseThrow(), List.copyOf(members))));
        return groups;
    }

    /** The order of telling: outage, then severity, then onset, then id (stable). */
    static final Comparator<AlertOccurrence> HEAD_FIRST = Comparator
            .comparing((AlertOccurrence a) -> !isOutage(a))
            .thenComparing(a -> !"critical".equals(a.severity()))
            .thenComparing(AlertOccurrence::startsAt)
            .thenComparing(AlertOccurrence::id);

    /** An alert that says its subject is gone (ServiceDown, LokiDown, EngineUnreachable, OOMKilled, RestartLoop). */
    public static boolean isOutage(AlertOccurrence a) {
        String name = a.alertname().toLowerCase(Locale.ROOT);
        return OUTAGE_WORDS.stream().anyMatch(name::contains);
    }
}
