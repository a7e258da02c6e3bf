package io.nightwatch.text;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Numbers, dates and durations as people read them in the current {@link Language}: "1,5 MiB" and "06.12.2026 03:12"
 * in German, "1.5 MiB" and "2026-12-06 03:12" in English (the English forms are the ones the console always showed).
 * Never for JSON or logs.
 */
public final class Formats {

    private static final Texts T = Texts.of(Formats.class);

    private Formats() {}

    /** A decimal with at most the given fraction digits, no grouping ("1.5" / "1,5"). */
    public static String decimal(double value, int maxFractionDigits) {
        NumberFormat f = NumberFormat.getNumberInstance(Language.current().locale());
        f.setGroupingUsed(false);
        f.setMaximumFractionDigits(maxFractionDigits);
        f.setMinimumFractionDigits(0);
        return f.format(value);
    }

    /** A decimal with exactly the given fraction digits ("0.80" / "0,80"). */
    public static String fixed(double value, int fractionDigits) {
        NumberFormat f = NumberFormat.getNumberInstance(Language.current().locale());
        f.setGroupingUsed(false);
        f.setMaximumFractionDigits(fractionDigits);
        f.setMinimumFractionDigits(fractionDigits);
        return f.format(value);
    }

    /** A count with grouping ("10,000" / "10.000"). */
    public static String count(long value) {
        return NumberFormat.getIntegerInstance(Language.current().locale()).format(value);
    }

    /** Date and minute, in the given zone. */
    public static String dateTime(Instant at, ZoneId zone) {
        return DateTimeFormatter.ofPattern(T.get("format.dateTime"), Language.current().locale()).withZone(zone).format(at);
    }

    /** Date, time with seconds, in the given zone. */
    public static String dateTimeSeconds(Instant at, ZoneId zone) {
        return DateTimeFormatter.ofPattern(T.get("format.dateTimeSeconds"), Language.current().locale()).withZone(zone).format(at);
    }

    public static String date(Instant at, ZoneId zone) {
        return DateTimeFormatter.ofPattern(T.get("format.date"), Language.current().locale()).withZone(zone).format(at);
    }

    /** Time of day with seconds: the same in both languages (24 h). */
    public static String time(Instant at, ZoneId zone) {
        return DateTimeFormatter.ofPattern("HH:mm:ss", Language.current().locale()).withZone(zone).format(at);
    }

    /** "850 ms", "2 s", "3 min", "5 h", "2 d" / "2 T." — the unit words from the bundle. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return T.get("duration.ms", ms);
        long s = d.toSeconds();
        if (s < 120) return T.get("duration.s", s);
        long m = d.toMinutes();
        if (m < 120) return T.get("duration.min", m);
        long h = d.toHours();
        if (h < 48) return T.get("duration.h", h);
        return T.get("duration.d", d.toDays());
    }

    /**
     * A probe's answer time as an operator reads it: "< 10 ms", "40 ms", "300 ms", "1.2 s". Coarse on purpose: a
     * loopback probe wobbles between 1 and 3 ms at every poll, and a figure that changes every two seconds repaints the
     * window for nothing; what matters is fast, slower, or near the timeout (JSON keeps the exact milliseconds).
     */
    public static String latency(Duration d) {
        long ms = d.toMillis();
        if (ms < 10) return T.get("latency.fast", 10);
        if (ms < 95) return T.get("duration.ms", Math.round(ms / 10.0) * 10);
        if (ms < 950) return T.get("duration.ms", Math.round(ms / 100.0) * 100);
        return T.get("latency.seconds", decimal(Math.round(ms / 100.0) / 10.0, 1));
    }
}
