package io.nightwatch.ui.alerts;

import java.time.Duration;

/** How far back the alert view looks: the filter bar's presets. */
public enum TimeRange {
    HOUR("1h", "last hour", Duration.ofHours(1)),
    SIX_HOURS("6h", "last 6 h", Duration.ofHours(6)),
    DAY("24h", "last 24 h", Duration.ofHours(24)),
    WEEK("7d", "last 7 days", Duration.ofDays(7)),
    MONTH("30d", "last 30 days", Duration.ofDays(30)),
    QUARTER("90d", "last 90 days", Duration.ofDays(90));

    private final String label;
    private final String words;
    private final Duration duration;

    TimeRange(String label, String words, Duration duration) {
        this.label = label;
        this.words = words;
        this.duration = duration;
    }

    /** "24h": the button. */
    public String label() { return label; }

    /** "last 24 h": in sentences. */
    public String words() { return words; }

    public Duration duration() { return duration; }
}
