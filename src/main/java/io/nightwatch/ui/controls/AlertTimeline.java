package io.nightwatch.ui.controls;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Alerts as bars over a time range, drawn on one Canvas by {@link AlertTimelineSkin}: one lane per overlap, coloured
 * <em>and</em> patterned by severity (critical solid, warning hatched, info outlined, other dashed), resolved ones
 * paler, open ones running to the right edge (now) with an arrow. Clicking a bar sets {@link #selectedIdProperty()}.
 * Where things go is {@link TimelineLayout}'s business; colours are CSS properties taking looked-up colours:
 * <pre>
 * .alert-timeline { -nw-tl-critical: -nw-down; -nw-tl-warning: -nw-degraded; -nw-tl-info: -nw-accent;
 *                   -nw-tl-other: -nw-unknown; -nw-tl-text: -nw-text-muted; -nw-tl-grid: -nw-border;
 *                   -nw-tl-selection: -nw-text; }
 * </pre>
 */
public class AlertTimeline extends Control {

    static final double DEFAULT_WIDTH = 600;
    static final double DEFAULT_HEIGHT = 128;

    private final ObjectProperty<List<TimelineLayout.Bar>> bars = new SimpleObjectProperty<>(this, "bars", List.of());
    private final ObjectProperty<Instant> from = new SimpleObjectProperty<>(this, "from", Instant.EPOCH);
    private final ObjectProperty<Instant> to = new SimpleObjectProperty<>(this, "to", Instant.EPOCH.plusSeconds(3600));
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone", ZoneId.systemDefault());
    /** -1: nothing selected. */
    private final LongProperty selectedId = new SimpleLongProperty(this, "selectedId", -1);
    /** The line at the top left, e.g. "18 alerts · last 24 h". */
    private final StringProperty caption = new SimpleStringProperty(this, "caption", "");

    private final StyleableObjectProperty<Paint> critical = paint("critical", StyleableProperties.CRITICAL);
    private final StyleableObjectProperty<Paint> warning = paint("warning", StyleableProperties.WARNING);
    private final StyleableObjectProperty<Paint> info = paint("info", StyleableProperties.INFO);
    private final StyleableObjectProperty<Paint> other = paint("other", StyleableProperties.OTHER);
    private final StyleableObjectProperty<Paint> text = paint("text", StyleableProperties.TEXT);
    private final StyleableObjectProperty<Paint> grid = paint("grid", StyleableProperties.GRID);
    private final StyleableObjectProperty<Paint> selection = paint("selection", StyleableProperties.SELECTION);

    public AlertTimeline() {
        getStyleClass().setAll("alert-timeline");
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new AlertTimelineSkin(this);
    }

    /** Shows {@code next} over {@code start}…{@code end} (replacing both at once keeps it to one repaint per change). */
    public void show(List<TimelineLayout.Bar> next, Instant start, Instant end) {
        setFrom(start);
        setTo(end);
        if (!next.equals(getBars())) setBars(List.copyOf(next));
    }

    /** The layout last painted, for tests: which bars were placed where. */
    public TimelineLayout.Layout getLayout() {
        return getSkin() instanceof AlertTimelineSkin skin ? skin.layout() : TimelineLayout.Layout.EMPTY;
    }

    public ObjectProperty<List<TimelineLayout.Bar>> barsProperty() { return bars; }
    public List<TimelineLayout.Bar> getBars() { return bars.get(); }
    public void setBars(List<TimelineLayout.Bar> value) { bars.set(value == null ? List.of() : value); }

    public ObjectProperty<Instant> fromProperty() { return from; }
    public Instant getFrom() { return from.get(); }
    public void setFrom(Instant value) { from.set(value); }

    public ObjectProperty<Instant> toProperty() { return to; }
    public Instant getTo() { return to.get(); }
    public void setTo(Instant value) { to.set(value); }

    public ObjectProperty<ZoneId> zoneProperty() { return zone; }
    public ZoneId getZone() { return zone.get(); }
    public void setZone(ZoneId value) { zone.set(value); }

    public LongProperty selectedIdProperty() { return selectedId; }
    public long getSelectedId() { return selectedId.get(); }
    public void setSelectedId(long value) { selectedId.set(value); }

    public StringProperty captionProperty() { return caption; }
    public String getCaption() { return caption.get(); }
    public void setCaption(String value) { caption.set(value); }

    public Paint getCritical() { return critical.get(); }
    public Paint getWarning() { return warning.get(); }
    public Paint getInfo() { return info.get(); }
    public Paint getOther() { return other.get(); }
    public Paint getText() { return text.get(); }
    public Paint getGrid() { return grid.get(); }
    public Paint getSelection() { return selection.get(); }

    List<ObjectProperty<Paint>> paints() {
        return List.of(critical, warning, info, other, text, grid, selection);
    }

    private StyleableObjectProperty<Paint> paint(String name, CssMetaData<AlertTimeline, Paint> meta) {
        return new StyleableObjectProperty<>(meta.getInitialValue(this)) {
            @Override public Object getBean() { return AlertTimeline.this; }
            @Override public String getName() { return name; }
            @Override public CssMetaData<AlertTimeline, Paint> getCssMetaData() { return meta; }
        };
    }

    private static final class StyleableProperties {

        static final CssMetaData<AlertTimeline, Paint> CRITICAL = meta("-nw-tl-critical", Color.web("#cf222e"), t -> t.critical);
        static final CssMetaData<AlertTimeline, Paint> WARNING = meta("-nw-tl-warning", Color.web("#bf8700"), t -> t.warning);
        static final CssMetaData<AlertTimeline, Paint> INFO = meta("-nw-tl-info", Color.web("#0969da"), t -> t.info);
        static final CssMetaData<AlertTimeline, Paint> OTHER = meta("-nw-tl-other", Color.web("#6e7781"), t -> t.other);
        static final CssMetaData<AlertTimeline, Paint> TEXT = meta("-nw-tl-text", Color.web("#55626f"), t -> t.text);
        static final CssMetaData<AlertTimeline, Paint> GRID = meta("-nw-tl-grid", Color.web("#d5dbe3"), t -> t.grid);
        static final CssMetaData<AlertTimeline, Paint> SELECTION = meta("-nw-tl-selection", Color.web("#1b2430"), t -> t.selection);
        static final List<CssMetaData<? extends Styleable, ?>> ALL;

        static {
            List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Control.getClassCssMetaData());
            all.addAll(List.of(CRITICAL, WARNING, INFO, OTHER, TEXT, GRID, SELECTION));
            ALL = Collections.unmodifiableList(all);
        }

        private static CssMetaData<AlertTimeline, Paint> meta(String property, Paint initial,
                                                               Function<AlertTimeline, StyleableObjectProperty<Paint>> field) {
            return new CssMetaData<>(property, PaintConverter.getInstance(), initial) {
                @Override public boolean isSettable(AlertTimeline t) { return !field.apply(t).isBound(); }
                @Override public StyleableProperty<Paint> getStyleableProperty(AlertTimeline t) { return field.apply(t); }
            };
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
