package io.nightwatch.ui.alerts;

import io.nightwatch.ui.controls.Severity;
import io.nightwatch.alerts.AlertmanagerClient;
import io.nightwatch.store.Acknowledgement;
import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertQuery;
import io.nightwatch.store.AlertState;
import io.nightwatch.store.SilenceMatcher;
import io.nightwatch.store.SilenceRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alert view's wording and query building, without a toolkit. */
class AlertsFactsTest {

    private static final Instant NOW = Instant.parse("2025-03-14T03:12:45Z");

    @Test
    void filtersBecomeARangeQueryAndAnOpenBeforeQuery() {
        AlertFilters f = new AlertFilters(TimeRange.SIX_HOURS, "critical", StateFilter.ANY, "redis", "down red");
        AlertQuery range = f.inRange(NOW, 500);
        assertEquals(Optional.of(NOW.minus(Duration.ofHours(6))), range.since());
        assertEquals(Set.of("critical"), range.severities());
        assertEquals(Set.of("redis"), range.services());
        assertEquals(Optional.of("down* red*"), range.text(), "typed words are prefixes");
        AlertQuery before = f.openBefore(NOW, 500).orElseThrow();
        assertEquals(Optional.of(NOW.minus(Duration.ofHours(6))), before.until());
        assertEquals(Set.of(AlertState.PENDING, AlertState.FIRING, AlertState.SUPPRESSED), before.states());

        AlertFilters resolved = new AlertFilters(TimeRange.DAY, "", StateFilter.RESOLVED, "", "");
        assertEquals(Optional.empty(), resolved.openBefore(NOW, 500), "resolved ones before the range are not part of it");
        assertEquals(Set.of(AlertState.FIRING),
                new AlertFilters(TimeRange.DAY, "", StateFilter.FIRING, "", "").openBefore(NOW, 500).orElseThrow().states());
        assertEquals(Optional.of("node1:9100*"), AlertFilters.searchText("  node1:9100 "));
        assertEquals(Optional.empty(), AlertFilters.searchText("   "));
    }

    @Test
    void aRowWhoseOnlyNewsIsTheClockIsTheSameInTheTable() {
        AlertOccurrence firing = occurrence(AlertState.FIRING, NOW.minus(Duration.ofMinutes(38)), Optional.empty(), Set.of("webhook"));
        AlertRow shown = AlertRow.of(firing, NOW, ZoneOffset.UTC);
        AlertRow later = AlertRow.of(firing, NOW.plusSeconds(30), ZoneOffset.UTC);
        assertFalse(later.equals(shown), "the row itself carries how long it lasted");
        assertTrue(later.sameInTable(shown), "the table reads the duration from the clock: no row to rebuild");
        AlertOccurrence resolved = occurrence(AlertState.RESOLVED, NOW.minus(Duration.ofMinutes(38)), Optional.empty(), Set.of("webhook"));
        assertFalse(AlertRow.of(resolved, NOW.plusSeconds(30), ZoneOffset.UTC).sameInTable(shown), "a state change is news");
        AlertOccurrence seenByMore = occurrence(AlertState.FIRING, NOW.minus(Duration.ofMinutes(38)), Optional.empty(), Set.of("webhook", "prometheus"));
        assertFalse(AlertRow.of(seenByMore, NOW.plusSeconds(30), ZoneOffset.UTC).sameInTable(shown), "another source is news");
    }

    @Test
    void aRowIsWordedForTheTable() {
        AlertOccurrence a = occurrence(AlertState.FIRING, NOW.minus(Duration.ofMinutes(38)), Optional.empty(), Set.of("webhook", "alertmanager", "prometheus"));
        AlertRow row = AlertRow.of(a, NOW, ZoneOffset.UTC);
        assertEquals("02:34:45", row.started());
        assertEquals("38 min", row.duration());
        assertEquals("webhook + alertmanager + prometheus", row.sources());
        assertEquals("webhook +2", row.sourceShort());
        assertEquals(Severity.CRITICAL, row.severityKind());
        assertEquals(Optional.of("alice"), row.ackBy());
        assertTrue(row.bar().open(), "a firing alert runs to now");

        AlertOccurrence old = occurrence(AlertState.RESOLVED, Instant.parse("2024-11-02T17:40:00Z"), Optional.empty(), Set.of("webhook"));
        AlertRow oldRow = AlertRow.of(old, NOW, ZoneOffset.UTC);
        assertEquals("2024-11-02 17:40", oldRow.started());
        assertEquals(Optional.of(old.lastReceivedAt()), oldRow.bar().end(), "resolved without an end: when it was last heard of");
        assertEquals("Mar 13 22:12", AlertWording.when(Instant.parse("2025-03-13T22:12:00Z"), NOW, ZoneOffset.UTC));
        assertEquals("none", AlertWording.severity(""));
        assertEquals(Severity.OTHER, Severity.of("sev3"));
    }

