package io.nightwatch.text;

/** Byte counts as an operator reads them (binary units, as Docker prints limits); a point, whatever the locale. */
public final class Bytes {

    private Bytes() {}

    public static String human(long bytes) {
        if (bytes < 1024) return bytes + " B";
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return value >= 10 || value == Math.floor(value) ? String.format(java.util.Locale.ROOT, "%.0f %s", value, units[unit])
                : String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
