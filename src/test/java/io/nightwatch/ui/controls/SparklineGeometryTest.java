package io.nightwatch.ui.controls;

import io.nightwatch.ui.controls.SparklineGeometry.Frame;
import io.nightwatch.ui.controls.SparklineGeometry.Path;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the points of a sparkline go: scaling, the zero baseline, gaps, the time span and per-pixel reduction. */
class SparklineGeometryTest {

    private static final double EPS = 1e-9;
    /** 101 × 51 pixels with no inset: x = seconds, y = 50 − value / 2 for values 0..100. */
    private static final Frame FIT = new Frame(101, 51, 0.5, 0, true);

    @Test
    void valuesSpanTheHeightAndTimeTheWidth() {
        Path p = SparklineGeometry.layout(times(0, 50, 100), new double[] {0, 50, 100}, FIT);
        assertEquals(3, p.size());
        assertEquals(0.5, p.x()[0], EPS);
        assertEquals(50.5, p.x()[1], EPS);
        assertEquals(100.5, p.x()[2], EPS, "the newest point is on the right edge");
        assertEquals(50.5, p.y()[0], EPS, "0 on the bottom edge");
        assertEquals(25.5, p.y()[1], EPS);
        assertEquals(0.5, p.y()[2], EPS, "the highest value on the top edge");
        assertEquals(50.5, p.baselineY(), EPS);
        assertEquals(0, p.low(), EPS);
        assertEquals(100, p.high(), EPS);
    }

    @Test
    void theZeroBaselineKeepsZeroInRangeAndWithoutItTheLineFillsTheHeight() {
        long[] t = times(0, 100);
        double[] v = {80, 100};
        Path withBaseline = SparklineGeometry.layout(t, v, FIT);
        assertEquals(10.5, withBaseline.y()[0], EPS, "80 of 0..100");
        Path without = SparklineGeometry.layout(t, v, new Frame(101, 51, 0.5, 0, false));
        assertEquals(50.5, without.y()[0], EPS, "80 is the lowest of 80..100");
        assertEquals(0.5, without.y()[1], EPS);
        assertTrue(Double.isNaN(without.baselineY()));
    }

    @Test
    void aFlatZeroLiesOnTheBottomEdgeWhichIsWhatAStallLooksLike() {
        Path p = SparklineGeometry.layout(times(0, 10, 20), new double[] {0, 0, 0}, FIT);
        for (int i = 0; i < p.size(); i++) assertEquals(50.5, p.y()[i], EPS);
        Path level = SparklineGeometry.layout(times(0, 10), new double[] {7, 7}, FIT);
        assertEquals(0.5, level.y()[0], EPS, "a flat non-zero level sits at the top, above its baseline");
        Path noBaseline = SparklineGeometry.layout(times(0, 10), new double[] {7, 7}, new Frame(101, 51, 0.5, 0, false));
        assertEquals(25.5, noBaseline.y()[0], EPS, "without a baseline a flat level sits in the middle");
    }

    @Test
    void nanIsAGapThatBreaksTheLine() {
        Path p = SparklineGeometry.layout(times(0, 25, 50, 75, 100), new double[] {10, Double.NaN, Double.NaN, 30, 40}, FIT);
        // 0..40 over the height: 10 at 3/4 down, 30 at 1/4, 40 on top
        assertEquals("Path[(0.5,38.0) | (75.5,13.0) (100.5,0.5)]", p.toString());
        assertEquals(3, p.pointCount());
        assertTrue(p.isBreak(1));
        assertEquals(3, p.last());
    }

    @Test
    void leadingAndTrailingGapsLeaveNoBreakMarkers() {
        Path p = SparklineGeometry.layout(times(0, 50, 100), new double[] {Double.NaN, 5, Double.NaN}, FIT);
        assertEquals(1, p.size());
        assertFalse(p.isBreak(0));
        Path allGap = SparklineGeometry.layout(times(0, 50), new double[] {Double.NaN, Double.NaN}, FIT);
        assertTrue(allGap.isEmpty());
        assertEquals(50.5, allGap.baselineY(), EPS, "the baseline is still drawn: the line exists, its figures do not");
    }

    @Test
    void aSpanPutsTheNewestOnTheRightAndClipsWhatIsOlder() {
        Frame lastHundredSeconds = new Frame(101, 51, 0.5, 100_000, true);
        Path young = SparklineGeometry.layout(new long[] {1_000_000, 1_050_000}, new double[] {1, 2}, lastHundredSeconds);
        assertEquals(50.5, young.x()[0], EPS, "a series younger than the span fills from the right");
        assertEquals(100.5, young.x()[1], EPS);

        Path old = SparklineGeometry.layout(new long[] {0, 1_000_000, 1_050_000, 1_100_000}, new double[] {1000, 1, 2, 3},
                lastHundredSeconds);
        assertEquals(3, old.pointCount(), "the point 1000 s before the newest is clipped");
        assertEquals(3, old.high(), EPS, "and does not set the scale");
    }

    @Test
    void pointsSharingAPixelColumnKeepTheirFirstLowestHighestAndLast() {
        int n = 10_000;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
            v[i] = i == 4_321 ? 1_000 : i == 7_654 ? -5 : i % 10; // one spike and one dip among the noise
        }
        Path p = SparklineGeometry.layout(t, v, new Frame(50, 20, 0, 0, false));
        assertTrue(p.size() <= 4 * 51, "at most four points per pixel column, not " + p.size());
        double top = Double.MAX_VALUE;
        double bottom = -Double.MAX_VALUE;
        for (int i = 0; i < p.size(); i++) {
            top = Math.min(top, p.y()[i]);
            bottom = Math.max(bottom, p.y()[i]);
        }
        assertEquals(0, top, EPS, "the spike survives the reduction");
        assertEquals(20, bottom, EPS, "so does the dip");
        assertEquals(50, p.x()[p.last()], EPS, "and the newest point stays last");
    }

    @Test
    void oneReadingIsAPointOnTheRightEdgeAndNothingIsNothing() {
        Path one = SparklineGeometry.layout(new long[] {42}, new double[] {3}, FIT);
        assertEquals(1, one.size());
        assertEquals(100.5, one.x()[0], EPS);
        assertTrue(SparklineGeometry.layout(new long[0], new double[0], FIT).isEmpty());
        assertTrue(SparklineGeometry.layout(times(0, 1), new double[] {1, 2}, new Frame(0, 0, 0, 0, true)).isEmpty(),
                "not laid out yet: nothing to draw");
    }

    private static long[] times(long... seconds) {
        long[] t = new long[seconds.length];
        for (int i = 0; i < t.length; i++) t[i] = seconds[i] * 1000;
        return t;
    }
}
