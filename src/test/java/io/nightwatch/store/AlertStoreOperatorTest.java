package io.nightwatch.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.nightwatch.store.AlertState.FIRING;
import static io.nightwatch.store.AlertState.RESOLVED;
import static io.nightwatch.store.Alerts.alert;
import static io.nightwatch.store.Alerts.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Acknowledgements, silences and retention. */
class AlertStoreOperatorTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    @TempDir
    Path dir;

    private AlertStore open() {
        return AlertStore.open(dir.resolve("alerts.db"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void anAcknowledgementIsStoredWithWhoWhenAndNote() {
        try (AlertStore store = open()) {
            long id = store.record(alert(labels("alertname", "A")).receivedAt(NOW).build()).id();
            assertEquals(Optional.empty(), store.get(id).orElseThrow().ack());
            store.acknowledge(id, "alice", "looking at the disk");
            assertEquals(Optional.of(new Acknowledgement("alice", NOW, "looking at the disk")),
                    store.get(id).orElseThrow().ack());
            store.acknowledge(id, "bob", null);
            assertEquals(Optional.of(new Acknowledgement("bob", NOW, "")), store.get(id).orElseThrow().ack());
            // Searches carry it too.
            assertEquals("bob", store.search(AlertQuery.all()).get(0).ack().orElseThrow().who());

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.acknowledge(id + 1000, "alice", "x"));
            assertTrue(e.getMessage().contains(String.valueOf(id + 1000)));
            assertThrows(IllegalArgumentException.class, () -> store.acknowledge(id, " ", "x"));
            // A failed write does not disturb the next one.
            assertEquals(RecordResult.Outcome.INSERTED, store.record(alert(labels("alertname", "B")).build()).outcome());
        }
    }

    @Test
    void silencesAreKeptAndNightwatchsOwnAreMarked() {
        List<SilenceMatcher> matchers = List.of(new SilenceMatcher("alertname", "DiskFull", false, true),
                new SilenceMatcher("instance", "node[0-9]+", true, false));
        SilenceRecord mine = new SilenceRecord("abc-1", matchers, "disk swap tonight", "alice", NOW, NOW.plusSeconds(7200), true);
        SilenceRecord theirs = new SilenceRecord("abc-2", List.of(), "", "amtool", NOW.minusSeconds(60), NOW.plusSeconds(60), false);
        try (AlertStore store = open()) {
            store.recordSilence(mine);
            store.recordSilence(theirs);
            assertEquals(List.of(mine, theirs), store.silences());

            // The poller sees Nightwatch's silence again, without knowing who made it: the mark stays.
            store.recordSilence(new SilenceRecord("abc-1", matchers, "disk swap tonight", "alice", NOW,
                    NOW.plusSeconds(7200), false));
            assertTrue(store.silences().get(0).createdByNightwatch());

            store.silenceExpired("abc-1", NOW.plusSeconds(600));
            assertEquals(NOW.plusSeconds(600), store.silences().get(0).endsAt());
            // A stale poll with the original end does not undo the early expiry.
            store.recordSilence(mine);
            assertEquals(NOW.plusSeconds(600), store.silences().get(0).endsAt());
            store.silenceExpired("no-such-silence", NOW); // ignored
        }
        try (AlertStore store = open()) {
            assertEquals(2, store.silences().size());
        }
    }

    @Test
    void retentionDeletesWhatEndedLongAgoWithItsTransitionsAndAcks() {
        Instant old = NOW.minus(Duration.ofDays(100));
        try (AlertStore store = open()) {
            long gone = store.record(alert(labels("alertname", "Old")).startsAt(old).receivedAt(old).build()).id();
            store.record(alert(labels("alertname", "Old")).state(RESOLVED).startsAt(old).endsAt(old.plusSeconds(60))
                    .receivedAt(old.plusSeconds(60)).build());
            store.acknowledge(gone, "alice", "done");
            long recent = store.record(alert(labels("alertname", "Recent")).state(RESOLVED)
                    .startsAt(NOW.minus(Duration.ofDays(10))).endsAt(NOW.minus(Duration.ofDays(10)))
                    .receivedAt(NOW).build()).id();
            long stillOpen = store.record(alert(labels("alertname", "Ancient")).state(FIRING).startsAt(old)
                    .endsAt(old.plusSeconds(300)).receivedAt(old).build()).id();
            store.recordSilence(new SilenceRecord("s-old", List.of(), "", "", old, old.plusSeconds(60), true));
            store.recordSilence(new SilenceRecord("s-new", List.of(), "", "", NOW, NOW.plusSeconds(60), true));

            assertEquals(1, store.applyRetention(AlertStore.DEFAULT_RETENTION));
            assertFalse(store.get(gone).isPresent());
            assertTrue(store.transitions(gone).isEmpty());
            assertTrue(store.get(recent).isPresent());
            assertTrue(store.get(stillOpen).isPresent(), "open occurrences are kept however old");
            assertEquals(List.of("s-new"), store.silences().stream().map(SilenceRecord::id).toList());
            assertEquals(0, store.applyRetention(AlertStore.DEFAULT_RETENTION));
        }
    }

    @Test
    void retentionWorksInChunks() {
        Instant old = NOW.minus(Duration.ofDays(200));
        try (AlertStore store = open()) {
            List<IncomingAlert> batch = new java.util.ArrayList<>();
            for (int i = 0; i < 12_345; i++) {
                Map<String, String> l = labels("alertname", "A" + i);
                batch.add(alert(l).state(RESOLVED).startsAt(old).endsAt(old.plusSeconds(i)).receivedAt(old).build());
            }
            store.recordAll(batch);
            store.record(alert(labels("alertname", "keep")).receivedAt(NOW).build());
            assertEquals(12_345, store.applyRetention(Duration.ofDays(30)));
            assertEquals(1, store.count(AlertQuery.all()));
        }
    }
}
