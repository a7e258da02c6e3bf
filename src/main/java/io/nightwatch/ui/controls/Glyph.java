package io.nightwatch.ui.controls;

import io.nightwatch.flow.FlowState;
import io.nightwatch.health.HealthState;
import io.nightwatch.store.AlertState;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;

/**
 * A state's icon: an outline and a mark drawn as paths, each state its own shape (see {@link GlyphTable}), so it
 * reads without colour. Paths rather than font glyphs because the fonts of an ops machine (or a headless test) may
 * lack the symbols. The state also switches the glyph's pseudo-class, and CSS colours the two parts
 * ({@code .state-glyph > .badge} filled, {@code > .mark} stroked; the bell's {@code .bell}, {@code .bell-mark}).
 *
 * <p>In FXML: {@code <Glyph fx:factory="health"/>}.
 *
 * @param <E> the states it shows
 */
public final class Glyph<E extends Enum<E>> extends StackPane {

    private final GlyphTable<E> table;
    private final SVGPath badge = new SVGPath();
    private final SVGPath mark = new SVGPath();
    private final ObjectProperty<E> state = new SimpleObjectProperty<>(this, "state") {
        @Override
        protected void invalidated() {
            draw(get());
        }
    };

    public Glyph(GlyphTable<E> table, E initial) {
        this.table = table;
        getStyleClass().addAll(table.styleClasses());
        badge.getStyleClass().add(table.outlineClass());
        mark.getStyleClass().add(table.markClass());
        getChildren().addAll(badge, mark);
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        state.set(initial);
        draw(initial); // also when initial is null, which does not invalidate
    }

    /** A health state: circle with a tick, triangle with a bang, octagon with a cross, circle with a question mark. */
    public static Glyph<HealthState> health() { return health(HealthState.UNKNOWN); }

    public static Glyph<HealthState> health(HealthState initial) { return new Glyph<>(GlyphTable.HEALTH, initial); }

    /** A flow state: an arrow flows, a dash idles, an octagon with a bar stalled, a question mark unknown. */
    public static Glyph<FlowState> flow() { return flow(FlowState.UNKNOWN); }

    public static Glyph<FlowState> flow(FlowState initial) { return new Glyph<>(GlyphTable.FLOW, initial); }

    /** An alert's severity. */
    public static Glyph<Severity> severity() { return severity(Severity.OTHER); }

    public static Glyph<Severity> severity(Severity initial) { return new Glyph<>(GlyphTable.SEVERITY, initial); }

    /** An alert's state; null draws an empty circle. */
    public static Glyph<AlertState> alertState() { return new Glyph<>(GlyphTable.ALERT_STATE, AlertState.FIRING); }

    /** The bell of the Alerts entry and of the notification switch. */
    public static Glyph<Bell> bell() { return new Glyph<>(GlyphTable.BELL, Bell.QUIET); }

    private void draw(E s) {
        E shown = s == null ? table.whenNull() : s;
        table.styles().apply(this, shown);
        GlyphTable.Shape shape = table.shape(shown);
        badge.setContent(shape.outline());
        mark.setContent(shape.mark());
    }

    public ObjectProperty<E> stateProperty() { return state; }
    public E getState() { return state.get(); }
    public void setState(E value) { state.set(value); }
}
