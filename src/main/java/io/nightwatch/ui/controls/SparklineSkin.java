package io.nightwatch.ui.controls;

import io.nightwatch.flow.Series;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.SkinBase;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

import java.time.Duration;
import java.util.Objects;

/**
 * Paints a {@link Sparkline} on one Canvas: a faint zero baseline, the area under the line, the line (broken at
 * gaps) and a dot on the newest value. The canvas is repainted only when what it shows changes, never per pulse:
 * new data at once, new styling or size at the next layout.
 */
public class SparklineSkin extends SkinBase<Sparkline> {

    private final Canvas canvas = new Canvas();
    /** New data is painted at once (a snapshot may carry an equal series: not worth a repaint). */
    private final ChangeListener<Object> repaint = (o, old, now) -> {
        if (!Objects.equals(old, now)) paint();
    };
    /**
     * Styling is painted at the next layout, once: when CSS is re-applied to a node it first resets every property
     * to its initial value and then sets the styled one, two changes that would otherwise cost two repaints.
     */
    private final ChangeListener<Object> restyle = (o, old, now) -> {
        if (Objects.equals(old, now)) return;
        styleChanged = true;
        getSkinnable().requestLayout();
    };
    private final ObservableValue<?>[] data;
    private final ObservableValue<?>[] style;
    private boolean styleChanged;
    private PaintedPicture painted;
    private long redraws;

    public SparklineSkin(Sparkline sparkline) {
        super(sparkline);
        canvas.setManaged(false); // sized in layoutChildren; its size must never feed back into the control's
        canvas.setMouseTransparent(true);
        getChildren().add(canvas);
        data = new ObservableValue<?>[] {sparkline.seriesProperty(), sparkline.spanProperty(), sparkline.zeroBaselineProperty()};
        style = new ObservableValue<?>[] {sparkline.strokeProperty(), sparkline.baselineProperty(), sparkline.lineWidthProperty(),
                sparkline.fillOpacityProperty()};
        for (ObservableValue<?> o : data) o.addListener(repaint);
        for (ObservableValue<?> o : style) o.addListener(restyle);
    }

    long redrawCount() { return redraws; }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        canvas.relocate(x, y);
        if (canvas.getWidth() != w || canvas.getHeight() != h || styleChanged) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            paint();
        }
    }

    private void paint() {
        Sparkline s = getSkinnable();
        if (s == null) return;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) return; // not laid out yet: the first layout paints
        styleChanged = false;
        double lineWidth = Math.max(0.5, s.getLineWidth());
        Duration span = s.getSpan();
        Series series = s.getSeries();
        SparklineGeometry.Path path = SparklineGeometry.layout(series.epochMillis(), series.values(),
                new SparklineGeometry.Frame(w, h, lineWidth / 2 + 1, span == null ? 0 : span.toMillis(), s.isZeroBaseline()));
        // A new series often looks the same (an empty slot, a flat line moved on by one reading): then the canvas
        // stays as it is, and the window is not repainted for it.
        PaintedPicture picture = PaintedPicture.of(w, h, s, path);
        if (picture.equals(painted)) return;
        painted = picture;
        redraws++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h); // covers the canvas, so the canvas drops the previous commands

        if (!Double.isNaN(path.baselineY())) {
            g.setStroke(s.getBaseline());
            g.setLineWidth(1);
            double y = Math.floor(path.baselineY()) + 0.5; // crisp on the pixel grid
            g.strokeLine(0, y, w, y);
        }
        if (path.isEmpty()) return;

        Paint stroke = s.getStroke();
        double floor = Double.isNaN(path.baselineY()) ? h : path.baselineY();
        if (s.getFillOpacity() > 0) {
            g.setFill(stroke);
            g.setGlobalAlpha(Math.min(1, s.getFillOpacity()));
            fillSegments(g, path, floor);
            g.setGlobalAlpha(1);
        }
        g.setStroke(stroke);
        g.setFill(stroke);
        g.setLineWidth(lineWidth);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        strokeSegments(g, path, lineWidth);
        int last = path.last();
        double r = lineWidth + 1;
        g.fillOval(path.x()[last] - r, path.y()[last] - r, 2 * r, 2 * r);
    }

    private static void strokeSegments(GraphicsContext g, SparklineGeometry.Path path, double lineWidth) {
        g.beginPath();
        int segmentStart = -1;
        for (int i = 0; i <= path.size(); i++) {
            boolean end = i == path.size() || path.isBreak(i);
            if (end) {
                if (segmentStart >= 0 && i - segmentStart == 1) {
                    // A lone reading between gaps: a dot, or it would not show at all.
                    double r = lineWidth;
                    g.fillOval(path.x()[segmentStart] - r, path.y()[segmentStart] - r, 2 * r, 2 * r);
                }
                segmentStart = -1;
                continue;
            }
            if (segmentStart < 0) {
                segmentStart = i;
                g.moveTo(path.x()[i], path.y()[i]);
            } else {
                g.lineTo(path.x()[i], path.y()[i]);
            }
        }
        g.stroke();
    }

    private static void fillSegments(GraphicsContext g, SparklineGeometry.Path path, double floor) {
        g.beginPath();
        int segmentStart = -1;
        for (int i = 0; i <= path.size(); i++) {
            boolean end = i == path.size() || path.isBreak(i);
            if (end) {
                if (segmentStart >= 0 && i - segmentStart > 1) {
                    g.lineTo(path.x()[i - 1], floor);
                    g.lineTo(path.x()[segmentStart], floor);
                    g.closePath();
                }
                segmentStart = -1;
                continue;
            }
            if (segmentStart < 0) {
                segmentStart = i;
                g.moveTo(path.x()[i], path.y()[i]);
            } else {
                g.lineTo(path.x()[i], path.y()[i]);
            }
        }
        g.fill();
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return left + Sparkline.DEFAULT_WIDTH + right;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return top + Sparkline.DEFAULT_HEIGHT + bottom;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return left + 16 + right;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return top + 8 + bottom;
    }

    @Override
    public void dispose() {
        if (getSkinnable() == null) return;
        for (ObservableValue<?> o : data) o.removeListener(repaint);
        for (ObservableValue<?> o : style) o.removeListener(restyle);
        super.dispose();
    }
}
