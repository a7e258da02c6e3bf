package io.nightwatch.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightwatch.incident.export.IncidentExport;
import io.nightwatch.redact.Kind;
import io.nightwatch.redact.SecretCorpus;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.Incident;
import io.nightwatch.store.IncidentEvent;
import io.nightwatch.store.IncidentStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The secret corpus planted everywhere an incident takes text from outside — alert names, labels and annotations,
 * state-change reasons, notes, the closing note, runbook titles and container output, series names — and exported in
 * every format: no secret survives, in any spelling the format gives it; ordinary operator text stays; and Markdown
 * comes out inert (no HTML, no link or image a viewer would follow or fetch).
 */
class IncidentExportRedactionTest {

    private static final Instant T0 = Instant.parse("2026-11-27T03:00:00Z");
    private static final String HOSTILE_MARKDOWN = "<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) "
            + "![x](http://evil.example/p.png) <javascript:alert(4)>";

    @TempDir
    static Path dir;

    private static final Map<IncidentExport.Format, String> EXPORTS = new EnumMap<>(IncidentExport.Format.class);

    @BeforeAll
    static void exportANightFullOfSecrets() throws Exception {
        List<SecretCorpus.Entry> secrets = SecretCorpus.secrets();
        Path runs = Files.createDirectories(dir.resolve("runs"));
        try (AlertStore store = AlertStore.open(dir.resolve("alerts.db"))) {
            IncidentStore incidents = store.incidents();
            Incident i = incidents.openOrGet("stack", "NightwatchServiceDown on redis " + HOSTILE_MARKDOWN,
                    "nightwatch (first critical alert: NightwatchServiceDown)", T0.plusSeconds(20));
            List<String> output = new ArrayList<>();
            StringBuilder closing = new StringBuilder("restored; ");
            for (int n = 0; n < secrets.size(); n++) {
                String text = secrets.get(n).text();
                Instant at = T0.plusSeconds(30 + n);
                switch (n % 6) {
                    case 0 -> incidents.add(i.id(), IncidentEvent.of(at, IncidentEvent.Kind.ALERT_FIRED, "redis",
                            "fired: NightwatchServiceDown (critical) — " + text, Map.of("alertId", "a" + n, "alertname", "NightwatchServiceDown")));
                    case 1 -> incidents.add(i.id(), IncidentEvent.of(at, IncidentEvent.Kind.STATE_CHANGED, "redis",
                            "redis UP → DOWN: " + text, Map.of("from", "UP", "to", "DOWN")));
                    case 2 -> incidents.add(i.id(), IncidentEvent.of(at, IncidentEvent.Kind.NOTE, "", "alice: " + text, Map.of("by", "alice")));
                    case 3 -> output.add(text);
                    case 4 -> closing.append(text).append("; ");
                    default -> { // a label value: the alert's service, and a series named after it
                        incidents.add(i.id(), IncidentEvent.of(at, IncidentEvent.Kind.ALERT_FIRED, text, "fired: X (critical)",
                                Map.of("alertId", "b" + n, "alertname", "X")));
                        incidents.sample(i.id(), Map.of(text + " · ops/s", 1.0 * n), at);
                    }
                }
            }
            for (String line : SecretCorpus.negatives()) {
                incidents.add(i.id(), IncidentEvent.of(T0.plusSeconds(200), IncidentEvent.Kind.NOTE, "", line, Map.of("by", "alice")));
            }
            incidents.add(i.id(), IncidentEvent.of(T0.plusSeconds(201), IncidentEvent.Kind.NOTE, "", HOSTILE_MARKDOWN, Map.of("by", "alice")));
            incidents.close(i.id(), "alice", closing.toString(), T0.plusSeconds(400));
            writeJournal(runs, output);
            IncidentReport report = new Incidents(store, runs, Clock.fixed(T0.plusSeconds(1000), ZoneOffset.UTC)).report(i.id());
            for (IncidentExport.Format f : IncidentExport.Format.values()) EXPORTS.put(f, IncidentExport.render(report, f));
        }
    }

    /** A restore run whose title and output lines carry secrets, as its journal tells it. */
    private static void writeJournal(Path runs, List<String> output) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        lines.add(json.writeValueAsString(entry("2026-11-27T03:02:00Z", "run-started", Map.of("runId", "20261127-030200-restore-abc123",
                "runbook", "restore", "title", "Restore with " + output.get(0), "params", Map.of(), "steps", List.of("stop-redis")))));
        lines.add(json.writeValueAsString(entry("2026-11-27T03:02:01Z", "step-started", Map.of("step", "stop-redis", "index", 0,
                "title", "Stop redis gracefully"))));
        for (String line : output) lines.add(json.writeValueAsString(entry("2026-11-27T03:02:02Z", "output", Map.of("step", "stop-redis", "line", line))));
        lines.add(json.writeValueAsString(entry("2026-11-27T03:04:50Z", "run-finished", Map.of("outcome", "SUCCEEDED", "tookMs", 170000))));
        Files.writeString(runs.resolve("20261127-030200-restore-abc123.jsonl"), String.join("\n", lines) + "\n");
    }

    private static Map<String, Object> entry(String at, String event, Map<String, Object> rest) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("at", at);
        e.put("event", event);
        e.putAll(rest);
        return e;
    }

    static Stream<Arguments> secretsInEveryFormat() {
        return Stream.of(IncidentExport.Format.values())
                .flatMap(f -> SecretCorpus.secrets().stream().map(e -> Arguments.of(f, e)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("secretsInEveryFormat")
    void noSecretSurvivesTheExport(IncidentExport.Format format, SecretCorpus.Entry e) {
        String text = EXPORTS.get(format);
        for (String spelling : spellings(e.secret())) assertFalse(text.contains(spelling), format + " leaks " + spelling);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void theExportSaysWhatItRemovedAndKeepsOrdinaryText(IncidentExport.Format format) {
        String text = EXPORTS.get(format);
        for (Kind k : Kind.values()) {
            if (k == Kind.SECRET_ENV) continue; // labels by key: not part of an incident's text
            String said = format == IncidentExport.Format.JSON ? "\"" + k.name() + "\"" : k.words();
            assertTrue(text.contains(said), format + " does not say it removed " + k);
        }
        for (String line : SecretCorpus.negatives()) {
            assertTrue(spellings(line).stream().anyMatch(text::contains), format + " lost ordinary text: " + line);
        }
        assertTrue(text.contains("Stop redis gracefully"), format.name());
    }

    static Stream<IncidentExport.Format> formats() {
        return Stream.of(IncidentExport.Format.values());
    }

    @Test
    void markdownIsInert() {
        String md = EXPORTS.get(IncidentExport.Format.MARKDOWN);
        assertFalse(md.contains("<script") || md.contains("<img") || md.contains("<javascript:"), "no HTML in the Markdown");
        assertFalse(md.contains("](javascript:") || md.contains("](http"), "no link or image a viewer would follow or fetch");
        assertTrue(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is still there, escaped");
        assertTrue(md.contains("![x]\\(http://evil.example/p.png)"), "the image is shown as text");
        String html = EXPORTS.get(IncidentExport.Format.HTML);
        assertFalse(html.contains("<script") || html.contains("<img src=x") || html.contains("href="), "the HTML export escapes it too");
    }

    /** The secret as each format might spell it: as is, HTML-escaped, JSON-escaped, in a Markdown table cell. */
    private static List<String> spellings(String s) {
        return List.of(s,
                s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;"),
                s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"),
                s.replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|"));
    }
}
