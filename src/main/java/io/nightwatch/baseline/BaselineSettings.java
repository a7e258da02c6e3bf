package io.nightwatch.baseline;

import java.time.Duration;

/**
 * How baselines are recorded and judged.
 *
 * @param every       one round of cheap queries per service (60 s: the stack must not notice it)
 * @param timeout     bound of each query; a slower answer is recorded as the timeout, no answer not at all
 * @param keep        samples older than this are pruned
 * @param minSamples  a baseline counts only with this many samples (30 = half an hour of rounds)
 * @param recent      the "now" a service is judged by: the p95 of this window
 * @param offFactor   p95 now at least this many times the baseline p95 is "off baseline"
 * @param offFloor    and at least this much slower in absolute terms (1 ms → 5 ms is noise, not news)
 */
public record BaselineSettings(Duration every, Duration timeout, Duration keep, int minSamples, Duration recent, double offFactor,
                               Duration offFloor) {

    public static final BaselineSettings DEFAULT = new BaselineSettings(Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofDays(30),
            30, Duration.ofMinutes(15), 5.0, Duration.ofMillis(50));

    public BaselineSettings {
        if (every.toMillis() < 100) throw new IllegalArgumentException("baseline rounds must be at least 100 ms apart");
        if (minSamples < 1) throw new IllegalArgumentException("a baseline needs at least one sample");
    }

    /** A gap in the state record longer than this means Nightwatch was not watching. */
    public Duration stateGap() {
        return every.multipliedBy(3);
    }
}