    @Test
    void theDetailHasEveryLabelAndHowTheStateWent() {
        AlertOccurrence a = occurrence(AlertState.RESOLVED, NOW.minus(Duration.ofMinutes(30)), Optional.of(NOW.minus(Duration.ofMinutes(10))),
                Set.of("webhook"));
        AlertDetail d = AlertDetail.of(a, List.of(new io.nightwatch.store.Transition(1, NOW.minus(Duration.ofMinutes(10)),
                AlertState.FIRING, AlertState.RESOLVED, "webhook")), Optional.of("do this"), NOW, ZoneOffset.UTC);
        assertEquals("RESOLVED after 20 min", d.stateLine());
        assertEquals("alertname", d.labels().get(0).name(), "alertname first");
        assertEquals(List.of("02:42:45  began FIRING (webhook)", "03:02:45  FIRING → RESOLVED (webhook)"), d.transitions());
        assertTrue(d.ack().startsWith("Acknowledged by alice at 2025-03-14 03:00:00 (12 min ago): on it"), d.ack());
        assertTrue(d.facts().contains(new AlertDetail.Field("ended", "2025-03-14 03:02:45 (10 min ago)")), d.facts().toString());
        assertEquals("redis is down", d.summary());
    }

    @Test
    void aSilenceIsPrefilledFromTheAlertsIdentifyingLabels() {
        List<SilenceDraft.Matcher> m = SilenceDraft.prefill(Map.of("alertname", "ContainerMemoryHigh", "severity", "warning",
                "container", "sva-studio-loki", "component", "loki", "instance", "cadvisor:8080", "workspace_id", "platform"));
        assertEquals(List.of("alertname=ContainerMemoryHigh", "component=loki", "instance=cadvisor:8080", "container=sva-studio-loki",
                "workspace_id=platform"), m.stream().map(SilenceDraft.Matcher::toString).toList());
        assertEquals(Optional.of("say why in the comment (it stays with the silence)"),
                SilenceDraft.problem(m, Duration.ofHours(2), " "));
        assertEquals(Optional.empty(), SilenceDraft.problem(m, Duration.ofHours(2), "loki migration"));
        assertEquals(Optional.of("add at least one matcher"), SilenceDraft.problem(List.of(), Duration.ofHours(2), "x"));
        assertEquals(Optional.of("'bad name' is not a label name"),
                SilenceDraft.problem(List.of(new SilenceDraft.Matcher("bad name", SilenceDraft.Op.EQUAL, "x")), Duration.ofHours(1), "x"));
        assertEquals(Optional.of("the pattern for job is not a valid regular expression"),
                SilenceDraft.problem(List.of(new SilenceDraft.Matcher("job", SilenceDraft.Op.REGEX, "(")), Duration.ofHours(1), "x"));
        assertTrue(SilenceDraft.problem(List.of(new SilenceDraft.Matcher("job", SilenceDraft.Op.NOT_EQUAL, "x")), Duration.ofHours(1), "x")
                .orElseThrow().startsWith("at least one matcher must pin a label"));
        AlertmanagerClient.Matcher wire = new SilenceDraft.Matcher("job", SilenceDraft.Op.NOT_REGEX, "a|b").toAlertmanager();
        assertEquals(new AlertmanagerClient.Matcher("job", "a|b", true, false), wire);
        assertEquals(List.of("30 min", "1 h", "2 h", "4 h", "8 h", "1 d", "3 d", "7 d"),
                SilenceDraft.PRESETS.stream().map(SilenceDraft::label).toList());
    }

    @Test
    void silencesAreListedWithNightwatchsMarked() {
        AlertmanagerClient.Silence ours = new AlertmanagerClient.Silence("a1", List.of(new AlertmanagerClient.Matcher("service", "redis", false, true)),
                NOW.minusSeconds(60), NOW.plusSeconds(7200), "alice", "[nightwatch] restoring", "active");
        AlertmanagerClient.Silence theirs = new AlertmanagerClient.Silence("b2", List.of(new AlertmanagerClient.Matcher("job", "edge.*", true, false)),
                NOW.minusSeconds(60), NOW.plusSeconds(600), "bob", "maintenance", "active");
        AlertmanagerClient.Silence gone = new AlertmanagerClient.Silence("c3", List.of(), NOW.minusSeconds(600), NOW.minusSeconds(60), "bob", "", "expired");
        SilenceRecord known = new SilenceRecord("a1", List.of(new SilenceMatcher("service", "redis", false, true)), "restoring", "alice",
                NOW.minusSeconds(60), NOW.plusSeconds(7200), true);
        List<SilenceRow> rows = SilenceRow.of(List.of(ours, theirs, gone), List.of(known), NOW, ZoneOffset.UTC);
        assertEquals(List.of("b2", "a1"), rows.stream().map(SilenceRow::id).toList(), "soonest end first, expired ones left out");
        assertFalse(rows.get(0).byNightwatch());
        assertEquals("job!~edge.*", rows.get(0).matchers());
        assertTrue(rows.get(1).byNightwatch());
        assertEquals("restoring", rows.get(1).comment(), "Nightwatch's prefix is shown as the mark, not in the comment");
        assertEquals("in 2 h · 05:12:45", rows.get(1).ends());
        assertEquals(List.of("a1"), SilenceRow.fromHistory(List.of(known), NOW, ZoneOffset.UTC).stream().map(SilenceRow::id).toList());
    }

    private static AlertOccurrence occurrence(AlertState state, Instant start, Optional<Instant> end, Set<String> seenBy) {
        return new AlertOccurrence(1, "abc", "NightwatchServiceDown", "critical", "redis",
                Map.of("alertname", "NightwatchServiceDown", "severity", "critical", "service", "redis"),
                Map.of("summary", "redis is down"), state, start, end, seenBy.contains("webhook") ? "webhook" : seenBy.iterator().next(),
                seenBy, start, start.plusSeconds(60), Optional.of(new Acknowledgement("alice", Instant.parse("2025-03-14T03:00:00Z"), "on it")),
                "", "");
    }
}
