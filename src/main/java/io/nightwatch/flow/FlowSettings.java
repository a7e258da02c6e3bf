package io.nightwatch.flow;

import io.nightwatch.stack.FlowOptions;

import java.time.Duration;

/**
 * @param interval how often each service's metrics are read
 * @param window   how long a stage may stay at zero (or keep failing) before it is STALLED
 * @param history  how much the sparklines show
 * @param canary   push canary log lines and metrics through Loki and the collector
 */
public record FlowSettings(Duration interval, Duration window, Duration history, boolean canary) {

    public static final FlowSettings DEFAULT = of(FlowOptions.DEFAULT);

    /** The settings an operator's profile asks for. */
    public static FlowSettings of(FlowOptions options) {
        return new FlowSettings(options.interval(), options.window(), options.history(), options.canary());
    }

    public FlowSettings {
        if (interval.toMillis() < 100) throw new IllegalArgumentException("interval must be at least 100 ms");
        if (window.compareTo(interval) < 0) throw new IllegalArgumentException("the stall window must be at least one interval");
    }

    /**
     * The span rates are computed over: half the stall window, at most 30 s, and never less than one interval.
     * Long enough to bridge a 15 s scrape interval, short enough that a stall shows within the window.
     */
    public Duration lookBack() {
        Duration half = window.dividedBy(2);
        Duration capped = half.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : half;
        return capped.compareTo(interval) < 0 ? interval : capped;
    }

    /** Points a sparkline keeps: the history at one point per interval. */
    public int historyPoints() {
        return (int) Math.max(2, Math.min(10_000, history.toMillis() / interval.toMillis()));
    }
}
