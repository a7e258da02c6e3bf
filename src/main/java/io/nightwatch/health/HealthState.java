package io.nightwatch.health;

/** A tile's verdict, in order of how much it needs the operator. */
public enum HealthState {
    UP, UNKNOWN, DEGRADED, DOWN;

    public boolean worseThan(HealthState other) {
        return ordinal() > other.ordinal();
    }
}
