package io.nightwatch.flow;

import io.nightwatch.text.Bytes;

import java.util.Locale;

/** Figures as a person reads them: "1.2k samples/s", "0.33 lines/s", "1.5 MiB". */
public final class Rates {

    private Rates() {}

    public static String format(double value, String unit) {
        if (Double.isNaN(value)) return "–";
        if (unit.equals("B")) return Bytes.human((long) value);
        if (unit.equals("B/s")) return Bytes.human((long) value) + "/s";
        return number(value) + " " + unit;
    }

    public static String number(double value) {
        double abs = Math.abs(value);
        if (abs == 0) return "0";
        if (abs < 100 && value == Math.rint(value)) return String.format(Locale.ROOT, "%.0f", value); // counted: "12 clients"
        if (abs >= 1_000_000) return String.format(Locale.ROOT, "%.1fM", value / 1_000_000);
        if (abs >= 10_000) return String.format(Locale.ROOT, "%.0fk", value / 1_000);
        if (abs >= 1_000) return String.format(Locale.ROOT, "%.1fk", value / 1_000);
        if (abs >= 100) return String.format(Locale.ROOT, "%.0f", value);
        if (abs >= 10) return String.format(Locale.ROOT, "%.1f", value);
        if (abs >= 0.01) return String.format(Locale.ROOT, "%.2f", value);
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
