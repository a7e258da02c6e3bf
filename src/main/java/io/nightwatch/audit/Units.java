package io.nightwatch.audit;

import java.time.Duration;
import java.util.Locale;

/** Numbers as operators read them in evidence lines. */
final class Units {

    private Units() {}

    static String bytes(long b) {
        if (b >= 1L << 30) return String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
        if (b >= 1L << 20) return String.format(Locale.ROOT, "%.0f MiB", b / (double) (1L << 20));
        if (b >= 1L << 10) return String.format(Locale.ROOT, "%.0f KiB", b / 1024.0);
        return b + " B";
    }

    static String cpus(long nano) {
        return String.format(Locale.ROOT, "%.2f", nano / 1e9).replaceAll("\\.?0+$", "");
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s >= 172_800 && s % 86_400 == 0) return s / 86_400 + " d";
        if (s >= 3_600) return String.format(Locale.ROOT, "%.1f h", s / 3600.0).replace(".0 h", " h");
        if (s >= 60) return s / 60 + " min";
        return s + " s";
    }

    /** Compose's spelling of a memory size: 512M, 1G. */
    static String composeMemory(long b) {
        if (b % (1L << 30) == 0) return b / (1L << 30) + "G";
        return b / (1L << 20) + "M";
    }
}
