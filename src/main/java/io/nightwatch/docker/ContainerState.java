package io.nightwatch.docker;

import java.util.Locale;

/** The engine's container states ({@code State.Status}). */
public enum ContainerState {
    CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD, UNKNOWN;

    public static ContainerState of(String status) {
        if (status == null) return UNKNOWN;
        try {
            return valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    public String label() { return name().toLowerCase(Locale.ROOT); }
}
