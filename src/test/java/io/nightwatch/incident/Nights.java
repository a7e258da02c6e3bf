package io.nightwatch.incident;

import io.nightwatch.store.AlertStore;
import io.nightwatch.store.Incident;
import io.nightwatch.store.IncidentEvent;
import io.nightwatch.store.IncidentStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** A recorded night for tests: Redis killed, an alert fired, a note with planted secrets, a restore, resolved, closed. */
public final class Nights {

    public static final Instant T0 = Instant.parse("2026-11-27T03:00:00Z");

    private Nights() {}

    /** Records a night into {@code store} and its restore run into {@code dir}/runs; returns the journal folder. */
    public static Path record(AlertStore store, Path dir) throws Exception {
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

}
