package io.nightwatch.text;

import java.time.Duration;

/** Durations in a stable English form ("850 ms", "2 s", "3 min", "5 h", "2 d") for tools and logs; people get {@link Formats#duration}. */
public final class Durations {

    private Durations() {}

    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        long s = d.toSeconds();
        if (s < 120) return s + " s";
        long m = d.toMinutes();
        if (m < 120) return m + " min";
        long h = d.toHours();
        if (h < 48) return h + " h";
        return d.toDays() + " d";
    }
}
