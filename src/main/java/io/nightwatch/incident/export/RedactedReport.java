package io.nightwatch.incident.export;

import io.nightwatch.incident.IncidentReport;
import io.nightwatch.incident.Redactor;
import io.nightwatch.store.Incident;

import java.util.List;
import java.util.Set;

/**
 * An {@link IncidentReport} with every piece of free text passed through one {@link Redactor}: what the exporters
 * write from, so no format can forget a field. {@code redacted} lists the kinds that were taken out.
 */
record RedactedReport(Incident incident, IncidentReport report, List<IncidentReport.Line> timeline, List<String> runbooksUsed,
                      String firstSignText, Set<Redactor.Kind> redacted) {

    static RedactedReport of(IncidentReport report) {
        Redactor r = new Redactor();
        Incident i = report.incident();
        Incident clean = new Incident(i.id(), r.text(i.scope()), r.text(i.title()), i.openedAt(), r.text(i.openedBy()), i.closedAt(),
                r.text(i.closedBy()), r.text(i.summary()));
        List<IncidentReport.Line> lines = report.timeline().stream()
                .map(l -> new IncidentReport.Line(l.at(), l.kind(), r.text(l.service()), r.text(l.text()), l.attachment())).toList();
        List<String> runbooks = report.facts().runbooksUsed().stream().map(r::text).toList();
        String firstSign = r.text(report.facts().firstSignText());
        return new RedactedReport(clean, report, lines, runbooks, firstSign, r.found());
    }

    /** "Redacted before export: …", or that nothing needed it. */
    String redactionNote() {
        if (redacted.isEmpty()) return "Nothing needed redacting.";
        return "Redacted before export: " + String.join("; ", redacted.stream().map(Redactor.Kind::words).toList()) + ".";
    }
}
