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

    private Path night(AlertStore store) throws Exception {
        IncidentStore incidents = store.incidents();
        Incident i = incidents.openOrGet("stack", "NightwatchServiceDown on redis", "nightwatch (first critical alert: NightwatchServiceDown)",
                T0.plusSeconds(20));
        incidents.add(i.id(), IncidentEvent.of(T0.plusSeconds(5), IncidentEvent.Kind.STATE_CHANGED, "redis",
                "redis UP → DOWN: exited (code 137)", Map.of("from", "UP", "to", "DOWN")));
        incidents.add(i.id(), IncidentEvent.of(T0.plusSeconds(10), IncidentEvent.Kind.ALERT_FIRED, "redis",
                "fired: NightwatchServiceDown (critical) — redis is down; GF_SECURITY_ADMIN_PASSWORD=hunter2-admin-pw user_id=4711 session_id=s3ss10n-abcdef",
                Map.of("alertId", "1", "alertname", "NightwatchServiceDown", "severity", "critical", "startsAt", T0.plusSeconds(10).toString())));
        incidents.add(i.id(), IncidentEvent.of(T0.plusSeconds(60), IncidentEvent.Kind.NOTE, "",
                "alice: paged oncall.lead@example.org; webhook https://hooks.slack.com/services/T000/B000/XXXX; Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.tok3n.sig",
                Map.of("by", "alice")));
        incidents.add(i.id(), IncidentEvent.of(T0.plusSeconds(300), IncidentEvent.Kind.STATE_CHANGED, "redis",
                "redis DOWN → UP: up 2 s, PONG in 1 ms", Map.of("from", "DOWN", "to", "UP")));
        incidents.add(i.id(), IncidentEvent.of(T0.plusSeconds(310), IncidentEvent.Kind.ALERT_RESOLVED, "redis",
                "resolved: NightwatchServiceDown (critical)", Map.of("alertId", "1", "alertname", "NightwatchServiceDown")));
        incidents.sample(i.id(), Map.of("redis · Redis ops/s (ops/s)", 0.0), T0.plusSeconds(30));
        incidents.sample(i.id(), Map.of("redis · Redis ops/s (ops/s)", 120.0), T0.plusSeconds(320));
        incidents.close(i.id(), "alice", "restored from last night's set; redis://:redis-pass-77@127.0.0.1:6379 checked", T0.plusSeconds(400));
        // a restore run, as its journal tells it, with a log line that carries secrets
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Files.writeString(runs.resolve("20261127-030200-restore-abc123.jsonl"), String.join("\n",
                "{\"at\":\"2026-11-27T03:02:00Z\",\"event\":\"run-started\",\"runId\":\"20261127-030200-restore-abc123\",\"runbook\":\"restore\",\"title\":\"Restore services from a backup set\",\"params\":{},\"steps\":[\"stop-redis\"]}",
                "{\"at\":\"2026-11-27T03:02:01Z\",\"event\":\"step-started\",\"step\":\"stop-redis\",\"index\":0,\"title\":\"Stop redis gracefully\"}",
                "{\"at\":\"2026-11-27T03:02:02Z\",\"event\":\"output\",\"step\":\"stop-redis\",\"line\":\"container log: client ip=10.20.30.40 requirepass redis-pass-77\"}",
                "{\"at\":\"2026-11-27T03:02:03Z\",\"event\":\"step-finished\",\"step\":\"stop-redis\",\"index\":0,\"tookMs\":2000}",
                "{\"at\":\"2026-11-27T03:04:50Z\",\"event\":\"run-finished\",\"outcome\":\"SUCCEEDED\",\"tookMs\":170000}") + "\n");
        return runs;
    }

    @Test
    void theNightIsExportedInOrderWithItsDurationsAndNoSecret() throws Exception {
        Path db = dir.resolve("alerts.db");
        Path runs;
        try (AlertStore store = AlertStore.open(db)) {
            runs = night(store);
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
                incidents.export(i.id(), format, out);
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
        assertTrue(r.found().contains(Redactor.Kind.FORBIDDEN_LABEL));
    }
}
