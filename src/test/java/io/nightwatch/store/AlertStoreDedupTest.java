package io.nightwatch.store;

import io.nightwatch.store.RecordResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.nightwatch.store.AlertState.FIRING;
import static io.nightwatch.store.AlertState.PENDING;
import static io.nightwatch.store.AlertState.RESOLVED;
import static io.nightwatch.store.AlertState.SUPPRESSED;
import static io.nightwatch.store.Alerts.alert;
import static io.nightwatch.store.Alerts.at;
import static io.nightwatch.store.Alerts.labels;
import static io.nightwatch.store.IncomingAlert.ALERTMANAGER;
import static io.nightwatch.store.IncomingAlert.PROMETHEUS;
import static io.nightwatch.store.IncomingAlert.WEBHOOK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same alert reported by several sources, in every order, must be one occurrence with a true timeline. */
class AlertStoreDedupTest {

    private static final Map<String, String> DISK = labels("alertname", "DiskFull", "severity", "critical",
            "component", "loki", "instance", "node1:9100");
    @TempDir
    Path dir;
    private AlertStore store;

    @BeforeEach
    void open() {
        store = Alerts.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void webhookApiAndPrometheusReportsAreOneOccurrence() {
        Instant firedAt = at(60).plusNanos(123_456_789); // the webhook carries nanoseconds, the API milliseconds
        RecordResult hook = store.record(alert(DISK).webhook(FIRING).startsAt(firedAt).receivedAt(at(61))
                .annotations("summary", "Disk full on /var/lib/loki").generatorUrl("http://prom/graph").build());
        RecordResult api = store.record(alert(DISK).source(ALERTMANAGER).fingerprint(LabelFingerprint.of(DISK))
                .startsAt(at(60).plusMillis(123)).endsAt(at(360)).receivedAt(at(70)).build());
        RecordResult prom = store.record(alert(DISK).source(PROMETHEUS).startsAt(at(0)).receivedAt(at(75))
                .annotations("summary", "Disk full on /var/lib/loki").build());

        assertEquals(Outcome.INSERTED, hook.outcome());
        assertEquals(Outcome.UPDATED, api.outcome()); // learnt the expected end
        assertEquals(Outcome.UPDATED, prom.outcome()); // learnt the earlier activeAt
        assertEquals(hook.id(), api.id());
        assertEquals(hook.id(), prom.id());
        assertEquals(1, store.count(AlertQuery.all()));

        AlertOccurrence o = store.get(hook.id()).orElseThrow();
        assertEquals(LabelFingerprint.of(DISK), o.fingerprint());
        assertEquals("DiskFull", o.alertname());
        assertEquals("critical", o.severity());
        assertEquals("loki", o.service());
        assertEquals(FIRING, o.state());
        assertEquals(at(0), o.startsAt());
        assertEquals(Optional.of(at(360)), o.endsAt());
        assertEquals(WEBHOOK, o.source());
        assertEquals(Set.of(WEBHOOK, ALERTMANAGER, PROMETHEUS), o.seenBy());
        assertEquals(at(61), o.firstReceivedAt());
        assertEquals(at(75), o.lastReceivedAt());
        assertEquals("http://prom/graph", o.generatorUrl());
        assertEquals("nightwatch", o.receiver());
        assertEquals(Map.of("summary", "Disk full on /var/lib/loki"), o.annotations());
        assertTrue(store.transitions(o.id()).isEmpty());
    }

    @Test
    void pendingThenFiringThenResolvedIsOneTimeline() {
        long id = store.record(alert(DISK).source(PROMETHEUS).state(PENDING).startsAt(at(0)).receivedAt(at(5))
                .build()).id();
        RecordResult firing = store.record(alert(DISK).source(PROMETHEUS).state(FIRING).startsAt(at(0))
                .receivedAt(at(65)).build());
        RecordResult hook = store.record(alert(DISK).webhook(FIRING).startsAt(at(60)).receivedAt(at(66)).build());
        RecordResult resolved = store.record(alert(DISK).webhook(RESOLVED).startsAt(at(60)).endsAt(at(600))
                .receivedAt(at(601)).build());

        assertTrue(firing.stateChanged());
        assertEquals(Outcome.UNCHANGED, hook.outcome());
        assertEquals(new RecordResult(Outcome.UPDATED, id, true, RESOLVED), resolved);
        assertEquals(List.of(id, id, id), List.of(firing.id(), hook.id(), resolved.id()));
        assertEquals(List.of(new Transition(id, at(65), PENDING, FIRING, PROMETHEUS),
                new Transition(id, at(600), FIRING, RESOLVED, WEBHOOK)), store.transitions(id));
        AlertOccurrence o = store.get(id).orElseThrow();
        assertEquals(RESOLVED, o.state());
        assertEquals(Optional.of(at(600)), o.endsAt());
        assertEquals(1, store.count(AlertQuery.all()));
    }

    @Test
    void aRepeatedDeliveryChangesNothingButTheReceiptTime() {
        IncomingAlert first = alert(DISK).webhook(FIRING).startsAt(at(60)).receivedAt(at(61)).build();
        long id = store.record(first).id();
        RecordResult again = store.record(alert(DISK).webhook(FIRING).startsAt(at(60)).receivedAt(at(361)).build());
        assertEquals(new RecordResult(Outcome.UNCHANGED, id, false, FIRING), again);
        assertEquals(at(361), store.get(id).orElseThrow().lastReceivedAt());
    }

    @Test
    void aResolvedAlertForAnUnknownFingerprintIsStoredResolved() {
        RecordResult r = store.record(alert(DISK).webhook(RESOLVED).startsAt(at(60)).endsAt(at(600))
                .receivedAt(at(601)).build());
        assertEquals(Outcome.INSERTED, r.outcome());
        AlertOccurrence o = store.get(r.id()).orElseThrow();
        assertEquals(RESOLVED, o.state());
        assertEquals(Optional.of(at(600)), o.endsAt());

        // Without an end time, the time it was received stands for it.
        Map<String, String> other = labels("alertname", "Other");
        RecordResult noEnd = store.record(alert(other).webhook(RESOLVED).startsAt(at(60)).receivedAt(at(700)).build());
        assertEquals(Optional.of(at(700)), store.get(noEnd.id()).orElseThrow().endsAt());
    }

    @Test
    void aResolutionDeliveredBeforeItsFiringIsNotReopened() {
        RecordResult resolved = store.record(alert(DISK).webhook(RESOLVED).startsAt(at(60)).endsAt(at(600))
                .receivedAt(at(601)).build());
        RecordResult lateFiring = store.record(alert(DISK).webhook(FIRING).startsAt(at(60)).receivedAt(at(602)).build());
        // ... and Prometheus' older poll, with its own (earlier) start, processed even later.
        RecordResult latePoll = store.record(alert(DISK).source(PROMETHEUS).startsAt(at(0)).receivedAt(at(603)).build());

        assertEquals(new RecordResult(Outcome.UNCHANGED, resolved.id(), false, RESOLVED), lateFiring);
        assertEquals(new RecordResult(Outcome.UNCHANGED, resolved.id(), false, RESOLVED), latePoll);
        assertEquals(1, store.count(AlertQuery.all()));
        assertEquals(RESOLVED, store.get(resolved.id()).orElseThrow().state());
        assertTrue(store.transitions(resolved.id()).isEmpty());
    }

    @Test
    void firingAgainAfterResolvingIsANewOccurrence() {
        long first = store.record(alert(DISK).webhook(FIRING).startsAt(at(60)).receivedAt(at(61)).build()).id();
        store.record(alert(DISK).webhook(RESOLVED).startsAt(at(60)).endsAt(at(600)).receivedAt(at(601)).build());
        RecordResult again = store.record(alert(DISK).webhook(FIRING).startsAt(at(900)).receivedAt(at(901)).build());

        assertEquals(Outcome.INSERTED, again.outcome());
        assertNotEquals(first, again.id());
        List<AlertOccurrence> history = store.search(AlertQuery.builder().fingerprint(LabelFingerprint.of(DISK)).build());
        assertEquals(List.of(again.id(), first), history.stream().map(AlertOccurrence::id).toList());
        assertEquals(List.of(FIRING, RESOLVED), history.stream().map(AlertOccurrence::state).toList());
    }

    @Test
    void aLateResolutionOfAnOlderOccurrenceDoesNotCloseTheOpenOne() {
        long open = store.record(alert(DISK).webhook(FIRING).startsAt(at(900)).receivedAt(at(901)).build()).id();
        // An earlier occurrence Nightwatch never saw firing: resolved before the open one started.
        RecordResult old = store.record(alert(DISK).webhook(RESOLVED).startsAt(at(60)).endsAt(at(600))
                .receivedAt(at(902)).build());

        assertEquals(Outcome.INSERTED, old.outcome());
        assertEquals(FIRING, store.get(open).orElseThrow().state());
        assertEquals(RESOLVED, store.get(old.id()).orElseThrow().state());
        // The repeated late resolution, with Prometheus' earlier start, still finds the old one.
        RecordResult repeat = store.record(alert(DISK).webhook(RESOLVED).startsAt(at(10)).endsAt(at(600))
                .receivedAt(at(903)).build());
        assertEquals(old.id(), repeat.id());
        assertEquals(2, store.count(AlertQuery.all()));
    }

    @Test
    void onlyAlertmanagerLiftsASuppression() {
        long id = store.record(alert(DISK).webhook(FIRING).startsAt(at(60)).receivedAt(at(61)).build()).id();
        assertTrue(store.record(alert(DISK).source(ALERTMANAGER).state(SUPPRESSED).startsAt(at(60))
                .receivedAt(at(100)).build()).stateChanged());
        RecordResult prom = store.record(alert(DISK).source(PROMETHEUS).startsAt(at(0)).receivedAt(at(110)).build());
        assertEquals(SUPPRESSED, prom.state()); // Prometheus does not know about silences
        RecordResult api = store.record(alert(DISK).source(ALERTMANAGER).state(FIRING).startsAt(at(60))
                .receivedAt(at(200)).build());
        assertTrue(api.stateChanged());
        assertEquals(List.of(SUPPRESSED, FIRING), store.transitions(id).stream().map(Transition::to).toList());
    }

    @Test
    void aReportOlderThanTheCurrentStateDoesNotChangeIt() {
        long id = store.record(alert(DISK).webhook(FIRING).startsAt(at(60)).receivedAt(at(61)).build()).id();
        store.record(alert(DISK).source(ALERTMANAGER).state(SUPPRESSED).startsAt(at(60)).receivedAt(at(120)).build());
        // A webhook received before the poll, but handled after it.
        RecordResult slow = store.record(alert(DISK).webhook(FIRING).startsAt(at(60)).receivedAt(at(115)).build());
        assertFalse(slow.stateChanged());
        assertEquals(SUPPRESSED, store.get(id).orElseThrow().state());
        // A Prometheus "pending" never follows "firing".
        RecordResult pending = store.record(alert(DISK).source(PROMETHEUS).state(PENDING).startsAt(at(0))
                .receivedAt(at(130)).build());
        assertEquals(SUPPRESSED, pending.state());
    }

    @Test
    void changedAnnotationsReplaceTheStoredOnesAndTheTextIndex() {
        long id = store.record(alert(DISK).webhook(FIRING).startsAt(at(60)).receivedAt(at(61))
                .annotations("summary", "disk 91% full").build()).id();
        RecordResult r = store.record(alert(DISK).webhook(FIRING).startsAt(at(60)).receivedAt(at(121))
                .annotations("summary", "disk 99% full").build());
        assertEquals(Outcome.UPDATED, r.outcome());
        assertEquals(0, store.count(AlertQuery.builder().text("91").build()));
        assertEquals(List.of(id), store.search(AlertQuery.builder().text("99").build()).stream()
                .map(AlertOccurrence::id).toList());
        // Prometheus' poll without annotations keeps them.
        store.record(alert(DISK).source(PROMETHEUS).startsAt(at(0)).receivedAt(at(130)).build());
        assertEquals("disk 99% full", store.get(id).orElseThrow().annotations().get("summary"));
    }

    @Test
    void recordAllIsOneCallWithOneResultPerAlert() {
        List<RecordResult> results = store.recordAll(List.of(
                alert(DISK).webhook(FIRING).startsAt(at(60)).receivedAt(at(61)).build(),
                alert(labels("alertname", "B")).webhook(FIRING).startsAt(at(60)).receivedAt(at(61)).build(),
                alert(DISK).webhook(FIRING).startsAt(at(60)).receivedAt(at(61)).build()));
        assertEquals(List.of(Outcome.INSERTED, Outcome.INSERTED, Outcome.UNCHANGED),
                results.stream().map(RecordResult::outcome).toList());
        assertEquals(results.get(0).id(), results.get(2).id());
        assertEquals(List.of(), store.recordAll(List.of()));
    }
}
