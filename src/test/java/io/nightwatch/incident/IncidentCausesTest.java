package io.nightwatch.incident;

import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.Incident;
import io.nightwatch.store.IncidentEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The night of issue 18 on a real history database: a missing Loki opens incident #1 with its four related alerts;
 * a Redis crash minutes later is about something else and gets its own incident, which its resolve and its tile
 * changes join; failures that start together stay one incident.
 */
class IncidentCausesTest {

    private static final Instant T0 = Instant.parse("2026-12-06T03:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aLaterOutageAboutSomethingElseGetsItsOwnIncident() {
        try (AlertStore store = AlertStore.open(dir.resolve("alerts.db"))) {
            MovingClock clock = new MovingClock(T0);
            IncidentRecorder recorder = new IncidentRecorder(store.incidents(), clock);
            recorder.statesChanged(List.of(alert(1, "LokiDown", "critical", "loki", T0, AlertState.FIRING),
                    alert(2, "NightwatchServiceDown", "critical", "loki", T0.plusSeconds(1), AlertState.FIRING),
                    alert(3, "NightwatchBackupOverdue", "warning", "loki", T0.plusSeconds(2), AlertState.FIRING),
                    alert(4, "NightwatchFlowStalled", "warning", "loki", T0.plusSeconds(40), AlertState.FIRING)));
            Incident loki = store.incidents().openFor(IncidentRecorder.STACK).orElseThrow();
            assertEquals("LokiDown on loki", loki.title());
            assertEquals(4, fired(store, loki).size(), "the four alerts about loki are one incident");

            clock.now = T0.plusSeconds(240);
            recorder.statesChanged(List.of(alert(5, "NightwatchServiceDown", "critical", "redis", T0.plusSeconds(240), AlertState.FIRING)));
            Incident redis = store.incidents().openFor("stack/redis").orElseThrow();
            assertNotEquals(loki.id(), redis.id());
            assertEquals("NightwatchServiceDown on redis", redis.title());
            assertEquals(4, fired(store, loki).size(), "the Redis crash did not join the Loki incident");

            AlertOccurrence resolved = alert(5, "NightwatchServiceDown", "critical", "redis", T0.plusSeconds(240), AlertState.RESOLVED);
            recorder.statesChanged(List.of(resolved));
            assertTrue(store.incidents().events(redis.id()).stream().anyMatch(e -> e.kind() == IncidentEvent.Kind.ALERT_RESOLVED));

            // a restarted recorder reads the causes back from the timelines
            IncidentRecorder restarted = new IncidentRecorder(store.incidents(), Clock.fixed(T0.plusSeconds(400), ZoneOffset.UTC));
            restarted.statesChanged(List.of(alert(6, "NightwatchOOMKilled", "critical", "redis", T0.plusSeconds(390), AlertState.FIRING)));
            assertEquals(Set.of("stack", "stack/redis"), Set.copyOf(store.incidents().list().stream().map(Incident::scope).toList()));
            assertEquals(2, fired(store, redis).size());
        }
    }

    @Test
    void failuresStartingTogetherAreOneIncident() {
        try (AlertStore store = AlertStore.open(dir.resolve("alerts.db"))) {
            IncidentRecorder recorder = new IncidentRecorder(store.incidents(), Clock.fixed(T0, ZoneOffset.UTC));
            recorder.statesChanged(List.of(alert(1, "NightwatchServiceDown", "critical", "loki", T0, AlertState.FIRING),
                    alert(2, "NightwatchServiceDown", "critical", "grafana", T0.plusSeconds(3), AlertState.FIRING)));
            assertEquals(1, store.incidents().list().size());
        }
    }

    /** Prometheus' own LokiDown keeps firing for a Loki the profile says is not deployed: no incident, no notice. */
    @Test
    void alertsAboutAServiceNotDeployedHereRaiseNothing() throws Exception {
        io.nightwatch.stack.StackProfile profile = io.nightwatch.stack.ProfileLoader.parse(dir.resolve("profile.yaml"), """
                hosts:
                  - name: local
                    notDeployed: [loki]
                """);
        io.nightwatch.alerts.NotDeployedAlerts quiet = new io.nightwatch.alerts.NotDeployedAlerts(profile, io.nightwatch.stack.NotDeployed.of(profile));
        AlertOccurrence lokiDown = alert(1, "LokiDown", "critical", "loki", T0, AlertState.FIRING);
        AlertOccurrence redisDown = alert(2, "NightwatchServiceDown", "critical", "redis", T0.plusSeconds(60), AlertState.FIRING);
        assertTrue(quiet.test(lokiDown));
        assertFalse(quiet.test(redisDown));
        try (AlertStore store = AlertStore.open(dir.resolve("alerts.db"))) {
            IncidentRecorder recorder = new IncidentRecorder(store.incidents(), Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC)).quiet(quiet);
            recorder.statesChanged(List.of(lokiDown));
            assertTrue(store.incidents().list().isEmpty(), "a Loki that is not deployed opens no incident");
            recorder.statesChanged(List.of(redisDown));
            Incident redis = store.incidents().openFor(IncidentRecorder.STACK).orElseThrow();
            assertEquals("NightwatchServiceDown on redis", redis.title());
        }
        io.nightwatch.alerts.AlertNotifier notifier = new io.nightwatch.alerts.AlertNotifier(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
        notifier.setQuiet(quiet);
        assertEquals(List.of("CRITICAL: NightwatchServiceDown (redis)"),
                notifier.offer(List.of(lokiDown, redisDown)).stream().map(io.nightwatch.alerts.AlertNotifier.Notice::title).toList());
    }

    private static final class MovingClock extends Clock {
        Instant now;
        MovingClock(Instant now) { this.now = now; }
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private static List<IncidentEvent> fired(AlertStore store, Incident incident) {
        return store.incidents().events(incident.id()).stream().filter(e -> e.kind() == IncidentEvent.Kind.ALERT_FIRED).toList();
    }

    private static AlertOccurrence alert(long id, String name, String severity, String service, Instant at, AlertState state) {
        Map<String, String> labels = Map.of("alertname", name, "severity", severity, "service", service);
        return new AlertOccurrence(id, String.format("%016x", id), name, severity, service, labels, Map.of("summary", service + " trouble"),
                state, at, state == AlertState.RESOLVED ? Optional.of(at.plusSeconds(30)) : Optional.empty(), "nightwatch",
                Set.of("nightwatch"), at, at, Optional.empty(), "", "");
    }
}
