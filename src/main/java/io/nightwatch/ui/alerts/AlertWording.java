package io.nightwatch.ui.alerts;

import io.nightwatch.text.Durations;
import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertState;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** How the alert view words times, durations and sources; plain functions, tested without a toolkit. */
final class AlertWording {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT);
    private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private AlertWording() {}

    /** Today "03:10:22", this year "Mar 14 03:10", else "2024-11-02 17:40". */
    static String when(Instant t, Instant now, ZoneId zone) {
        ZonedDateTime at = t.atZone(zone);
        ZonedDateTime today = now.atZone(zone);
        if (at.toLocalDate().equals(today.toLocalDate())) return CLOCK.format(at);
        if (at.getYear() == today.getYear()) return THIS_YEAR.format(at);
        return OTHER_YEAR.format(at);
    }

    /** "2025-03-14 03:10:22 (12 min ago)". */
    static String full(Instant t, Instant now, ZoneId zone) {
        Duration ago = Duration.between(t, now);
        String relative = ago.isNegative() ? "in " + Durations.human(ago.negated())
                : ago.toSeconds() < 1 ? "just now" : Durations.human(ago) + " ago";
        return FULL.format(t.atZone(zone)) + " (" + relative + ")";
    }

    /** When it ended: its own end time, else (resolved without one) when Nightwatch last heard of it. */
    static Optional<Instant> end(AlertOccurrence a) {
        if (a.endsAt().isPresent()) return a.endsAt();
        return a.state() == AlertState.RESOLVED ? Optional.of(a.lastReceivedAt()) : Optional.empty();
    }

    static Duration lasted(AlertOccurrence a, Instant now) {
        Duration d = Duration.between(a.startsAt(), end(a).orElse(now));
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** "webhook + alertmanager": who reported it first, then who else has. */
    static String sources(AlertOccurrence a) {
        List<String> parts = new ArrayList<>();
        parts.add(a.source());
        for (String other : new TreeSet<>(a.seenBy())) if (!other.equals(a.source())) parts.add(other);
        return String.join(" + ", parts);
    }

    /** "FIRING for 12 min", "RESOLVED after 5 min", "PENDING for 40 s". */
    static String stateLine(AlertOccurrence a, Instant now) {
        String lasted = Durations.human(lasted(a, now));
        return a.state() == AlertState.RESOLVED ? "RESOLVED after " + lasted : a.state().name() + " for " + lasted;
    }

    /** The lower-case severity, or "none" when the alert has no severity label. */
    static String severity(String severity) {
        return severity == null || severity.isBlank() ? "none" : severity.toLowerCase(Locale.ROOT);
    }

    /** The summary annotation, else the description, else "". */
    static String summary(AlertOccurrence a) {
        String summary = a.annotations().getOrDefault("summary", "");
        if (!summary.isBlank()) return summary.strip();
        return a.annotations().getOrDefault("description", a.annotations().getOrDefault("message", "")).strip();
    }

    /** "+3 related": a group head's count of the other alerts about its cause. */
    static String related(int others) {
        return "+" + others + " related";
    }
}
