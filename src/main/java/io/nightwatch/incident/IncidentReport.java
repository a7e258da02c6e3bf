package io.nightwatch.incident;

import io.nightwatch.runbook.RunHistory;
import io.nightwatch.store.Incident;
import io.nightwatch.store.IncidentEvent;
import io.nightwatch.store.IncidentStore;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a post-mortem needs about one incident, read once: the incident, its timeline (stored events and the
 * runbook runs of the window, merged in time order), the sampled series, and the facts computed from them — when the
 * first sign came, time to detect, time to recover, services affected and for how long, runbooks used. Not redacted:
 * the exporters redact as they write.
 */
public record IncidentReport(Incident incident, Instant generatedAt, List<Line> timeline, List<RunHistory.Run> runs,
                             Map<String, List<IncidentStore.Sample>> samples, Facts facts) {

    /** One line of the merged timeline. */
    public record Line(Instant at, String kind, String service, String text, Optional<byte[]> attachment) {}

    /**
     * @param firstSign     the earliest evidence: an alert's start or a service leaving UP (else the opening)
     * @param timeToDetect  from the first sign to the incident being opened
     * @param recoveredAt   when the last service came back and the last alert resolved; empty while not recovered
     * @param timeToRecover from the first sign to recovery
     * @param downtime      per affected service, how long it was not UP within the incident
     */
    public record Facts(Instant firstSign, String firstSignText, Duration timeToDetect, Optional<Instant> recoveredAt,
                        Optional<Duration> timeToRecover, Duration duration, Set<String> servicesAffected,
                        Map<String, Duration> downtime, List<String> runbooksUsed, int alertsFired) {}

    public static IncidentReport of(IncidentStore store, long incidentId, Path journalDir, Instant now) {
        Incident incident = store.get(incidentId).orElseThrow(() -> new IllegalArgumentException("no incident " + incidentId));
        List<IncidentEvent> events = store.events(incidentId);
        Instant end = incident.closedAt().orElse(now);
        // runs that began a little before the opening belong to the night too (a backup taken as the first reaction)
        List<RunHistory.Run> runs = RunHistory.between(journalDir, incident.openedAt().minus(Duration.ofMinutes(30)), end);
        List<Line> lines = new ArrayList<>();
        for (IncidentEvent e : events) lines.add(new Line(e.at(), e.kind().name(), e.service(), e.text(), e.attachment()));
        for (RunHistory.Run run : runs) {
            for (RunHistory.Entry entry : run.entries()) {
                String what = switch (entry.event()) {
                    case "run-started" -> "runbook \"" + run.title() + "\" " + entry.text() + " (run " + run.runId() + ")";
                    case "step-started" -> "step " + entry.text();
                    case "output" -> "  " + entry.text();
                    default -> entry.event().replace('-', ' ') + (entry.step().isEmpty() ? "" : " " + entry.step()) + ": " + entry.text();
                };
                lines.add(new Line(entry.at(), "RUNBOOK", run.runbookId(), what, Optional.empty()));
            }
        }
        lines.sort(Comparator.comparing(Line::at));
        return new IncidentReport(incident, now, List.copyOf(lines), runs, store.samples(incidentId), facts(incident, events, runs, now));
    }

    static Facts facts(Incident incident, List<IncidentEvent> events, List<RunHistory.Run> runs, Instant now) {
        Instant end = incident.closedAt().orElse(now);
        Instant firstSign = incident.openedAt();
        String firstSignText = "incident opened by " + incident.openedBy(); // tool text
        Set<String> affected = new LinkedHashSet<>();
        Map<String, Instant> downSince = new LinkedHashMap<>();
        Map<String, Duration> downtime = new LinkedHashMap<>();
        Set<String> openAlerts = new LinkedHashSet<>();
        Instant lastRecovery = null;
        int fired = 0;
        for (IncidentEvent e : events) {
            switch (e.kind()) {
                case ALERT_FIRED -> {
                    fired++;
                    openAlerts.add(e.facts().getOrDefault("alertId", e.text()));
                    if (!e.service().isEmpty()) affected.add(e.service());
                    Instant start = Optional.ofNullable(e.facts().get("startsAt")).map(Instant::parse).orElse(e.at());
                    if (start.isBefore(firstSign)) {
                        firstSign = start;
                        firstSignText = e.text();
                    }
                }
                case ALERT_RESOLVED -> {
                    openAlerts.remove(e.facts().getOrDefault("alertId", e.text()));
                    lastRecovery = max(lastRecovery, e.at());
                }
                case STATE_CHANGED -> {
                    boolean up = "UP".equals(e.facts().get("to"));
                    if (!up) {
                        affected.add(e.service());
                        downSince.putIfAbsent(e.service(), e.at());
                        if (e.at().isBefore(firstSign)) {
                            firstSign = e.at();
                            firstSignText = e.text();
                        }
                    } else if (downSince.containsKey(e.service())) {
                        downtime.merge(e.service(), Duration.between(downSince.remove(e.service()), e.at()), Duration::plus);
                        lastRecovery = max(lastRecovery, e.at());
                    }
                }
                case FLOW_STALLED -> affected.add(e.service());
                default -> { }
            }
        }
        for (Map.Entry<String, Instant> still : downSince.entrySet()) {
            downtime.merge(still.getKey(), Duration.between(still.getValue(), end), Duration::plus);
        }
        boolean recovered = downSince.isEmpty() && openAlerts.isEmpty() && lastRecovery != null;
        Optional<Instant> recoveredAt = recovered ? Optional.of(lastRecovery) : Optional.empty();
        Instant sign = firstSign;
        List<String> runbooks = runs.stream().map(r -> r.title() + " (" + (r.outcome().isEmpty() ? "not finished" : r.outcome().toLowerCase()) // tool text
                + r.endedAt().map(t -> ", " + human(Duration.between(r.startedAt(), t))).orElse("") + ")").toList();
        return new Facts(firstSign, firstSignText, Duration.between(firstSign, incident.openedAt()).isNegative() ? Duration.ZERO
                : Duration.between(firstSign, incident.openedAt()), recoveredAt,
                recoveredAt.map(r -> Duration.between(sign, r)),
                Duration.between(incident.openedAt(), end), affected, downtime, runbooks, fired);
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** "4 min 12 s", "2 h 05 min", "850 ms". */
    public static String human(Duration d) {
        if (d.isNegative()) d = Duration.ZERO;
        if (d.toSeconds() < 1) return d.toMillis() + " ms";
        if (d.toMinutes() < 1) return d.toSeconds() + " s";
        if (d.toHours() < 1) return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        return d.toHours() + " h " + String.format("%02d", d.toMinutesPart()) + " min";
    }
}
