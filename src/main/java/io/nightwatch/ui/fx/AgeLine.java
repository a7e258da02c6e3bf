package io.nightwatch.ui.fx;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.nightwatch.text.Formats;
import io.nightwatch.text.Texts;

/**
 * The header's age line, worded once for every view: "updated 03:12" while news keeps coming, "no update for 45 s
 * (last 03:12:09)" and stale once it has been quiet longer than {@code staleAfter}. Fresh, it names the minute only: a
 * line that changed at every poll would repaint the window every two seconds for nothing the operator needs (the stale
 * line, with seconds, tells a stopped watch).
 *
 * @param fresh  the word before the time while fresh ("updated", "read")
 * @param silent the words before the age once stale ("no update for", "no reading for")
 */
public record AgeLine(String fresh, String silent) {

    private static final Texts T = Texts.of(AgeLine.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** The line and whether it is stale. */
    public record Reading(String text, boolean stale) {}

    public Reading read(Instant last, Instant now, Duration staleAfter, ZoneId zone) {
        Duration age = Duration.between(last, now);
        boolean stale = age.compareTo(staleAfter) > 0;
        return new Reading(stale ? T.get("age.stale", silent, Formats.duration(age), TIME.withZone(zone).format(last))
                : T.get("age.fresh", fresh, MINUTE.withZone(zone).format(last)), stale);
    }
}
