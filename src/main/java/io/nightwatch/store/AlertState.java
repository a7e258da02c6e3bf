package io.nightwatch.store;

import java.util.Locale;

/** The life of an alert occurrence as Nightwatch keeps it; everything but RESOLVED is "open". */
public enum AlertState {
    /** Prometheus: the rule matches but its {@code for} has not elapsed yet. */
    PENDING,
    FIRING,
    /** Alertmanager: silenced or inhibited (still firing at the source). */
    SUPPRESSED,
    RESOLVED;

    public boolean isOpen() {
        return this != RESOLVED;
    }

    /** Alertmanager webhook payload {@code status}: firing | resolved. */
    public static AlertState fromWebhookStatus(String status) {
        return switch (lower(status)) {
            case "firing" -> FIRING;
            case "resolved" -> RESOLVED;
            default -> throw new IllegalArgumentException("unknown webhook alert status: " + status);
        };
    }

    /** Alertmanager API v2 {@code status.state}: active | suppressed | unprocessed (the API lists no resolved alerts). */
    public static AlertState fromAlertmanagerState(String state) {
        return switch (lower(state)) {
            case "active", "unprocessed" -> FIRING;
            case "suppressed" -> SUPPRESSED;
            default -> throw new IllegalArgumentException("unknown Alertmanager alert state: " + state);
        };
    }

    /** Prometheus {@code /api/v1/alerts} state: pending | firing (inactive alerts are not listed; treated as resolved). */
    public static AlertState fromPrometheusState(String state) {
        return switch (lower(state)) {
            case "pending" -> PENDING;
            case "firing" -> FIRING;
            case "inactive" -> RESOLVED;
            default -> throw new IllegalArgumentException("unknown Prometheus alert state: " + state);
        };
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
