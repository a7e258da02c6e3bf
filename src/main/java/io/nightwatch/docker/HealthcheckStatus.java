package io.nightwatch.docker;

import java.util.Locale;

/** The engine's own healthcheck verdict ({@code State.Health.Status}); NONE when the container has no healthcheck. */
public enum HealthcheckStatus {
    NONE, STARTING, HEALTHY, UNHEALTHY;

    public static HealthcheckStatus of(String status) {
        if (status == null || status.isBlank()) return NONE;
        try {
            return valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }

    public String label() { return name().toLowerCase(Locale.ROOT); }
}
