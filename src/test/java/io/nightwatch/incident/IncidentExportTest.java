package io.nightwatch.incident;

import io.nightwatch.incident.export.IncidentExport;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.Incident;
import io.nightwatch.store.IncidentEvent;
import io.nightwatch.store.IncidentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The incident store survives a restart; the exports put the facts in order with the right durations; and secrets
 * planted in alert text, a note and a runbook's output (a container log line) appear in no export format.
 */
class IncidentExportTest {

    private static final Instant T0 = Instant.parse("2026-11-27T03:00:00Z");
    private static final List<String> SECRETS = List.of("hunter2-admin-pw", "s3ss10n-abcdef", "eyJhbGciOiJIUzI1NiJ9.tok3n.sig",
            "https://hooks.slack.com/services/T000/B000/XXXX", "redis-pass-77", "oncall.lead@example.org", "10.20.30.40");

    @TempDir
    Path dir;

    @Test
    void theNightIsExportedInOrderWithItsDurationsAndNoSecret() throws Exception {
        Path db = dir.resolve("alerts.db");
        Path runs;
        try (AlertStore store = AlertStore.open(db)) {
            runs = Nights.record(store, dir);
        }
        try (AlertStore store = AlertStore.open(db)) { // survives a restart
            Incidents incidents = new Incidents(store, runs, Clock.fixed(T0.plusSeconds(1000), ZoneOffset.UTC));
            Incident i = incidents.list().get(0);
            assertFalse(i.open());
            IncidentReport report = incidents.report(i.id());
            IncidentReport.Facts f = report.facts();
            assertEquals(T0.plusSeconds(5), f.firstSign(), "the state change came before the alert's start");
            assertEquals(Duration.ofSeconds(15), f.timeToDetect());
            assertEquals(Optional.of(T0.plusSeconds(310)), f.recoveredAt());
            assertEquals(Optional.of(Duration.ofSeconds(305)), f.timeToRecover());
            assertEquals(Duration.ofSeconds(380), f.duration());
            assertEquals(Map.of("redis", Duration.ofSeconds(295)), f.downtime());
            assertEquals(List.of("Restore services from a backup set (succeeded, 2 min 50 s)"), f.runbooksUsed());
            List<String> kinds = report.timeline().stream().map(IncidentReport.Line::kind).toList();
            assertEquals(List.of("STATE_CHANGED", "ALERT_FIRED", "OPENED", "NOTE", "RUNBOOK", "RUNBOOK", "RUNBOOK", "RUNBOOK", "RUNBOOK",
                    "STATE_CHANGED", "ALERT_RESOLVED", "CLOSED"), kinds);

            for (IncidentExport.Format format : IncidentExport.Format.values()) {
                Path out = dir.resolve("postmortem." + format.extension());
                IncidentExport.write(incidents.report(i.id()), format, out);
                String text = Files.readString(out, StandardCharsets.UTF_8);
                for (String secret : SECRETS) assertFalse(text.contains(secret), format + " leaks " + secret);
                assertFalse(text.contains("4711"), format + " leaks a user_id");
                assertTrue(text.contains("o***@example.org"), format + ": e-mails are masked, not dropped");
                assertTrue(text.contains("NightwatchServiceDown"), format.name());
                assertTrue(text.contains("Stop redis gracefully"), format + ": the runbook's steps are on the timeline");
            }
            String md = Files.readString(dir.resolve("postmortem.md"));
            assertTrue(md.contains("- **Time to detect:** 15 s"), md);
            assertTrue(md.contains("- **Time to recover:** 5 min 5 s"), md);
            assertTrue(md.contains("- redis: not UP for 4 min 55 s"), md);
            assertTrue(md.indexOf("## Summary") < md.indexOf("## Impact") && md.indexOf("## Impact") < md.indexOf("## Detection")
                    && md.indexOf("## Detection") < md.indexOf("## Timeline") && md.indexOf("## Timeline") < md.indexOf("## Root cause")
                    && md.indexOf("## Root cause") < md.indexOf("## Resolution and recovery") && md.indexOf("## Action items") > 0, md);
            assertTrue(md.contains("✍ **For the team:**"), "judgement is left to the team");
            assertTrue(md.contains("Redacted before export:") && md.contains("e-mail addresses") && md.contains("bearer tokens")
                    && md.contains("webhook URLs"), md);
            String html = Files.readString(dir.resolve("postmortem.html"));
            assertTrue(html.contains("data:image/png;base64,"), "charts are inline");
            assertFalse(html.contains("<script") || html.contains("http://") && !html.contains("[redacted]"), "self-contained");
            String json = Files.readString(dir.resolve("postmortem.json"));
            assertTrue(json.contains("\"timeToRecoverMs\" : 305000"), json);
        }
    }

    @Test
    void redactionMasksWhatThePlatformForbids() {
        Redactor r = new Redactor();
        assertEquals("mail f***@example.com please", r.text("mail first.last@example.com please"));
        assertEquals("redis://[redacted]@db:6379/0", r.text("redis://:s3cr3t@db:6379/0"));
        assertEquals("GF_SECURITY_ADMIN_PASSWORD=[redacted] next", r.text("GF_SECURITY_ADMIN_PASSWORD=admin next"));
        assertEquals("Authorization: Bearer [redacted]", r.text("Authorization: Bearer abcdefghijklmnop"));
        assertEquals("the author wrote: fine", r.text("the author wrote: fine"), "an ordinary word is no secret");
        assertEquals(Map.of("alertname", "X", "user_id", "[redacted]", "api_key", "[redacted]", "workspace_id", "w1"),
                r.labels(Map.of("alertname", "X", "user_id", "42", "api_key", "k", "workspace_id", "w1")));
        assertTrue(r.found().contains(io.nightwatch.redact.Kind.FORBIDDEN_LABEL));
    }
}
