package io.nightwatch.ui.controls;

import io.nightwatch.health.HealthState;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;

/**
 * A state icon whose outline differs per state (circle with a tick, triangle with a bang, octagon with a cross,
 * circle with a question mark), so the state reads without colour. Drawn as paths rather than font glyphs because
 * the fonts on an ops machine (or a headless test) may lack the symbols. Colours come from CSS:
 * {@code .state-glyph > .badge} is filled, {@code .state-glyph > .mark} is stroked.
 */
public class StateGlyph extends StackPane {

    private static final String CIRCLE = "M12 1 A11 11 0 1 1 11.99 1 Z";
    private static final String TRIANGLE = "M12 1.2 L23.4 21.8 L0.6 21.8 Z";
    private static final String OCTAGON = "M7.4 1 L16.6 1 L23 7.4 L23 16.6 L16.6 23 L7.4 23 L1 16.6 L1 7.4 Z";

    private static final String TICK = "M6.6 12.4 L10.4 16.2 L17.6 8.4";
    private static final String BANG = "M12 8 L12 14.2 M12 17.6 L12 17.9";
    private static final String CROSS = "M8 8 L16 16 M16 8 L8 16";
    private static final String QUESTION = "M9.2 9.4 C9.2 5.6 14.8 5.6 14.8 9.2 C14.8 11.6 12 11.8 12 14.2 M12 17.6 L12 17.9";

    private final SVGPath badge = new SVGPath();
    private final SVGPath mark = new SVGPath();
    private final ObjectProperty<HealthState> state = new SimpleObjectProperty<>(this, "state") {
        @Override
        protected void invalidated() {
            draw(get());
        }
    };

    public StateGlyph() {
        getStyleClass().add("state-glyph");
        badge.getStyleClass().add("badge");
        mark.getStyleClass().add("mark");
        getChildren().addAll(badge, mark);
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setState(HealthState.UNKNOWN);
    }

    public StateGlyph(HealthState initial) {
        this();
        setState(initial);
    }

    private void draw(HealthState s) {
        HealthState shown = s == null ? HealthState.UNKNOWN : s;
        StateStyles.apply(this, shown);
        switch (shown) {
            case UP -> paths(CIRCLE, TICK);
            case DEGRADED -> paths(TRIANGLE, BANG);
            case DOWN -> paths(OCTAGON, CROSS);
            case UNKNOWN -> paths(CIRCLE, QUESTION);
        }
    }

    private void paths(String outline, String symbol) {
        badge.setContent(outline);
        mark.setContent(symbol);
    }

    public ObjectProperty<HealthState> stateProperty() { return state; }
    public HealthState getState() { return state.get(); }
    public void setState(HealthState value) { state.set(value); }
}
