package io.nightwatch.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.nightwatch.store.AlertState.FIRING;
import static io.nightwatch.store.AlertState.RESOLVED;
import static io.nightwatch.store.AlertState.SUPPRESSED;
import static io.nightwatch.store.Alerts.alert;
import static io.nightwatch.store.Alerts.at;
import static io.nightwatch.store.Alerts.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every filter alone and combined, checked against the same filter applied in Java; and the plans use indexes. */
class AlertStoreQueryTest {

    private static final String[] SERVICES = {"loki", "prometheus", "grafana", "redis"};
    private static final String[] SEVERITIES = {"critical", "warning", "info"};
    private static final String[] SUMMARIES = {"Disk full on /var/lib/data", "Target down", "High latency: p99 over 2s",
            "Ingester ring unhealthy\nsee runbook", "Too many 5xx ✓ responses"};

    @TempDir
    static Path dir;
    private static AlertStore store;
    private static final List<AlertOccurrence> ALL = new ArrayList<>();

    @BeforeAll
    static void fill() {
        store = Alerts.open(dir);
        List<IncomingAlert> batch = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Map<String, String> labels = labels("alertname", "Alert" + (i % 7), "severity", SEVERITIES[i % 3].toUpperCase(),
                    i % 5 == 0 ? "job" : "component", SERVICES[i % 4], "instance", "host-" + i + ":9100");
            AlertState state = i % 10 == 0 ? FIRING : i % 10 == 1 ? SUPPRESSED : RESOLVED;
            batch.add(alert(labels).source(i % 6 == 0 ? IncomingAlert.PROMETHEUS : IncomingAlert.WEBHOOK).state(state)
                    .startsAt(at(i * 600L)).endsAt(state == RESOLVED ? at(i * 600L + 300) : null)
                    .receivedAt(at(i * 600L + 1)).annotations("summary", SUMMARIES[i % 5]).build());
        }
        store.recordAll(batch);
        ALL.addAll(store.search(AlertQuery.builder().limit(1000).build()));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void everythingComesBackNewestFirst() {
        assertEquals(120, ALL.size());
        assertEquals(120, store.count(AlertQuery.all()));
        List<AlertOccurrence> sorted = new ArrayList<>(ALL);
        sorted.sort(Comparator.comparing(AlertOccurrence::startsAt).reversed());
        assertEquals(sorted, ALL);
    }

    @Test
    void eachFilterSelectsWhatItSays() {
        check(AlertQuery.builder().since(at(6000)).until(at(12000)).build(),
                o -> !o.startsAt().isBefore(at(6000)) && o.startsAt().isBefore(at(12000)));
        check(AlertQuery.builder().severity("Critical").build(), o -> o.severity().equals("critical"));
        check(AlertQuery.builder().severity("critical", "info").build(), o -> !o.severity().equals("warning"));
        check(AlertQuery.builder().service("loki").build(), o -> o.service().equals("loki"));
        check(AlertQuery.builder().state(FIRING, SUPPRESSED).build(), AlertOccurrence::isOpen);
        check(AlertQuery.builder().source("prometheus").build(), o -> o.source().equals("prometheus"));
        String fp = ALL.get(3).fingerprint();
        check(AlertQuery.builder().fingerprint(fp).build(), o -> o.fingerprint().equals(fp));
        check(AlertQuery.builder().service("loki").state(FIRING).build(),
                o -> o.service().equals("loki") && o.state() == FIRING);
    }

    @Test
    void freeTextSearchesLabelValuesAndAnnotationWords() {
        check(AlertQuery.builder().text("disk full").build(), o -> o.annotations().get("summary").startsWith("Disk full"));
        check(AlertQuery.builder().text("FULL DISK").build(), o -> o.annotations().get("summary").startsWith("Disk full"));
        check(AlertQuery.builder().text("host-17:9100").build(), o -> o.labels().get("instance").equals("host-17:9100"));
        check(AlertQuery.builder().text("Alert3").build(), o -> o.alertname().equals("Alert3"));
        check(AlertQuery.builder().text("runbook").build(), o -> o.annotations().get("summary").contains("runbook"));
        check(AlertQuery.builder().text("latenc*").build(), o -> o.annotations().get("summary").contains("latency"));
        check(AlertQuery.builder().text("5xx").build(), o -> o.annotations().get("summary").contains("5xx"));
        // Label names are not text: every alert has "alertname", none matches it.
        assertEquals(0, store.count(AlertQuery.builder().text("alertname").build()));
        // FTS5 syntax in the input is just text.
        assertEquals(0, store.count(AlertQuery.builder().text("disk OR NEAR(\"x\" *").build()));
        // No word at all: no text filter.
        assertEquals(120, store.count(AlertQuery.builder().text("--- :").build()));
        // The line break in the annotation does not glue "n" to the next word.
        assertEquals(0, store.count(AlertQuery.builder().text("nsee").build()));
    }

