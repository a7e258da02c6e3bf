package io.nightwatch.incident.export;

import io.nightwatch.incident.IncidentReport;
import io.nightwatch.store.IncidentStore;
import io.nightwatch.text.Language;
import io.nightwatch.text.Texts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML file (inline CSS, charts as PNG data URIs, no script, nothing fetched): the post-mortem
 * draft of {@link MarkdownExport} with the health timeline of the affected services, the sampled rates around the
 * incident and any dashboard snapshots attached.
 */
final class HtmlExport {

    private static final Texts T = Texts.of(HtmlExport.class);
    private static final int MAX_SPARKLINES = 8;

    private HtmlExport() {}

    static String write(RedactedReport r) {
        IncidentReport.Facts f = r.report().facts();
        Instant from = f.firstSign().isBefore(r.incident().openedAt()) ? f.firstSign() : r.incident().openedAt();
        Instant to = r.incident().closedAt().orElse(r.report().generatedAt());
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"").append(Language.current().tag()).append("\"><head><meta charset=\"utf-8\"><title>") // tool text
                .append(esc(T.get("title", r.incident().title()))).append("</title>\n<style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>").append(esc(T.get("title", r.incident().title()))).append("</h1>\n");
        h.append("<p class=\"meta\">").append(esc(T.get("meta", MarkdownExport.time(r.report().generatedAt()), r.incident().id(), r.incident().scope())))
                .append("</p>\n");

        heading(h, "section.summary");
        h.append("<table class=\"facts\">"); // tool text
        row(h, "fact.opened", MarkdownExport.by(r.incident().openedAt(), r.incident().openedBy()));
        row(h, "fact.closed", r.incident().closedAt().map(t -> MarkdownExport.by(t, r.incident().closedBy())).orElse(T.get("value.stillOpen")));
        row(h, "fact.duration", IncidentReport.human(f.duration()));
        row(h, "fact.services", r.servicesAffected().isEmpty() ? T.get("value.noneRecorded") : String.join(", ", r.servicesAffected()));
        row(h, "fact.alerts", String.valueOf(f.alertsFired()));
        row(h, "fact.firstSign", MarkdownExport.time(f.firstSign()) + " — " + r.firstSignText());
        row(h, "fact.timeToDetect", IncidentReport.human(f.timeToDetect()));
        row(h, "fact.recovered", f.recoveredAt().map(MarkdownExport::time).orElse(T.get("value.notRecorded")));
        row(h, "fact.timeToRecover", f.timeToRecover().map(IncidentReport::human).orElse(T.get("value.notRecorded")));
        row(h, "fact.runbooks", r.runbooksUsed().isEmpty() ? T.get("value.none") : String.join("; ", r.runbooksUsed()));
        if (!r.incident().summary().isBlank()) row(h, "fact.closingNote", r.incident().summary());
        h.append("</table>\n");
        prompt(h, T.get("ask.summary.html"));

        heading(h, "section.impact");
        List<String> services = new ArrayList<>(r.servicesAffected());
        List<Charts.Band> bands = bands(r, from, to, services);
        if (!services.isEmpty()) {
            h.append("<figure><img alt=\"").append(esc(T.get("html.healthAlt"))).append("\" src=\"") // tool text
                    .append(dataUri(Charts.healthTimeline(services, bands, from, to))).append("\"><figcaption>")
                    .append(esc(T.get(r.incident().closedAt().isPresent() ? "html.healthCaption.closed" : "html.healthCaption.open")))
                    .append("</figcaption></figure>\n");
        }
        h.append("<ul>");
        if (r.downtime().isEmpty()) h.append("<li>").append(esc(T.get("impact.noDowntime"))).append("</li>");
        r.downtime().forEach((s, d) -> h.append("<li>").append(esc(T.get("impact.downFor", s, IncidentReport.human(d)))).append("</li>"));
        h.append("</ul>\n");
        prompt(h, T.get("ask.impact.html"));
        sparklines(h, r, services, from, to);

        heading(h, "section.detection");
        prompt(h, T.get("ask.detection.html"));

