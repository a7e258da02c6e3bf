package io.nightwatch.ui.fx;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.nightwatch.text.Formats;
import io.nightwatch.text.Texts;

/**
 * The header's age line, worded once for every view: "updated 03:12:09" while news keeps coming, "no update for 45 s
 * (last 03:12:09)" and stale once it has been quiet longer than {@code staleAfter}.
 *
 * @param fresh  the word before the time while fresh ("updated", "read")
 * @param silent the words before the age once stale ("no update for", "no reading for")
 */
public record AgeLine(String fresh, String silent) {

    private static final Texts T = Texts.of(AgeLine.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** The line and whether it is stale. */
    public record Reading(String text, boolean stale) {}

    public Reading read(Instant last, Instant now, Duration staleAfter, ZoneId zone) {
        String at = TIME.withZone(zone).format(last);
        Duration age = Duration.between(last, now);
        boolean stale = age.compareTo(staleAfter) > 0;
        return new Reading(stale ? T.get("age.stale", silent, Formats.duration(age), at) : T.get("age.fresh", fresh, at), stale);
    }
}
