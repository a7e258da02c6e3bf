package io.nightwatch.incident.export;

import io.nightwatch.incident.IncidentReport;
import io.nightwatch.text.Language;
import io.nightwatch.text.Texts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The post-mortem draft in the usual structure — summary, impact, detection, timeline, root cause, resolution and
 * recovery, what went well and badly, action items — with the facts filled in and the judgement left as marked
 * prompts for the team.
 */
final class MarkdownExport {

    private static final Texts T = Texts.of(MarkdownExport.class);
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private MarkdownExport() {}

    /** Date and time in UTC, as the current language writes it (the export is read far from the console's zone). */
    static String time(Instant at) {
        return DateTimeFormatter.ofPattern(T.get("format.time"), Language.current().locale()).withZone(ZoneOffset.UTC).format(at);
    }

    static String by(Instant at, String who) {
        return T.get("fact.by", time(at), who);
    }

    /** The timeline's "what" column: the event kind in words. */
    static String kind(String kind) {
        String key = "kind." + kind;
        return T.has(key) ? T.get(key) : kind.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Whether this language's template has the lessons-learned section (the German one does). */
    static boolean lessons() {
        return "on".equals(T.get("template.lessons"));
    }

    static String write(RedactedReport r) {
        IncidentReport.Facts f = r.report().facts();
        String prompt = "> ✍ **" + T.get("prompt") + "** ";
        StringBuilder md = new StringBuilder();
        md.append("# ").append(T.get("title", inert(r.incident().title()))).append("\n\n");
        md.append('*').append(T.get("meta", time(r.report().generatedAt()), r.incident().id(), inert(r.incident().scope()))).append("*\n\n");

        md.append("## ").append(T.get("section.summary")).append("\n\n");
        fact(md, "fact.opened", by(r.incident().openedAt(), inert(r.incident().openedBy())));
        fact(md, "fact.closed", r.incident().closedAt().map(t -> by(t, inert(r.incident().closedBy()))).orElse(T.get("value.stillOpen")));
        fact(md, "fact.duration", IncidentReport.human(f.duration()));
        fact(md, "fact.services", r.servicesAffected().isEmpty() ? T.get("value.noneRecorded") : inert(String.join(", ", r.servicesAffected())));
        fact(md, "fact.alerts", String.valueOf(f.alertsFired()));
        if (!r.incident().summary().isBlank()) fact(md, "fact.closingNote", inert(r.incident().summary()));
        md.append('\n').append(prompt).append(T.get("ask.summary.md")).append("\n\n");

        md.append("## ").append(T.get("section.impact")).append("\n\n");
        if (r.downtime().isEmpty()) md.append(T.get("impact.noDowntime")).append('\n');
        for (Map.Entry<String, java.time.Duration> d : r.downtime().entrySet()) {
            md.append("- ").append(T.get("impact.downFor", inert(d.getKey()), IncidentReport.human(d.getValue()))).append('\n');
        }
        md.append('\n').append(prompt).append(T.get("ask.impact.md")).append("\n\n");

        md.append("## ").append(T.get("section.detection")).append("\n\n");
        fact(md, "fact.firstSign", time(f.firstSign()) + " — " + inert(r.firstSignText()));
        fact(md, "fact.incidentOpened", by(r.incident().openedAt(), inert(r.incident().openedBy())));
        fact(md, "fact.timeToDetect", IncidentReport.human(f.timeToDetect()));
        md.append('\n').append(prompt).append(T.get("ask.detection.md")).append("\n\n");

        md.append("## ").append(T.get("section.timeline")).append("\n\n| ").append(T.get("column.time")).append(" | ").append(T.get("column.what"))
                .append(" | ").append(T.get("column.service")).append(" | ").append(T.get("column.detail")).append(" |\n|---|---|---|---|\n");
        for (IncidentReport.Line l : r.timeline()) {
            md.append("| ").append(CLOCK.format(l.at())).append(" | ").append(kind(l.kind())).append(" | ")
                    .append(cell(l.service())).append(" | ").append(cell(l.text())).append(l.attachment().isPresent() ? T.get("timeline.snapshotInHtml") : "")
                    .append(" |\n");
        }
        md.append('\n');

        md.append("## ").append(T.get("section.cause")).append("\n\n").append(prompt).append(T.get("ask.cause.md")).append("\n\n");

        md.append("## ").append(T.get("section.resolution")).append("\n\n");
        fact(md, "fact.runbooks", r.runbooksUsed().isEmpty() ? T.get("value.none") : inert(String.join("; ", r.runbooksUsed())));
        fact(md, "fact.recovered", f.recoveredAt().map(MarkdownExport::time).orElse(T.get("value.notRecorded")));
        fact(md, "fact.timeToRecover", f.timeToRecover().map(IncidentReport::human).orElse(T.get("value.notRecorded")));
        md.append('\n').append(prompt).append(T.get("ask.resolution.md")).append("\n\n");

        md.append("## ").append(T.get("section.well")).append("\n\n").append(prompt).append("…\n\n");
        md.append("## ").append(T.get("section.badly")).append("\n\n").append(prompt).append("…\n\n");
        md.append("## ").append(T.get("section.actions")).append("\n\n| ").append(T.get("column.action")).append(" | ").append(T.get("column.owner"))
                .append(" | ").append(T.get("column.due")).append(" |\n|---|---|---|\n| ✍ | | |\n\n");
        if (lessons()) md.append("## ").append(T.get("section.lessons")).append("\n\n").append(prompt).append(T.get("ask.lessons")).append("\n\n");
        md.append("---\n\n").append(r.redactionNote()).append('\n');
        return md.toString();
    }

    private static void fact(StringBuilder md, String key, String value) {
        md.append("- **").append(T.get(key)).append(":** ").append(value).append('\n');
    }

    private static String cell(String text) {
        return inert(text).replace("|", "\\|");
    }

    /**
     * Text from outside (alert annotations, notes, container output) made inert for any Markdown renderer: one line
     * (no block syntax, so no link definition either), no HTML ({@code <script>}, {@code <img onerror=…>}, autolinks), and no
     * inline link or image ({@code [x](javascript:…)}, {@code ![x](http://…)} fetched on viewing).
     */
    static String inert(String text) {
        if (text == null) return "";
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ')
                .replace("<", "&lt;").replace(">", "&gt;")
                .replace("](", "]\\(")
                .replaceAll("(?i)javascript:", "javascript\\\\:");
    }
}
