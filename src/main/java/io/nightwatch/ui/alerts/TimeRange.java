package io.nightwatch.ui.alerts;

import java.time.Duration;

/** How far back the alert view looks: the filter bar's presets. */
public enum TimeRange {
    HOUR("1h", Duration.ofHours(1)),
    SIX_HOURS("6h", Duration.ofHours(6)),
    DAY("24h", Duration.ofHours(24)),
    WEEK("7d", Duration.ofDays(7)),
    MONTH("30d", Duration.ofDays(30)),
    QUARTER("90d", Duration.ofDays(90));

    private final String label;
    private final Duration duration;

    TimeRange(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    /** "24h": the button's id (the button shows {@link #button()}). */
    public String label() { return label; }

    /** "24h" / "24 Std.": what the button says. */
    public String button() { return AlertWording.word("range.button.", name()); }

    /** "last 24 h": in sentences. */
    public String words() { return AlertWording.word("range.", name()); }

    public Duration duration() { return duration; }
}
