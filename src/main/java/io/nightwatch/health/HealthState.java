package io.nightwatch.health;

/**
 * A tile's verdict, in order of how much it needs the operator. NOT_DEPLOYED needs nothing: the operator said the
 * service does not run on that host, so it is neither probed nor alerted on.
 */
public enum HealthState {
    NOT_DEPLOYED, UP, UNKNOWN, DEGRADED, DOWN;

    /** DOWN or DEGRADED: what a tile order puts first. */
    public boolean isProblem() {
        return this == DOWN || this == DEGRADED;
    }

    public boolean worseThan(HealthState other) {
        return ordinal() > other.ordinal();
    }
}
