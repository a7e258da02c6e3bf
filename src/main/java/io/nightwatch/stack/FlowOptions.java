package io.nightwatch.stack;

import java.time.Duration;

/**
 * The profile's data-flow settings, as the operator wrote them (the flow capability checks and derives from them).
 *
 * @param interval how often services' own metrics are read
 * @param window   how long a stage may stay at zero, with upstream up, before it is STALLED
 * @param history  how much the sparklines show
 * @param canary   whether canary lines and metrics are pushed through Loki and the collector
 */
public record FlowOptions(Duration interval, Duration window, Duration history, boolean canary) {

    /**
     * Reads every 15 s: the stack's own figures move at that pace (Prometheus scrapes every 15 s), so reading more
     * often redraws the same data; STALLED still needs a whole minute without movement.
     */
    public static final FlowOptions DEFAULT = new FlowOptions(Duration.ofSeconds(15), Duration.ofSeconds(60),
            Duration.ofMinutes(15), false);
}
