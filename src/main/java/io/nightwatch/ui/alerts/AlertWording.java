package io.nightwatch.ui.alerts;

import io.nightwatch.text.Language;
import io.nightwatch.text.Formats;
import io.nightwatch.text.Texts;
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

    private static final Texts T = Texts.of(AlertWording.class);

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private AlertWording() {}

    /** A pattern of the bundle ("Mar 14 03:10" / "14. März 03:10"), in the language's month names. */
    private static DateTimeFormatter pattern(String key) {
        Locale locale = Language.current() == Language.EN ? Locale.ROOT : Language.current().locale();
        return DateTimeFormatter.ofPattern(T.get(key), locale);
    }

    /** Today "03:10:22", this year "Mar 14 03:10", else "2024-11-02 17:40". */
    static String when(Instant t, Instant now, ZoneId zone) {
        ZonedDateTime at = t.atZone(zone);
        ZonedDateTime today = now.atZone(zone);
        if (at.toLocalDate().equals(today.toLocalDate())) return CLOCK.format(at);
        if (at.getYear() == today.getYear()) return pattern("format.thisYear").format(at);
        return pattern("format.otherYear").format(at);
    }

    /** "2025-03-14 03:10:22 (12 min ago)". */
    static String full(Instant t, Instant now, ZoneId zone) {
        Duration ago = Duration.between(t, now);
        String relative = ago.isNegative() ? T.get("time.in", Formats.duration(ago.negated()))
                : ago.toSeconds() < 1 ? T.get("time.justNow") : T.get("time.ago", Formats.duration(ago));
        return pattern("format.full").format(t.atZone(zone)) + " (" + relative + ")";
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
        return stateLine(a.state(), Formats.duration(lasted(a, now)));
    }

    /** "FIRING for 12 min" / "aktiv seit 12 min". */
    static String stateLine(AlertState state, String lasted) {
        return T.get(state == AlertState.RESOLVED ? "stateLine.after" : "stateLine.for", state(state), lasted);
    }

    /** The state as the table shows it: "FIRING" / "aktiv". */
    static String state(AlertState state) {
        return word("state.", state.name());
    }

    /** The lower-case severity, or "none" when the alert has no severity label. */
    static String severity(String severity) {
        return severity == null || severity.isBlank() ? T.get("severity.none") : severityWord(severity.toLowerCase(Locale.ROOT));
    }

    /** A known severity in the reader's words ("critical" / "kritisch"); any other value as the rule wrote it. */
    static String severityWord(String value) {
        return word("severity.", value);
    }

    /** The summary annotation, else the description, else "". */
    static String summary(AlertOccurrence a) {
        String summary = a.annotations().getOrDefault("summary", "");
        if (!summary.isBlank()) return summary.strip();
        return a.annotations().getOrDefault("description", a.annotations().getOrDefault("message", "")).strip();
    }

    /**
     * The package's word for an enum constant or a known value ({@code state.FIRING}, {@code severity.critical}); a value
     * the bundle does not know is shown as it is (a rule's own severity, say).
     */
    static String word(String prefix, String value) {
        String key = prefix + value;
        return T.has(key) ? T.get(key) : value;
    }

    /** "+3 related": a group head's count of the other alerts about its cause. */
    static String related(int others) {
        return T.get("related", others);
    }
}
