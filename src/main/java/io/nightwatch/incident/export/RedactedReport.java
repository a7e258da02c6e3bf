package io.nightwatch.incident.export;

import io.nightwatch.incident.IncidentReport;
import io.nightwatch.redact.Kind;
import io.nightwatch.redact.Redactor;
import io.nightwatch.runbook.RunHistory;
import io.nightwatch.store.Incident;
import io.nightwatch.store.IncidentStore;
import io.nightwatch.text.Texts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An {@link IncidentReport} with every piece of text passed through one {@link Redactor} — titles, notes, reasons,
 * runbook output, service and series names (they come from alert labels) — what the exporters write from, so no
 * format can forget a field. {@code redacted} lists the kinds that were taken out.
 */
record RedactedReport(Incident incident, IncidentReport report, List<IncidentReport.Line> timeline, List<String> runbooksUsed,
                      String firstSignText, Set<String> servicesAffected, Map<String, Duration> downtime,
                      Map<String, List<IncidentStore.Sample>> samples, List<Run> runs, Set<Kind> redacted) {

    /** A run as the JSON export lists it. */
    record Run(String runId, String runbook, String title, String outcome, RunHistory.Run run) {}

    private static final Texts T = Texts.of(RedactedReport.class);

    static RedactedReport of(IncidentReport report) {
        Redactor r = new Redactor();
        Incident i = report.incident();
        Incident clean = new Incident(i.id(), r.text(i.scope()), r.text(i.title()), i.openedAt(), r.text(i.openedBy()), i.closedAt(),
                r.text(i.closedBy()), r.text(i.summary()));
        List<IncidentReport.Line> lines = report.timeline().stream()
                .map(l -> new IncidentReport.Line(l.at(), l.kind(), r.text(l.service()), r.text(l.text()), l.attachment())).toList();
        List<String> runbooks = report.facts().runbooksUsed().stream().map(r::text).toList();
        String firstSign = r.text(report.facts().firstSignText());
        Set<String> services = new LinkedHashSet<>();
        report.facts().servicesAffected().forEach(s -> services.add(r.text(s)));
        Map<String, Duration> downtime = new LinkedHashMap<>();
        report.facts().downtime().forEach((s, d) -> downtime.merge(r.text(s), d, Duration::plus));
        Map<String, List<IncidentStore.Sample>> samples = new LinkedHashMap<>();
        report.samples().forEach((name, points) -> samples.put(r.text(name), points));
        List<Run> runs = report.runs().stream()
                .map(run -> new Run(r.text(run.runId()), r.text(run.runbookId()), r.text(run.title()), r.text(run.outcome()), run)).toList();
        return new RedactedReport(clean, report, lines, runbooks, firstSign, services, downtime, samples, runs, r.found());
    }

    /** What a kind of secret is called in the reader's language (the English words are the kind's own). */
    private static String words(Kind kind) {
        String key = "redacted." + kind.name();
        return T.has(key) ? T.get(key) : kind.words();
    }

    /** "Redacted before export: …", or that nothing needed it. */
    String redactionNote() {
        if (redacted.isEmpty()) return T.get("redaction.none");
        // The kinds are found by patterns, never by words: only what the note says about them is in the reader's language.
        return T.get("redaction.done", String.join("; ", redacted.stream().map(RedactedReport::words).toList()));
    }
}
