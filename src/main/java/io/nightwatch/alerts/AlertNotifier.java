package io.nightwatch.alerts;

import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.text.Texts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which new critical alerts deserve a desktop notification, at once and never later: each new cause (a
 * service or host, see {@link AlertCauses}) gets its own notice, so a Redis crash is never swallowed by an
 * "and N more" about the Loki that was down before. What is folded is more of the same: further critical alerts
 * about a cause already noticed within {@link #WINDOW} belong to its group in the alert view and pop up nothing.
 * Only a flood of distinct causes (more than {@link #MAX_CAUSES_PER_WINDOW} a minute) is summed up, in the same
 * breath. Nothing while muted.
 */
public final class AlertNotifier {

    private static final Texts T = Texts.of(AlertNotifier.class);

    /** What to show: a title and one line. */
    public record Notice(String title, String text, Optional<Long> alertId) {}

    /** Distinct causes per minute before the rest are summed up: a whole stack failing, not a night's outage. */
    public static final int MAX_CAUSES_PER_WINDOW = 8;
    public static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final Deque<Instant> shown = new ArrayDeque<>();
    private final Map<String, Instant> noticedCause = new HashMap<>();
    private volatile boolean muted;

    private volatile java.util.function.Predicate<AlertOccurrence> quiet = a -> false;

    public AlertNotifier(Clock clock) {
        this.clock = clock;
    }

    public void setMuted(boolean muted) { this.muted = muted; }

    /** Alerts this says are quiet (about a service not deployed here) raise no notice. */
    public void setQuiet(java.util.function.Predicate<AlertOccurrence> quiet) { this.quiet = java.util.Objects.requireNonNull(quiet); }

    public boolean muted() { return muted; }

    /** Called with alerts that just started firing; returns what to show now. */
    public synchronized List<Notice> offer(List<AlertOccurrence> newlyFiring) {
        Instant now = clock.instant();
        while (!shown.isEmpty() && Duration.between(shown.peekFirst(), now).compareTo(WINDOW) >= 0) shown.removeFirst();
        noticedCause.values().removeIf(at -> Duration.between(at, now).compareTo(WINDOW) >= 0);
        List<Notice> notices = new ArrayList<>();
        int flooded = 0;
        for (AlertOccurrence a : newlyFiring) {
            if (!"critical".equals(a.severity()) || muted || quiet.test(a)) continue;
            String cause = AlertCauses.causeOf(a);
            if (noticedCause.containsKey(cause)) continue; // more of an outage already on screen: its group has it
            noticedCause.put(cause, now);
            if (shown.size() >= MAX_CAUSES_PER_WINDOW) {
                flooded++;
                continue;
            }
            shown.addLast(now);
            String summary = a.annotations().getOrDefault("summary", a.annotations().getOrDefault("description", ""));
            notices.add(new Notice(a.service().isEmpty() ? T.get("notice.critical", a.alertname()) : T.get("notice.criticalOn", a.alertname(), a.service()),
                    summary, Optional.of(a.id())));
        }
        if (flooded > 0) {
            notices.add(new Notice(T.get(flooded == 1 ? "notice.moreOne" : "notice.more", flooded), T.get("notice.seeView"), Optional.empty()));
        }
        return notices;
    }
}