        heading(h, "section.timeline");
        h.append("<table class=\"timeline\"><tr>"); // tool text
        for (String column : List.of("column.time", "column.what", "column.service", "column.detail")) h.append("<th>").append(esc(T.get(column))).append("</th>");
        h.append("</tr>\n");
        for (IncidentReport.Line l : r.timeline()) {
            h.append("<tr class=\"").append(l.kind().toLowerCase(Locale.ROOT)).append("\"><td>").append(MarkdownExport.CLOCK.format(l.at())).append("</td><td>") // tool text
                    .append(esc(MarkdownExport.kind(l.kind()))).append("</td><td>").append(esc(l.service())).append("</td><td>")
                    .append(esc(l.text()));
            l.attachment().ifPresent(png -> h.append("<br><img class=\"snapshot\" alt=\"").append(esc(T.get("html.snapshotAlt"))).append("\" src=\"") // tool text
                    .append(dataUri(png)).append("\">"));
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");

        heading(h, "section.cause");
        prompt(h, T.get("ask.cause.html"));
        heading(h, "section.resolution");
        prompt(h, T.get("ask.resolution.html"));
        heading(h, "section.well");
        prompt(h, "…");
        heading(h, "section.badly");
        prompt(h, "…");
        heading(h, "section.actions");
        h.append("<table class=\"facts\"><tr>"); // tool text
        for (String column : List.of("column.action", "column.owner", "column.due")) h.append("<th>").append(esc(T.get(column))).append("</th>");
        h.append("</tr><tr><td>✍</td><td></td><td></td></tr></table>\n");
        if (MarkdownExport.lessons()) {
            heading(h, "section.lessons");
            prompt(h, T.get("ask.lessons"));
        }
        h.append("<p class=\"redaction\">").append(esc(r.redactionNote())).append("</p>\n</body></html>\n");
        return h.toString();
    }

    /** Each affected service's states over the window, from its state changes (UP before the first, if unknown). */
    static List<Charts.Band> bands(RedactedReport r, Instant from, Instant to, List<String> services) {
        List<Charts.Band> bands = new ArrayList<>();
        Map<String, String> state = new LinkedHashMap<>();
        Map<String, Instant> since = new LinkedHashMap<>();
        for (IncidentReport.Line l : r.timeline()) {
            if (!l.kind().equals("STATE_CHANGED") || !services.contains(l.service())) continue;
            String[] words = l.text().split(" ");
            // "<service> UP → DOWN: reason"
            String before = words.length > 1 ? words[1] : "UNKNOWN";
            String after = words.length > 3 ? words[3].replace(":", "") : "UNKNOWN";
            bands.add(new Charts.Band(l.service(), state.getOrDefault(l.service(), before), since.getOrDefault(l.service(), from), l.at()));
            state.put(l.service(), after);
            since.put(l.service(), l.at());
        }
        for (String s : services) bands.add(new Charts.Band(s, state.getOrDefault(s, "UNKNOWN"), since.getOrDefault(s, from), to));
        return bands;
    }

    private static void sparklines(StringBuilder h, RedactedReport r, List<String> services, Instant from, Instant to) {
        int shown = 0;
        StringBuilder figures = new StringBuilder();
        for (Map.Entry<String, List<IncidentStore.Sample>> s : r.samples().entrySet()) {
            if (shown >= MAX_SPARKLINES || s.getValue().size() < 2) continue;
            String service = s.getKey().contains(" · ") ? s.getKey().substring(0, s.getKey().indexOf(" · ")) : s.getKey();
            if (!services.isEmpty() && !services.contains(service)) continue;
            figures.append("<img alt=\"").append(esc(s.getKey())).append("\" src=\"") // tool text
                    .append(dataUri(Charts.sparkline(s.getKey(), s.getValue(), from, to))).append("\">");
            shown++;
        }
        if (shown > 0) h.append("<h3>").append(esc(T.get("html.flow"))).append("</h3>\n<div class=\"sparklines\">").append(figures).append("</div>\n"); // tool text
    }

    private static void heading(StringBuilder h, String key) {
        h.append("<h2>").append(esc(T.get(key))).append("</h2>\n");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(esc(T.get(key))).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    private static void prompt(StringBuilder h, String text) {
        h.append("<p class=\"prompt\">✍ <strong>").append(esc(T.get("prompt"))).append("</strong> ").append(esc(text)).append("</p>\n");
    }

    private static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The page's style, kept beside the bundles as a file (CSS is for the browser, not a word for people). */
    private static final String CSS = css();

    private static String css() {
        try (var in = HtmlExport.class.getResourceAsStream("post-mortem.css")) {
            if (in == null) throw new IllegalStateException("post-mortem.css missing from the build");
            return new String(in.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
