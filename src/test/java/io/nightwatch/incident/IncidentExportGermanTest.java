package io.nightwatch.incident;

import io.nightwatch.incident.export.IncidentExport;
import io.nightwatch.redact.Kind;
import io.nightwatch.redact.SecretCorpus;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.Incident;
import io.nightwatch.store.IncidentEvent;
import io.nightwatch.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The post-mortem written in German: the German headings in the usual order (with lessons learned and the action table
 * with owner and due date), German dates, and secrets still redacted — the redaction goes by patterns, not by words.
 * The JSON export stays the same in either language (it is for tools).
 */
class IncidentExportGermanTest {

    private static final Instant T0 = Instant.parse("2026-11-27T03:00:00Z");

    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        Language.use(Language.EN);
    }

    @Test
    void markdownAndHtmlAreWrittenInGermanAndStillRedacted() throws Exception {
        SecretCorpus.Entry password = secretOf(Kind.PASSWORD);
        SecretCorpus.Entry webhook = secretOf(Kind.WEBHOOK_URL);
        Path md = dir.resolve("postmortem.md");
        Path html = dir.resolve("postmortem.html");
        String jsonGerman;
        String jsonEnglish;
        try (AlertStore store = AlertStore.open(dir.resolve("alerts.db"))) {
            IncidentReport report = night(store, dir.resolve("runs"), password.text(), webhook.text());
            Language.use(Language.DE);
            IncidentExport.write(report, IncidentExport.Format.MARKDOWN, md);
            IncidentExport.write(report, IncidentExport.Format.HTML, html);
            jsonGerman = IncidentExport.render(report, IncidentExport.Format.JSON);
            Language.use(Language.EN);
            jsonEnglish = IncidentExport.render(report, IncidentExport.Format.JSON);
        }
        String markdown = Files.readString(md, StandardCharsets.UTF_8);
        List<String> order = List.of("# Post-Mortem: NightwatchServiceDown on redis", "## Zusammenfassung", "## Auswirkung", "## Erkennung",
                "## Zeitlinie", "## Ursache", "## Behebung und Wiederherstellung", "## Was gut lief", "## Was schlecht lief", "## Maßnahmen",
                "## Erkenntnisse");
        int at = -1;
        for (String heading : order) {
            int next = markdown.indexOf(heading + "\n");
            assertTrue(next > at, "'" + heading + "' missing or out of order in:\n" + markdown);
            at = next;
        }
        assertTrue(markdown.contains("| Maßnahme | Verantwortlich | Termin |"), markdown);
        assertTrue(markdown.contains("- **Eröffnet:** 27.11.2026 03:00:20 UTC von nightwatch"), markdown);
        assertTrue(markdown.contains("| Zeit (UTC) | Ereignis | Dienst | Details |"), markdown);
        assertTrue(markdown.contains("| Alarm aktiv |"), markdown);
        assertTrue(markdown.contains("> ✍ **Für das Team:**"), markdown);
        assertTrue(markdown.contains("Vor dem Export geschwärzt: "), markdown);
        assertFalse(markdown.contains("## Summary") || markdown.contains("What went well"), "no English headings left");

        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("<html lang=\"de\">"), "the page says its language");
        for (String heading : List.of("Zusammenfassung", "Auswirkung", "Zeitlinie", "Ursache", "Was gut lief", "Was schlecht lief", "Maßnahmen",
                "Erkenntnisse")) {
            assertTrue(page.contains("<h2>" + heading + "</h2>"), heading + " missing in the HTML");
        }
        assertTrue(page.contains("<th>Verantwortlich</th><th>Termin</th>"), "the action table names owner and due date");
        assertTrue(page.contains("<figcaption>Zustand der betroffenen Dienste"), "the chart is captioned in German");
        assertTrue(page.contains("Vor dem Export geschwärzt: "), "the redaction note is German");

        for (String text : List.of(markdown, page, jsonGerman)) {
            assertFalse(text.contains(password.secret()), "the password leaks");
            assertFalse(text.contains(webhook.secret()), "the webhook URL leaks");
        }
        assertEquals(jsonEnglish, jsonGerman, "JSON is for tools: the same in either language");
    }

    private static SecretCorpus.Entry secretOf(Kind kind) {
        return SecretCorpus.secrets().stream().filter(e -> e.kind() == kind).findFirst().orElseThrow();
    }

    /** A short night: redis goes down with a secret in its reason, an alert fires, a note carries a webhook URL, then it is closed. */
    private static IncidentReport night(AlertStore store, Path runs, String secretReason, String secretNote) throws Exception {
        var incidents = store.incidents();
        Incident i = incidents.openOrGet("stack", "NightwatchServiceDown on redis", "nightwatch (first critical alert: NightwatchServiceDown)",
                T0.plusSeconds(20));
        incidents.add(i.id(), IncidentEvent.of(T0.plusSeconds(5), IncidentEvent.Kind.STATE_CHANGED, "redis",
                "redis UP → DOWN: exited; " + secretReason, Map.of("from", "UP", "to", "DOWN")));
        incidents.add(i.id(), IncidentEvent.of(T0.plusSeconds(15), IncidentEvent.Kind.ALERT_FIRED, "redis",
                "fired: NightwatchServiceDown (critical)", Map.of("alertId", "a1", "alertname", "NightwatchServiceDown")));
        incidents.add(i.id(), IncidentEvent.of(T0.plusSeconds(60), IncidentEvent.Kind.NOTE, "", "alice: " + secretNote, Map.of("by", "alice")));
        incidents.add(i.id(), IncidentEvent.of(T0.plusSeconds(300), IncidentEvent.Kind.STATE_CHANGED, "redis",
                "redis DOWN → UP: running", Map.of("from", "DOWN", "to", "UP")));
        incidents.close(i.id(), "alice", "restarted redis", T0.plusSeconds(400));
        Files.createDirectories(runs);
        return new Incidents(store, runs, Clock.fixed(T0.plusSeconds(1000), ZoneOffset.UTC)).report(i.id());
    }
}