    @Test
    void filtersCombine() {
        check(AlertQuery.builder().text("disk full").severity("critical").service("loki", "redis")
                        .since(at(0)).until(at(60_000)).state(RESOLVED).build(),
                o -> o.annotations().get("summary").startsWith("Disk full") && o.severity().equals("critical")
                        && (o.service().equals("loki") || o.service().equals("redis")) && o.state() == RESOLVED
                        && o.startsAt().isBefore(at(60_000)));
    }

    @Test
    void pagesAreSlicesOfTheSameOrder() {
        AlertQuery q = AlertQuery.builder().severity("warning").limit(7).build();
        List<Long> pages = new ArrayList<>();
        for (int offset = 0; offset < 40; offset += 7) {
            store.search(q.withPage(7, offset)).forEach(o -> pages.add(o.id()));
        }
        assertEquals(ALL.stream().filter(o -> o.severity().equals("warning")).map(AlertOccurrence::id).toList(), pages);
        assertThrows(IllegalArgumentException.class, () -> AlertQuery.builder().limit(0).build());
    }

    @Test
    void filtersUseIndexes() {
        Instant now = at(72_000);
        assertPlanUses(AlertQuery.builder().since(now.minusSeconds(6 * 3600)).build(), "alert_start");
        assertPlanUses(AlertQuery.builder().severity("critical").since(now.minusSeconds(30 * 86400)).build(),
                "alert_severity_start");
        assertPlanUses(AlertQuery.builder().service("loki").build(), "alert_service_start");
        assertPlanUses(AlertQuery.builder().state(FIRING).build(), "alert_state_start");
        assertPlanUses(AlertQuery.builder().source("nightwatch").build(), "alert_source_start");
        assertPlanUses(AlertQuery.builder().fingerprint("0123456789abcdef").build(), "alert_fingerprint_start");
        assertPlanUses(AlertQuery.builder().text("disk full").build(), "alert_fts");
        List<String> combined = store.explain(AlertQuery.builder().service("loki").state(FIRING).severity("critical")
                .text("disk").since(now.minusSeconds(86400)).build());
        assertFalse(combined.contains("SCAN a"), combined.toString());
        assertTrue(combined.stream().anyMatch(l -> l.contains("alert_fts")), combined.toString());
    }

    /** Past a few thousand matches the indexes drive and the text is only probed: same answers. */
    @Test
    void aCommonWordGivesTheSameAnswersWhenTheIndexesDrive(@TempDir Path other) {
        try (AlertStore big = Alerts.open(other)) {
            List<IncomingAlert> batch = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                batch.add(alert(labels("alertname", "Common", "n", "n" + i, "severity", i % 3 == 0 ? "critical" : "info"))
                        .annotations("summary", "common word " + (i % 2 == 0 ? "even" : "odd"))
                        .startsAt(at(i)).receivedAt(at(i)).build());
            }
            big.recordAll(batch);
            AlertQuery common = AlertQuery.builder().text("common").limit(10).build();
            assertTrue(big.explain(common).contains("SCAN a USING INDEX alert_start"), big.explain(common).toString());
            assertEquals(3_000, big.count(common));
            assertEquals(List.of("n2999", "n2998", "n2997"), big.search(common.withPage(3, 0)).stream()
                    .map(o -> o.labels().get("n")).toList());
            AlertQuery evenCritical = AlertQuery.builder().text("common even").severity("critical").limit(2).build();
            assertEquals(500, big.count(evenCritical));
            assertEquals(List.of("n2994", "n2988"), big.search(evenCritical).stream().map(o -> o.labels().get("n")).toList());
            assertTrue(big.explain(evenCritical).stream().anyMatch(l -> l.contains("alert_severity_start")),
                    big.explain(evenCritical).toString());
        }
    }

    private static void assertPlanUses(AlertQuery q, String index) {
        List<String> plan = store.explain(q);
        assertTrue(plan.stream().anyMatch(l -> l.contains(index)), "expected " + index + " in " + plan);
        assertFalse(plan.contains("SCAN a"), "full table scan in " + plan);
    }

    private static void check(AlertQuery q, Predicate<AlertOccurrence> expected) {
        List<Long> want = ALL.stream().filter(expected).map(AlertOccurrence::id).toList();
        assertFalse(want.isEmpty(), "the fixture should have matches for " + q);
        assertEquals(want, store.search(q).stream().map(AlertOccurrence::id).toList(), q.toString());
        assertEquals(want.size(), store.count(q), q.toString());
    }
}
