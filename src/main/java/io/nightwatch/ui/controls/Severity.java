package io.nightwatch.ui.controls;

import java.util.Locale;

/** How severe an alert is, as far as colour, pattern and icon go; anything unknown is OTHER. */
public enum Severity {
    CRITICAL, WARNING, INFO, OTHER;

    public static Severity of(String label) {
        return switch (label == null ? "" : label.trim().toLowerCase(Locale.ROOT)) {
            case "critical", "page", "error", "emergency", "alert" -> CRITICAL;
            case "warning", "warn", "major", "minor" -> WARNING;
            case "info", "informational", "notice", "none" -> INFO;
            default -> OTHER;
        };
    }
}
