package io.nightwatch.baseline;

import java.time.Duration;

/** Time a service served (UP or DEGRADED) against all time Nightwatch watched it with a known state. */
public record Availability(Duration serving, Duration observed) {

    public double percent() {
        return observed.isZero() ? Double.NaN : 100.0 * serving.toMillis() / observed.toMillis();
    }

    public boolean measured() {
        return !observed.isZero();
    }
}
