package io.nightwatch.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nightwatch.redact.Redactor;

import java.util.List;

/**
 * The audit as JSON (the CLI's contract), Markdown and HTML (the review's checklist table: category, check, status,
 * risk, evidence; fixes below). Every text passes through the incident {@link Redactor} first; HTML is escaped.
 */
public final class AuditDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        md.append("# Readiness audit\n\n");
        md.append("Taken ").append(report.takenAt()).append(". **Verdict: ").append(report.verdict().name()).append("** · score ")
                .append(report.ok()).append(" / ").append(report.total()).append(" OK\n\n");
        md.append("| Phase | Verdict |\n|---|---|\n");
        for (Phase p : Phase.values()) md.append("| ").append(p.key()).append(" | ").append(report.phases().get(p).name()).append(" |\n");
        md.append("\n| Category | Check | Subject | Status | Risk | Evidence |\n|---|---|---|---|---|---|\n");
        for (AuditItem i : report.items()) {
            md.append("| ").append(cell(i.category().words())).append(" | ").append(cell(check(i))).append(" | ").append(cell(i.subject()))
                    .append(" | ").append(i.status().name()).append(" | ").append(i.risk().word()).append(" | ")
                    .append(cell(redactor.text(i.evidence()))).append(" |\n");
        }
        List<AuditItem> open = report.items().stream().filter(i -> !i.ok() && !i.fix().isBlank()).toList();
        if (!open.isEmpty()) {
            md.append("\n## Fixes\n");
            for (AuditItem i : open) {
                md.append("\n### ").append(cell(i.id())).append(" (").append(i.status().name()).append(", ").append(i.risk().word()).append(")\n\n");
                i.runbook().ifPresent(r -> md.append("Runbook: `").append(r).append("` (docs/operations/").append(r).append(".md)\n\n"));
                md.append("```\n").append(redactor.text(i.fix()).replace("```", "'''")).append("\n```\n");
            }
        }
        appendRedactionNote(md, redactor, "\n_", "_\n");
        return md.toString();
    }

    public static String html(AuditReport report) {
        Redactor redactor = new Redactor();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Readiness audit</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}")
                .append("th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f0f0f0}")
                .append(".OK,.READY{color:#1b7f3b}.RISK,.MISSING,.NOT_READY{color:#b3261e;font-weight:bold}.UNKNOWN,.CONDITIONAL{color:#8a6d00}")
                .append("pre{background:#f6f6f6;padding:6px;white-space:pre-wrap}</style></head><body>\n");
        h.append("<h1>Readiness audit</h1>\n<p>Taken ").append(esc(report.takenAt().toString())).append(". <strong>Verdict: ")
                .append(report.verdict().name()).append("</strong> · score ").append(report.ok()).append(" / ").append(report.total())
                .append(" OK</p>\n<table style=\"width:auto\"><tr><th>Phase</th><th>Verdict</th></tr>\n");
        for (Phase p : Phase.values()) {
            h.append("<tr><td>").append(p.key()).append("</td><td class=\"").append(report.phases().get(p).name()).append("\">")
                    .append(report.phases().get(p).name()).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Checklist</h2>\n<table><tr><th>Category</th><th>Check</th><th>Subject</th><th>Status</th><th>Risk</th>")
                .append("<th>Evidence</th><th>Fix</th></tr>\n");
        for (AuditItem i : report.items()) {
            h.append("<tr><td>").append(esc(i.category().words())).append("</td><td>").append(esc(check(i))).append("</td><td>")
                    .append(esc(i.subject())).append("</td><td class=\"").append(i.status().name()).append("\">").append(i.status().name())
                    .append("</td><td>").append(i.risk().word()).append("</td><td>").append(esc(redactor.text(i.evidence()))).append("</td><td>");
            if (!i.fix().isBlank()) h.append("<pre>").append(esc(redactor.text(i.fix()))).append("</pre>");
            i.runbook().ifPresent(r -> h.append("Runbook: ").append(esc(r)));
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
        appendRedactionNote(h, redactor, "<p><em>", "</em></p>\n");
        return h.append("</body></html>\n").toString();
    }

    private static void appendRedactionNote(StringBuilder out, Redactor redactor, String open, String close) {
        if (redactor.found().isEmpty()) return;
        out.append(open).append("Redacted: ").append(String.join("; ", redactor.found().stream().map(io.nightwatch.redact.Kind::words).toList())).append(close);
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
