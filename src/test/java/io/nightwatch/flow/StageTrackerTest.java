package io.nightwatch.flow;

import io.nightwatch.stack.ServiceKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class StageTrackerTest {

    private static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(60);

    private static StageSpec stage(String key) {
        return StageCatalog.forKind(key.startsWith("entries") ? ServiceKind.PROMTAIL : ServiceKind.ALERTMANAGER).stream()
                .filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    private static StageStatus step(StageTracker t, int second, double counter, boolean upstream) {
        Instant at = T0.plusSeconds(second);
        t.read(at, Reading.of(counter, Map.of()));
        return t.decide(at, WINDOW, upstream, "promtail", "local/promtail", "promtail", "local");
    }

    @Test
    void flatCounterWithUpstreamUpStallsAfterTheWindowAndRecovers() {
        StageTracker sent = new StageTracker(stage("entries-sent"), 100);
        assertEquals(FlowState.UNKNOWN, step(sent, 0, 500, true).state());
        assertEquals(FlowState.FLOWING, step(sent, 5, 550, true).state());
        assertEquals(FlowState.IDLE, step(sent, 10, 550, true).state());
        assertEquals(FlowState.IDLE, step(sent, 60, 550, true).state(), "quiet for 55 s: not yet");
        StageStatus stalled = step(sent, 65, 550, true);
        assertEquals(FlowState.STALLED, stalled.state());
        assertEquals("nothing for 60 s while promtail is up", stalled.detail());
        assertEquals(FlowState.FLOWING, step(sent, 70, 560, true).state(), "moving again");
    }

    @Test
    void flatCounterWhileUpstreamIsDownIsIdleNotStalled() {
        StageTracker sent = new StageTracker(stage("entries-sent"), 100);
        step(sent, 0, 500, false);
        for (int s = 5; s <= 300; s += 5) assertNotEquals(FlowState.STALLED, step(sent, s, 500, false).state());
    }

    @Test
    void risingFailuresStallWithTheirBreakdownUntilQuietForTheWindow() {
        StageTracker failed = new StageTracker(stage("notifications-failed"), 100);
        Instant at = T0;
        failed.read(at, Reading.of(3, Map.of("webhook", 3.0, "email", 0.0)));
        failed.read(at.plusSeconds(10), Reading.of(13, Map.of("webhook", 13.0, "email", 0.0)));
        StageStatus failing = failed.decide(at.plusSeconds(10), WINDOW, true, "alertmanager", "local/alertmanager", "alertmanager", "local");
        assertEquals(FlowState.STALLED, failing.state());
        assertEquals("failing now (webhook 1 notifications/s)", failing.detail());
        failed.read(at.plusSeconds(80), Reading.of(13, Map.of("webhook", 13.0)));
        assertEquals(FlowState.IDLE, failed.decide(at.plusSeconds(80), WINDOW, true, "", "", "", "").state());
    }

    @Test
    void unreadableRoundIsUnknownWithTheReasonAndLeavesAGap() {
        StageTracker sent = new StageTracker(stage("entries-sent"), 100);
        step(sent, 0, 1, true);
        step(sent, 5, 2, true);
        sent.read(T0.plusSeconds(10), Reading.unreadable("metrics unreadable: line 3: expected a value"));
        StageStatus s = sent.decide(T0.plusSeconds(10), WINDOW, true, "", "", "", "");
        assertEquals(FlowState.UNKNOWN, s.state());
        assertEquals("metrics unreadable: line 3: expected a value", s.detail());
        assertTrue(Double.isNaN(s.history().values()[s.history().size() - 1]), "a gap, never a made-up value");
    }
}
