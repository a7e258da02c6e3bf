package io.nightwatch.ui.flow;

import io.nightwatch.flow.Rates;

import java.util.Locale;

/**
 * Figures for the screen: {@link Rates#format} ("1.2k samples/s", "3.1 MiB", "12 clients"), split for layout.
 */
public final class Figures {

    private Figures() {}

    public static String format(double value, String unit) {
        return Rates.format(value, unit);
    }

    /** "1.2k samples/s" → {"1.2k", "samples/s"}; a figure without a space stays whole. */
    public static String[] split(String figure) {
        int space = figure.indexOf(' ');
        return space < 0 ? new String[] {figure, ""} : new String[] {figure.substring(0, space), figure.substring(space + 1)};
    }

    /** A count per minute: whole when it is nearly whole ("3"), else one decimal ("0.4", "2.5"). */
    public static String perMinute(double value) {
        if (value >= 10) return String.format(Locale.ROOT, "%.0f", value);
        if (Math.abs(value - Math.rint(value)) < 0.05 && value >= 0.95) return String.format(Locale.ROOT, "%.0f", value);
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
