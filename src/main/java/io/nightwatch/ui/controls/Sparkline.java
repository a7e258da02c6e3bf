package io.nightwatch.ui.controls;

import io.nightwatch.flow.FlowState;
import io.nightwatch.flow.Series;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.css.converter.SizeConverter;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A small line of recent values, drawn on one Canvas by {@link SparklineSkin}; no chart nodes, no per-point
 * objects, so a hundred of them updating every second cost next to nothing.
 *
 * <p>Size comes from CSS ({@code -fx-pref-width}, {@code -fx-pref-height} on {@code .sparkline}). The state is
 * exposed as {@code :flowing :idle :stalled :unknown}; colours are CSS properties that take looked-up colours:
 * <pre>
 * .sparkline { -nw-spark-stroke: -nw-accent; -nw-spark-baseline: -nw-border; -nw-spark-width: 1.6;
 *              -nw-spark-fill-opacity: 0.16; }
 * .sparkline:stalled { -nw-spark-stroke: -nw-down; }
 * </pre>
 * The skin redraws only when the series (by value), the span, the baseline switch, a colour or the size changes.
 */
public class Sparkline extends Control {

    static final double DEFAULT_WIDTH = 120;
    static final double DEFAULT_HEIGHT = 28;

    private final ObjectProperty<Series> series = new SimpleObjectProperty<>(this, "series", Series.EMPTY);
    /** The time the width stands for (e.g. 15 min); null fits whatever the series holds. */
    private final ObjectProperty<Duration> span = new SimpleObjectProperty<>(this, "span");
    private final BooleanProperty zeroBaseline = new SimpleBooleanProperty(this, "zeroBaseline", true);
    private final ObjectProperty<FlowState> state = new SimpleObjectProperty<>(this, "state", FlowState.UNKNOWN) {
        @Override
        protected void invalidated() {
            Styles.FLOW.apply(Sparkline.this, get());
        }
    };

    private final StyleableObjectProperty<Paint> stroke = new StyleableObjectProperty<>(Color.DODGERBLUE) {
        @Override public Object getBean() { return Sparkline.this; }
        @Override public String getName() { return "stroke"; }
        @Override public CssMetaData<Sparkline, Paint> getCssMetaData() { return StyleableProperties.STROKE; }
    };
    private final StyleableObjectProperty<Paint> baseline = new StyleableObjectProperty<>(Color.gray(0.5, 0.5)) {
        @Override public Object getBean() { return Sparkline.this; }
        @Override public String getName() { return "baseline"; }
        @Override public CssMetaData<Sparkline, Paint> getCssMetaData() { return StyleableProperties.BASELINE; }
    };
    private final StyleableDoubleProperty lineWidth = new StyleableDoubleProperty(1.5) {
        @Override public Object getBean() { return Sparkline.this; }
        @Override public String getName() { return "lineWidth"; }
        @Override public CssMetaData<Sparkline, Number> getCssMetaData() { return StyleableProperties.LINE_WIDTH; }
    };
    private final StyleableDoubleProperty fillOpacity = new StyleableDoubleProperty(0.15) {
        @Override public Object getBean() { return Sparkline.this; }
        @Override public String getName() { return "fillOpacity"; }
        @Override public CssMetaData<Sparkline, Number> getCssMetaData() { return StyleableProperties.FILL_OPACITY; }
    };

    public Sparkline() {
        getStyleClass().setAll("sparkline");
        Styles.FLOW.apply(this, FlowState.UNKNOWN);
        setFocusTraversable(false);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new SparklineSkin(this);
    }

    /** Shows {@code next} unless it holds the same points as what is shown (then nothing is redrawn). */
    public void show(Series next, FlowState nextState) {
        setState(nextState);
        Series value = Objects.requireNonNullElse(next, Series.EMPTY);
        if (!value.equals(getSeries())) setSeries(value);
    }

    public ObjectProperty<Series> seriesProperty() { return series; }
    public Series getSeries() { return series.get(); }
    public void setSeries(Series value) { series.set(value); }

    public ObjectProperty<Duration> spanProperty() { return span; }
    public Duration getSpan() { return span.get(); }
    public void setSpan(Duration value) { span.set(value); }

    public BooleanProperty zeroBaselineProperty() { return zeroBaseline; }
    public boolean isZeroBaseline() { return zeroBaseline.get(); }
    public void setZeroBaseline(boolean value) { zeroBaseline.set(value); }

    public ObjectProperty<FlowState> stateProperty() { return state; }
    public FlowState getState() { return state.get(); }
    public void setState(FlowState value) { state.set(value); }

    public ObjectProperty<Paint> strokeProperty() { return stroke; }
    public Paint getStroke() { return stroke.get(); }
    public void setStroke(Paint value) { stroke.set(value); }

    public ObjectProperty<Paint> baselineProperty() { return baseline; }
    public Paint getBaseline() { return baseline.get(); }
    public void setBaseline(Paint value) { baseline.set(value); }

    public StyleableDoubleProperty lineWidthProperty() { return lineWidth; }
    public double getLineWidth() { return lineWidth.get(); }
    public void setLineWidth(double value) { lineWidth.set(value); }

    /** Opacity of the area under the line, in the line's colour; 0 for a bare line. */
    public StyleableDoubleProperty fillOpacityProperty() { return fillOpacity; }
    public double getFillOpacity() { return fillOpacity.get(); }
    public void setFillOpacity(double value) { fillOpacity.set(value); }

    /** How often the canvas was painted: for tests and the benchmark. */
    public long getRedrawCount() {
        return getSkin() instanceof SparklineSkin skin ? skin.redrawCount() : 0;
    }

    private static final class StyleableProperties {

        static final CssMetaData<Sparkline, Paint> STROKE = new CssMetaData<>("-nw-spark-stroke",
                PaintConverter.getInstance(), Color.DODGERBLUE) {
            @Override public boolean isSettable(Sparkline s) { return !s.stroke.isBound(); }
            @Override public StyleableProperty<Paint> getStyleableProperty(Sparkline s) { return s.stroke; }
        };
        static final CssMetaData<Sparkline, Paint> BASELINE = new CssMetaData<>("-nw-spark-baseline",
                PaintConverter.getInstance(), Color.gray(0.5, 0.5)) {
            @Override public boolean isSettable(Sparkline s) { return !s.baseline.isBound(); }
            @Override public StyleableProperty<Paint> getStyleableProperty(Sparkline s) { return s.baseline; }
        };
        static final CssMetaData<Sparkline, Number> LINE_WIDTH = new CssMetaData<>("-nw-spark-width",
                SizeConverter.getInstance(), 1.5) {
            @Override public boolean isSettable(Sparkline s) { return !s.lineWidth.isBound(); }
            @Override public StyleableProperty<Number> getStyleableProperty(Sparkline s) { return s.lineWidth; }
        };
        static final CssMetaData<Sparkline, Number> FILL_OPACITY = new CssMetaData<>("-nw-spark-fill-opacity",
                SizeConverter.getInstance(), 0.15) {
            @Override public boolean isSettable(Sparkline s) { return !s.fillOpacity.isBound(); }
            @Override public StyleableProperty<Number> getStyleableProperty(Sparkline s) { return s.fillOpacity; }
        };
        static final List<CssMetaData<? extends Styleable, ?>> ALL;

        static {
            List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Control.getClassCssMetaData());
            all.addAll(List.of(STROKE, BASELINE, LINE_WIDTH, FILL_OPACITY));
            ALL = Collections.unmodifiableList(all);
        }
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return StyleableProperties.ALL;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }
}
