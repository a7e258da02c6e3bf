package io.nightwatch.ui.controls;

import javafx.scene.paint.Paint;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a sparkline's canvas shows, to the half pixel: size, colours, line width and the path's points. Two equal
 * pictures look the same on screen, so the second is not painted.
 */
record PaintedPicture(double width, double height, Paint stroke, Paint baseline, double lineWidth, double fillOpacity,
                      long[] halfPixels) {

    static PaintedPicture of(double width, double height, Sparkline s, SparklineGeometry.Path path) {
        long[] points = new long[1 + 2 * path.size()];
        points[0] = half(path.baselineY());
        for (int i = 0; i < path.size(); i++) {
            points[1 + 2 * i] = half(path.x()[i]);
            points[2 + 2 * i] = half(path.y()[i]);
        }
        return new PaintedPicture(width, height, s.getStroke(), s.getBaseline(), s.getLineWidth(), s.getFillOpacity(), points);
    }

    /** NaN (a gap, no baseline) stays distinct from every coordinate. */
    private static long half(double v) {
        return Double.isNaN(v) ? Long.MIN_VALUE : Math.round(v * 2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PaintedPicture p && width == p.width && height == p.height && lineWidth == p.lineWidth
                && fillOpacity == p.fillOpacity && Objects.equals(stroke, p.stroke) && Objects.equals(baseline, p.baseline)
                && Arrays.equals(halfPixels, p.halfPixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, stroke, baseline, lineWidth, fillOpacity, Arrays.hashCode(halfPixels));
    }

    @Override
    public String toString() {
        return "PaintedPicture[" + width + "x" + height + ", " + (halfPixels.length - 1) / 2 + " points]";
    }
}
