package io.nightwatch.alerts;

import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class AlertNotifierTest {

    private static AlertOccurrence critical(long id) {
        return TestAlerts.occurrence(id, "RedisDown", "critical", "redis", AlertState.FIRING, Map.of("summary", "sessions lost"));
    }

    @Test
    void criticalAlertsAreRateLimitedAndSummed() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
        AlertNotifier notifier = new AlertNotifier(clock);
        List<AlertNotifier.Notice> first = notifier.offer(IntStream.range(0, 5).mapToObj(i -> critical(i)).toList());
        assertEquals(3, first.size(), "at most three a minute");
        assertEquals("CRITICAL: RedisDown (redis)", first.get(0).title());
        assertEquals("sessions lost", first.get(0).text());
        clock.now = clock.now.plusSeconds(61);
        List<AlertNotifier.Notice> later = notifier.offer(List.of(critical(9)));
        assertEquals("and 2 more critical alerts", later.get(later.size() - 1).title());
    }

    @Test
    void warningsAndMutedAreSilent() {
        AlertNotifier notifier = new AlertNotifier(Clock.systemUTC());
        assertTrue(notifier.offer(List.of(TestAlerts.occurrence(1, "X", "warning", "loki", AlertState.FIRING, Map.of()))).isEmpty());
        notifier.setMuted(true);
        assertTrue(notifier.offer(List.of(critical(2))).isEmpty());
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) { this.now = now; }

        @Override
        public ZoneOffset getZone() { return ZoneOffset.UTC; }

        @Override
        public Clock withZone(java.time.ZoneId zone) { return this; }

        @Override
        public Instant instant() { return now; }
    }

}
