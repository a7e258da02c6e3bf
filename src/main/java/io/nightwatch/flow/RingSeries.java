package io.nightwatch.flow;

/** A fixed-size ring of (time, value) points: memory stays flat however long the console runs. */
final class RingSeries {

    private final long[] times;
    private final double[] values;
    private int next;
    private int size;

    RingSeries(int capacity) {
        if (capacity < 2) throw new IllegalArgumentException("capacity must be at least 2");
        this.times = new long[capacity];
        this.values = new double[capacity];
    }

    synchronized void add(long epochMillis, double value) {
        times[next] = epochMillis;
        values[next] = value;
        next = (next + 1) % times.length;
        size = Math.min(size + 1, times.length);
    }

    synchronized Series snapshot() {
        long[] t = new long[size];
        double[] v = new double[size];
        int start = (next - size + times.length) % times.length;
        for (int i = 0; i < size; i++) {
            t[i] = times[(start + i) % times.length];
            v[i] = values[(start + i) % times.length];
        }
        return new Series(t, v);
    }

    int capacity() { return times.length; }
}
