package io.nightwatch.ui.flow;

import io.nightwatch.text.Texts;
import io.nightwatch.flow.Rates;
import io.nightwatch.text.Language;

import java.util.Locale;

/**
 * Figures for the screen: {@link Rates#format} ("1.2k samples/s", "3.1 MiB", "12 clients"), split for layout.
 */
public final class Figures {

    private static final Texts T = Texts.of(Figures.class);

    private Figures() {}

    /** In the current language: the decimal separator and the unit's word ("1,2k Samples/s"); English as it always was. */
    public static String format(double value, String unit) {
        if (Double.isNaN(value) || unit.equals("B") || unit.equals("B/s")) return Rates.format(value, unit); // bytes keep their point
        return decimals(Rates.number(value)) + " " + unit(unit);
    }

    /** The unit's word ("lines/s" → "Logzeilen/s"); the unit itself where the bundle has none. */
    public static String unit(String unit) {
        String key = "unit." + unit;
        return T.has(key) ? T.get(key) : unit;
    }

    private static String decimals(String number) {
        char separator = java.text.DecimalFormatSymbols.getInstance(Language.current().locale()).getDecimalSeparator();
        return separator == '.' ? number : number.replace('.', separator);
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
        return decimals(String.format(Locale.ROOT, "%.1f", value));
    }
}
