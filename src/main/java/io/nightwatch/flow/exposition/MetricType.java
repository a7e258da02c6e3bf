package io.nightwatch.flow.exposition;

import java.util.Locale;

/** The metric types of the Prometheus text exposition format 0.0.4 ({@code # TYPE} lines). */
public enum MetricType {
    COUNTER,
    GAUGE,
    HISTOGRAM,
    SUMMARY,
    /** No {@code # TYPE} line, or {@code # TYPE name untyped}. */
    UNTYPED;

    /** The word used on a {@code # TYPE} line, e.g. {@code "counter"}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type named by a {@code # TYPE} word, or null if it names none. Like Prometheus' own parser
     * (expfmt), the word is matched without regard to case.
     */
    static MetricType fromWord(String word) {
        for (MetricType t : values()) {
            if (t.name().equalsIgnoreCase(word)) {
                return t;
            }
        }
        return null;
    }
}
