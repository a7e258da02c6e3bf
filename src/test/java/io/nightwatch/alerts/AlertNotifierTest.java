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

    private static AlertOccurrence critical(long id, String alertname, String service) {
        return TestAlerts.occurrence(id, alertname, "critical", service, AlertState.FIRING, Map.of("summary", service + " is down"));
    }

    @Test
    void aNewOutageGetsItsOwnNoticeAtOnceEvenAfterABurstAboutAnother() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
        AlertNotifier notifier = new AlertNotifier(clock);
        List<AlertNotifier.Notice> loki = notifier.offer(List.of(critical(1, "LokiDown", "loki"), critical(2, "NightwatchServiceDown", "loki"),
                critical(3, "NightwatchOOMKilled", "loki"), critical(4, "NightwatchRestartLoop", "loki")));
        assertEquals(List.of("CRITICAL: LokiDown (loki)"), loki.stream().map(AlertNotifier.Notice::title).toList(),
                "four alerts about one cause are one notice");
        clock.now = clock.now.plusSeconds(2);
        List<AlertNotifier.Notice> redis = notifier.offer(List.of(critical(5, "NightwatchServiceDown", "redis")));
        assertEquals(1, redis.size(), "a new service's outage is never held back");
        assertEquals("CRITICAL: NightwatchServiceDown (redis)", redis.get(0).title());
        assertEquals("redis is down", redis.get(0).text());
        assertEquals(5L, redis.get(0).alertId().orElseThrow());
    }

    @Test
    void onlyAFloodOfDistinctCausesIsSummedUpAndAtOnce() {
        AlertNotifier notifier = new AlertNotifier(Clock.systemUTC());
        List<AlertNotifier.Notice> notices = notifier.offer(IntStream.range(0, 11)
                .mapToObj(i -> critical(i, "ServiceDown", "svc-" + i)).toList());
        assertEquals(AlertNotifier.MAX_CAUSES_PER_WINDOW + 1, notices.size());
        assertEquals("and 3 more critical outages", notices.get(notices.size() - 1).title());
    }

    @Test
    void theSameCauseNotifiesAgainAfterTheWindow() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
        AlertNotifier notifier = new AlertNotifier(clock);
        assertEquals(1, notifier.offer(List.of(critical(1, "RedisDown", "redis"))).size());
        clock.now = clock.now.plusSeconds(61);
        assertEquals(1, notifier.offer(List.of(critical(2, "RedisDown", "redis"))).size());
    }

    @Test
    void warningsAndMutedAreSilent() {
        AlertNotifier notifier = new AlertNotifier(Clock.systemUTC());
        assertTrue(notifier.offer(List.of(TestAlerts.occurrence(1, "X", "warning", "loki", AlertState.FIRING, Map.of()))).isEmpty());
        notifier.setMuted(true);
        assertTrue(notifier.offer(List.of(critical(2, "RedisDown", "redis"))).isEmpty());
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
