package io.nightwatch.ui.controls;

import io.nightwatch.store.AlertState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineLayoutTest {

    private static final Instant TO = Instant.parse("2025-03-14T03:12:45Z");
    private static final Instant FROM = TO.minus(Duration.ofHours(24));

    @Test
    void openAlertsRunToNowAndEarlierOnesAreClipped() {
        var open = bar(1, TO.minus(Duration.ofHours(2)), null, Severity.WARNING);
        var before = bar(2, FROM.minus(Duration.ofHours(3)), null, Severity.CRITICAL);
        var layout = TimelineLayout.layout(List.of(open, before), FROM, TO, 960, 6, ZoneOffset.UTC);
        var o = layout.find(1).orElseThrow();
        assertEquals(880, o.x0(), 1e-6);
        assertEquals(960, o.x1(), 1e-6);
        var b = layout.find(2).orElseThrow();
        assertTrue(b.clippedLeft());
        assertEquals(0, b.x0());
        assertEquals(0, b.lane(), "critical ones take the top lane");
        assertEquals(1, o.lane(), "overlapping bars go to separate lanes");
    }

    @Test
    void shortAlertsStayVisibleAndOldOnesAreLeftOut() {
        var blip = bar(1, TO.minus(Duration.ofHours(12)), TO.minus(Duration.ofHours(12)).plusSeconds(30), Severity.INFO);
        var gone = bar(2, FROM.minus(Duration.ofHours(5)), FROM.minus(Duration.ofHours(4)), Severity.CRITICAL);
        var layout = TimelineLayout.layout(List.of(blip, gone), FROM, TO, 960, 6, ZoneOffset.UTC);
        assertEquals(1, layout.placed().size());
        var p = layout.placed().get(0);
        assertEquals(TimelineLayout.MIN_WIDTH, p.x1() - p.x0(), 1e-6);
        assertEquals(Optional.of(p), layout.hit(p.x0() + 1, 0));
        assertEquals(Optional.empty(), layout.hit(p.x0() + 40, 0));
    }

    @Test
    void whatDoesNotFitIsCountedAndCriticalFitsFirst() {
        List<TimelineLayout.Bar> bars = new ArrayList<>();
        for (int i = 0; i < 5; i++) bars.add(bar(i, FROM.plusSeconds(60), null, Severity.WARNING));
        bars.add(bar(99, FROM.plusSeconds(120), null, Severity.CRITICAL));
        var layout = TimelineLayout.layout(bars, FROM, TO, 960, 3, ZoneOffset.UTC);
        assertEquals(3, layout.lanes());
        assertEquals(3, layout.hidden());
        assertEquals(0, layout.find(99).orElseThrow().lane());
    }

    @Test
    void ticksFallOnRoundLocalTimes() {
        assertEquals(Duration.ofHours(3), TimelineLayout.tickStep(Duration.ofHours(24), 960));
        assertEquals(Duration.ofHours(2), TimelineLayout.tickStep(Duration.ofHours(24), 1200));
        assertEquals(Duration.ofMinutes(10), TimelineLayout.tickStep(Duration.ofHours(1), 600));
        assertEquals(Duration.ofDays(14), TimelineLayout.tickStep(Duration.ofDays(90), 960));
        var ticks = TimelineLayout.ticks(FROM, TO, 960, ZoneOffset.UTC);
        assertEquals("06:00", ticks.get(0).label());
        assertTrue(ticks.stream().anyMatch(t -> t.major() && t.label().equals("Mar 14")), ticks.toString());
        var week = TimelineLayout.ticks(TO.minus(Duration.ofDays(7)), TO, 960, ZoneOffset.UTC);
        assertEquals("Mar 8", week.get(0).label());
        assertEquals(7, week.size());
    }

    private static TimelineLayout.Bar bar(long id, Instant start, Instant end, Severity severity) {
        return new TimelineLayout.Bar(id, start, Optional.ofNullable(end), severity,
                end == null ? AlertState.FIRING : AlertState.RESOLVED, "bar " + id);
    }
}
