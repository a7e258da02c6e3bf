package io.nightwatch.alerts;

import io.nightwatch.store.AlertOccurrence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Decides which new critical alerts deserve a desktop notification: at most a few per minute (a flood of
 * pop-ups at 3 a.m. helps nobody), the rest summed up in one "and N more", nothing while muted.
 */
public final class AlertNotifier {

    /** What to show: a title and one line. */
    public record Notice(String title, String text, Optional<Long> alertId) {}

    public static final int MAX_PER_WINDOW = 3;
    public static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final Deque<Instant> shown = new ArrayDeque<>();
    private volatile boolean muted;
    private int held;

    public AlertNotifier(Clock clock) {
        this.clock = clock;
    }

    public void setMuted(boolean muted) { this.muted = muted; }

    public boolean muted() { return muted; }

    /** Called with alerts that just started firing; returns what to show now. */
    public synchronized List<Notice> offer(List<AlertOccurrence> newlyFiring) {
        Instant now = clock.instant();
        while (!shown.isEmpty() && Duration.between(shown.peekFirst(), now).compareTo(WINDOW) >= 0) shown.removeFirst();
        List<Notice> notices = new ArrayList<>();
        for (AlertOccurrence a : newlyFiring) {
            if (!"critical".equals(a.severity())) continue;
            if (muted) continue;
            if (shown.size() < MAX_PER_WINDOW) {
                shown.addLast(now);
                String summary = a.annotations().getOrDefault("summary", a.annotations().getOrDefault("description", ""));
                notices.add(new Notice("CRITICAL: " + a.alertname() + (a.service().isEmpty() ? "" : " (" + a.service() + ")"),
                        summary, Optional.of(a.id())));
            } else {
                held++;
            }
        }
        if (held > 0 && shown.size() < MAX_PER_WINDOW) {
            shown.addLast(now);
            notices.add(new Notice("and " + held + " more critical alert" + (held == 1 ? "" : "s"), "see the alert history", Optional.empty()));
            held = 0;
        }
        return notices;
    }
}
