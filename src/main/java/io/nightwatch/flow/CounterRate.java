package io.nightwatch.flow;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.OptionalDouble;

/**
 * Per-second rate of a monotonic counter over a look-back span, as Prometheus' {@code rate()} computes it.
 * Reading more often than the service updates its counter (Prometheus appends once per 15 s scrape) would
 * otherwise show a comb of zeros and spikes; the look-back smooths that. A counter that went down was reset
 * (the service restarted) and counts on from zero, so a restart never yields a negative rate or a spike. A
 * missing reading simply widens the interval.
 */
final class CounterRate {

    private record Point(long atMillis, double total) {}

    private final long lookBackMillis;
    private final ArrayDeque<Point> points = new ArrayDeque<>();
    private double lastRaw = Double.NaN;
    private double total;
    private long firstReadingAtMillis = Long.MIN_VALUE;
    private long lastIncreaseAtMillis = Long.MIN_VALUE;

    /** @param lookBackMillis 0 for the rate between the last two readings */
    CounterRate(long lookBackMillis) {
        this.lookBackMillis = lookBackMillis;
    }

    CounterRate() {
        this(0);
    }

    /** @return the rate over the look-back; empty for the first reading or an unusable value */
    OptionalDouble update(long atMillis, double value) {
        if (!Double.isFinite(value) || value < 0) return OptionalDouble.empty();
        if (Double.isNaN(lastRaw)) {
            lastRaw = value;
            firstReadingAtMillis = atMillis;
            points.addLast(new Point(atMillis, 0));
            return OptionalDouble.empty();
        }
        if (atMillis <= points.getLast().atMillis()) return OptionalDouble.empty();
        double increase = value >= lastRaw ? value - lastRaw : value;
        lastRaw = value;
        total += increase;
        if (increase > 0) lastIncreaseAtMillis = atMillis;
        points.addLast(new Point(atMillis, total));
        dropPointsBeforeLookBack(atMillis);
        Point oldest = points.getFirst();
        return OptionalDouble.of((total - oldest.total()) * 1000.0 / (atMillis - oldest.atMillis()));
    }

    /** Keeps one point at or before the start of the look-back, so the span covers all of it. */
    private void dropPointsBeforeLookBack(long now) {
        while (points.size() > 2) {
            Iterator<Point> it = points.iterator();
            it.next();
            if (now - it.next().atMillis() >= lookBackMillis) points.removeFirst(); else return;
        }
    }

    /** When the counter last went up, else when it was first read; {@link Long#MIN_VALUE} before any reading. */
    long lastMovedOrFirstSeenAtMillis() {
        return lastIncreaseAtMillis != Long.MIN_VALUE ? lastIncreaseAtMillis : firstReadingAtMillis;
    }
}
