package io.nightwatch.ui.flow;

import io.nightwatch.flow.CanaryResult;
import io.nightwatch.flow.Series;

import java.time.Instant;

/**
 * The recent round trips of one canary, in seconds (NaN when it did not arrive), in a fixed ring: the core reports
 * only the latest result, the card draws the trail. FX thread only.
 */
final class CanaryTrail {

    private final long[] times;
    private final double[] seconds;
    private int next;
    private int size;
    private Instant lastAt;

    CanaryTrail(int capacity) {
        times = new long[capacity];
        seconds = new double[capacity];
    }

    /** Adds the result unless it is the one already added (the monitor repeats it until the next round). */
    Series add(CanaryResult result) {
        if (!result.at().equals(lastAt)) {
            lastAt = result.at();
            times[next] = result.at().toEpochMilli();
            seconds[next] = result.roundTrip().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN);
            next = (next + 1) % times.length;
            size = Math.min(size + 1, times.length);
        }
        long[] t = new long[size];
        double[] v = new double[size];
        int start = (next - size + times.length) % times.length;
        for (int i = 0; i < size; i++) {
            t[i] = times[(start + i) % times.length];
            v[i] = seconds[(start + i) % times.length];
        }
        return new Series(t, v);
    }
}
