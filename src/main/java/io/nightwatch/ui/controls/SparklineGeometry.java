package io.nightwatch.ui.controls;

import java.util.Arrays;

/**
 * Where a sparkline's points go, in pixels: pure arithmetic, no toolkit, so it is tested on its own.
 *
 * <ul>
 *   <li>x is time: the right edge is the newest point; with a span the left edge is {@code newest - span} (a young
 *       series fills from the right, older points are clipped), without one the oldest point is at the left edge;</li>
 *   <li>y runs from the lowest to the highest finite value; with a zero baseline 0 is always in range, so a flat
 *       zero lies on the bottom edge (what a stalled stage looks like) and a flat non-zero line at the top;</li>
 *   <li>a NaN value is a gap: the line breaks there and resumes with the next finite value;</li>
 *   <li>points that fall into the same pixel column are reduced to that column's first, lowest, highest and last
 *       (M4), so a 10 000-point series costs no more to stroke than the canvas is wide and no spike is lost.</li>
 * </ul>
 */
public final class SparklineGeometry {

    private SparklineGeometry() {}

    /**
     * The drawing area.
     *
     * @param inset        kept free on every side (half the line width, so the line is not clipped)
     * @param spanMillis   the time the width stands for; 0 fits the data
     * @param zeroBaseline keep 0 inside the value range
     */
    public record Frame(double width, double height, double inset, long spanMillis, boolean zeroBaseline) {

        double plotWidth() { return Math.max(0, width - 2 * inset); }

        double plotHeight() { return Math.max(0, height - 2 * inset); }
    }

    /**
     * The polyline to draw. {@link #isBreak(int)} marks where the line stops (a gap); consecutive non-break points
     * are joined.
     *
     * @param baselineY y of the value 0, or NaN without a zero baseline
     * @param low       the value at the bottom edge
     * @param high      the value at the top edge
     */
    public record Path(double[] x, double[] y, int size, double baselineY, double low, double high) {

        static final Path EMPTY = new Path(new double[0], new double[0], 0, Double.NaN, 0, 0);

        public boolean isBreak(int i) { return Double.isNaN(x[i]); }

        /** Points actually drawn (breaks not counted). */
        public int pointCount() {
            int n = 0;
            for (int i = 0; i < size; i++) if (!isBreak(i)) n++;
            return n;
        }

        public boolean isEmpty() { return pointCount() == 0; }

        /** The newest drawn point's index, or -1. */
        public int last() {
            for (int i = size - 1; i >= 0; i--) if (!isBreak(i)) return i;
            return -1;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Path p && size == p.size && Arrays.equals(x, 0, size, p.x, 0, p.size)
                    && Arrays.equals(y, 0, size, p.y, 0, p.size) && Double.compare(baselineY, p.baselineY) == 0;
        }

        @Override
        public int hashCode() { return 31 * size + Double.hashCode(baselineY); }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("Path[");
            for (int i = 0; i < size; i++) {
                if (i > 0) text.append(' ');
                text.append(isBreak(i) ? "|" : String.format(java.util.Locale.ROOT, "(%.1f,%.1f)", x[i], y[i]));
            }
            return text.append(']').toString();
        }
    }

    /** @param times epoch milliseconds, oldest first, same length as {@code values} */
    public static Path layout(long[] times, double[] values, Frame frame) {
        int n = Math.min(times.length, values.length);
        if (n == 0 || frame.plotWidth() <= 0 || frame.plotHeight() <= 0) return emptyWithBaseline(frame);

        long end = times[n - 1];
        long start = frame.spanMillis() > 0 ? end - frame.spanMillis() : times[0];
        int first = 0;
        while (first < n && times[first] < start) first++;

        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = first; i < n; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) continue;
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        if (low > high) return emptyWithBaseline(frame); // nothing finite in view: all gap
        if (frame.zeroBaseline()) {
            low = Math.min(low, 0);
            high = Math.max(high, 0);
        }
        if (high == low) {
            if (frame.zeroBaseline()) high = low + 1; // all zero: the line lies on the bottom edge
            else {
                low -= 1;
                high += 1; // a flat level sits in the middle
            }
        }

        Scale scale = new Scale(frame, start, end, low, high);
        Builder out = new Builder(2 * (n - first) + 1);
        Bucket bucket = new Bucket();
        for (int i = first; i < n; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                bucket.flush(times, values, scale, out);
                out.addBreak();
                continue;
            }
            int column = (int) Math.floor(scale.x(times[i]));
            if (!bucket.open || bucket.column != column) {
                bucket.flush(times, values, scale, out);
                bucket.start(column, i, v);
            } else {
                bucket.add(i, v);
            }
        }
        bucket.flush(times, values, scale, out);
        double baseline = frame.zeroBaseline() ? scale.y(0) : Double.NaN;
        return out.build(baseline, low, high);
    }

    private static Path emptyWithBaseline(Frame frame) {
        if (!frame.zeroBaseline()) return Path.EMPTY;
        return new Path(new double[0], new double[0], 0, frame.height() - frame.inset(), 0, 1);
    }

    private record Scale(Frame frame, long start, long end, double low, double high) {

        double x(long t) {
            if (end == start) return frame.inset() + frame.plotWidth(); // one point: at the newest edge
            return frame.inset() + (double) (t - start) / (end - start) * frame.plotWidth();
        }

        double y(double v) {
            return frame.inset() + (high - v) / (high - low) * frame.plotHeight();
        }
    }

    /** The points of one pixel column so far: first, lowest, highest, last (by index). */
    private static final class Bucket {
        boolean open;
        int column;
        int first, min, max, last;
        double minValue, maxValue;

        void start(int column, int i, double v) {
            this.open = true;
            this.column = column;
            first = min = max = last = i;
            minValue = maxValue = v;
        }

        void add(int i, double v) {
            last = i;
            if (v < minValue) {
                minValue = v;
                min = i;
            }
            if (v > maxValue) {
                maxValue = v;
                max = i;
            }
        }

        void flush(long[] times, double[] values, Scale scale, Builder out) {
            if (!open) return;
            open = false;
            int a = Math.min(min, max);
            int b = Math.max(min, max);
            int previous = -1;
            for (int i : new int[] {first, a, b, last}) {
                if (i == previous) continue;
                out.add(scale.x(times[i]), scale.y(values[i]));
                previous = i;
            }
        }
    }

    private static final class Builder {
        private final double[] x;
        private final double[] y;
        private int size;

        Builder(int capacity) {
            x = new double[capacity];
            y = new double[capacity];
        }

        void add(double px, double py) {
            x[size] = px;
            y[size] = py;
            size++;
        }

        void addBreak() {
            if (size == 0 || Double.isNaN(x[size - 1])) return; // no leading or double breaks
            add(Double.NaN, Double.NaN);
        }

        Path build(double baselineY, double low, double high) {
            int n = size;
            while (n > 0 && Double.isNaN(x[n - 1])) n--; // no trailing break
            return new Path(x, y, n, baselineY, low, high);
        }
    }
}
