package io.nightwatch.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nightwatch.redact.Redactor;
import io.nightwatch.text.Formats;
import io.nightwatch.text.Language;
import io.nightwatch.text.Texts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The audit as JSON (the CLI's contract), Markdown and HTML (the review's checklist table: category, check, status,
 * risk, evidence; fixes below). Every text passes through the incident {@link Redactor} first; HTML is escaped. JSON is
 * for tools and stays English whatever the language; Markdown and HTML are for people and speak the current one.
 */
public final class AuditDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Texts T = Texts.of(AuditDocuments.class);

    private AuditDocuments() {}

    /** {@code {takenAt, verdict, phases, score, items[{id, category, subject, status, risk, evidence, fix, runbook?}]}}. */
    public static ObjectNode json(AuditReport report) {
        Redactor redactor = new Redactor();
        ObjectNode root = JSON.createObjectNode();
        root.put("takenAt", report.takenAt().toString());
        root.put("verdict", report.verdict().name());
        ObjectNode phases = root.putObject("phases");
        for (Phase p : Phase.values()) phases.put(p.key(), report.phases().get(p).name());
        ObjectNode score = root.putObject("score");
        score.put("ok", report.ok());
        score.put("total", report.total());
        ArrayNode items = root.putArray("items");
        for (AuditItem i : report.items()) {
            ObjectNode n = items.addObject();
            n.put("id", i.id());
            n.put("category", i.category().words());
            n.put("subject", i.subject());
            n.put("status", i.status().name());
            n.put("risk", i.risk().word());
            n.put("evidence", redactor.text(i.evidence()));
            n.put("fix", redactor.text(i.fix()));
            i.runbook().ifPresent(r -> n.put("runbook", r));
        }
        if (!report.unreachableHosts().isEmpty()) {
            ArrayNode hosts = root.putArray("unreachableHosts");
            report.unreachableHosts().forEach(hosts::add);
        }
        return root;
    }

    /** The compact history record: which item had which status, without evidence. */
    public static String itemStates(AuditReport report) {
        ArrayNode a = JSON.createArrayNode();
        for (AuditItem i : report.items()) a.addObject().put("id", i.id()).put("status", i.status().name()).put("risk", i.risk().word());
        return a.toString();
    }

    public static String markdown(AuditReport report) {
        Redactor redactor = new Redactor();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(T.get("report.title")).append("\n\n");
        md.append(T.get("report.taken")).append(' ').append(when(report.takenAt())).append(". **").append(T.get("report.verdict")).append(": ")
                .append(verdict(report.verdict())).append("** · ").append(T.get("report.score")).append(' ')
                .append(report.ok()).append(" / ").append(report.total()).append(" OK\n\n");
        md.append("| ").append(T.get("report.phase")).append(" | ").append(T.get("report.verdict")).append(" |\n|---|---|\n");
        for (Phase p : Phase.values()) md.append("| ").append(phase(p)).append(" | ").append(verdict(report.phases().get(p))).append(" |\n");
        md.append("\n| ").append(String.join(" | ", T.get("report.category"), T.get("report.check"), T.get("report.subject"),
                T.get("report.status"), T.get("report.risk"), T.get("report.evidence"))).append(" |\n|---|---|---|---|---|---|\n");
        for (AuditItem i : report.items()) {
            md.append("| ").append(cell(i.category().text())).append(" | ").append(cell(check(i))).append(" | ").append(cell(i.subject()))
                    .append(" | ").append(i.status().text()).append(" | ").append(i.risk().text()).append(" | ")
                    .append(cell(redactor.text(i.evidenceText()))).append(" |\n");
        }
        List<AuditItem> open = report.items().stream().filter(i -> !i.ok() && !i.fix().isBlank()).toList();
        if (!open.isEmpty()) {
            md.append("\n## ").append(T.get("report.fixes")).append("\n");
            for (AuditItem i : open) {
                md.append("\n### ").append(cell(i.id())).append(" (").append(i.status().text()).append(", ").append(i.risk().text()).append(")\n\n");
                i.runbook().ifPresent(r -> md.append(T.get("report.runbook.md", r)).append("\n\n"));
                md.append("```\n").append(redactor.text(i.fixText()).replace("```", "'''")).append("\n```\n");
            }
        }
        appendRedactionNote(md, redactor, "\n_", "_\n");
        return md.toString();
    }

    public static String html(AuditReport report) {
        Redactor redactor = new Redactor();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"").append(Language.current().tag()).append("\"><head><meta charset=\"utf-8\"><title>") // tool text
                .append(esc(T.get("report.title"))).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}") // tool text
                .append("th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f0f0f0}") // tool text
                .append(".OK,.READY{color:#1b7f3b}.RISK,.MISSING,.NOT_READY{color:#b3261e;font-weight:bold}.UNKNOWN,.CONDITIONAL{color:#8a6d00}")
                .append("pre{background:#f6f6f6;padding:6px;white-space:pre-wrap}</style></head><body>\n");
        h.append("<h1>").append(esc(T.get("report.title"))).append("</h1>\n<p>").append(esc(T.get("report.taken"))).append(' ')
                .append(esc(when(report.takenAt()))).append(". <strong>").append(esc(T.get("report.verdict"))).append(": ")
                .append(esc(verdict(report.verdict()))).append("</strong> · ").append(esc(T.get("report.score"))).append(' ').append(report.ok())
                .append(" / ").append(report.total()).append(" OK</p>\n<table style=\"width:auto\"><tr><th>").append(esc(T.get("report.phase"))) // tool text
                .append("</th><th>").append(esc(T.get("report.verdict"))).append("</th></tr>\n");
        for (Phase p : Phase.values()) {
            h.append("<tr><td>").append(esc(phase(p))).append("</td><td class=\"").append(report.phases().get(p).name()).append("\">") // tool text
                    .append(esc(verdict(report.phases().get(p)))).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>").append(esc(T.get("report.checklist"))).append("</h2>\n<table><tr>");
        for (String head : List.of("report.category", "report.check", "report.subject", "report.status", "report.risk", "report.evidence", "report.fix")) {
            h.append("<th>").append(esc(T.get(head))).append("</th>");
        }
        h.append("</tr>\n");
        for (AuditItem i : report.items()) {
            h.append("<tr><td>").append(esc(i.category().text())).append("</td><td>").append(esc(check(i))).append("</td><td>")
                    .append(esc(i.subject())).append("</td><td class=\"").append(i.status().name()).append("\">").append(esc(i.status().text())) // tool text
                    .append("</td><td>").append(esc(i.risk().text())).append("</td><td>").append(esc(redactor.text(i.evidenceText()))).append("</td><td>");
            if (!i.fix().isBlank()) h.append("<pre>").append(esc(redactor.text(i.fixText()))).append("</pre>");
            i.runbook().ifPresent(r -> h.append(esc(T.get("report.runbook.html", r))));
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
        appendRedactionNote(h, redactor, "<p><em>", "</em></p>\n");
        return h.append("</body></html>\n").toString();
    }

    /** The moment as the English report always gave it (ISO-8601); in German the reader's date form, in UTC. */
    private static String when(Instant at) {
        return Language.current() == Language.EN ? at.toString() : Formats.dateTimeSeconds(at, ZoneOffset.UTC) + " UTC";
    }

    /** "NOT_READY" in the English report (as it always read), "NICHT BEREIT" in German. */
    static String verdict(Verdict v) {
        return T.get(AuditItem.key("verdict", v));
    }

    static String phase(Phase p) {
        return T.get(AuditItem.key("phase", p));
    }

    private static void appendRedactionNote(StringBuilder out, Redactor redactor, String open, String close) {
        if (redactor.found().isEmpty()) return;
        out.append(open).append(T.get("report.redacted")).append(": ").append(String.join("; ", redactor.found().stream().map(io.nightwatch.redact.Kind::words).toList())).append(close);
    }

    /** The check part of the id ({@code memory-limit} of {@code memory-limit:local/redis}). */
    static String check(AuditItem i) {
        int colon = i.id().indexOf(':');
        return colon < 0 ? i.id() : i.id().substring(0, colon);
    }

    private static String cell(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|").replace("\r", "")
                .replace("\n", "<br>");
    }

    static String esc(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
