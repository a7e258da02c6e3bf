package io.nightwatch.flow;

import java.util.Arrays;

/**
 * An immutable copy of a stage's recent values, oldest first, for sparklines and exports. NaN marks a gap
 * (no reading at that moment).
 */
public record Series(long[] epochMillis, double[] values) {

    public static final Series EMPTY = new Series(new long[0], new double[0]);

    public Series {
        if (epochMillis.length != values.length) throw new IllegalArgumentException("times and values differ in length");
    }

    public int size() { return values.length; }

    public double max() {
        return Arrays.stream(values).filter(Double::isFinite).max().orElse(0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && Arrays.equals(epochMillis, s.epochMillis) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(epochMillis) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Series[" + values.length + " points]";
    }
}
