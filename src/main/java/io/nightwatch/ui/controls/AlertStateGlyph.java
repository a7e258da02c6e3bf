package io.nightwatch.ui.controls;

import io.nightwatch.store.AlertState;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;

/**
 * The icon of an alert's state, distinct in shape: FIRING a diamond with a bang, PENDING a circle with clock hands,
 * SUPPRESSED a circle struck through (silenced or inhibited), RESOLVED a circle with a tick. Style classes
 * {@code .state-glyph .alert-state-glyph} with {@code :firing :pending :suppressed :resolved}.
 */
public class AlertStateGlyph extends StackPane {

    private static final String CIRCLE = "M12 1 A11 11 0 1 1 11.99 1 Z";
    private static final String DIAMOND = "M12 0.6 L23.4 12 L12 23.4 L0.6 12 Z";
    private static final String BANG = "M12 6.6 L12 13.2 M12 16.8 L12 17.1";
    private static final String CLOCK = "M12 6 L12 12 L16 14.4";
    private static final String SLASH = "M6.4 17.6 L17.6 6.4";
    private static final String TICK = "M6.6 12.4 L10.4 16.2 L17.6 8.4";

    private final SVGPath badge = new SVGPath();
    private final SVGPath mark = new SVGPath();
    private final ObjectProperty<AlertState> state = new SimpleObjectProperty<>(this, "state") {
        @Override
        protected void invalidated() {
            draw(get());
        }
    };

    public AlertStateGlyph() {
        getStyleClass().addAll("state-glyph", "alert-state-glyph");
        badge.getStyleClass().add("badge");
        mark.getStyleClass().add("mark");
        getChildren().addAll(badge, mark);
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setState(AlertState.FIRING);
    }

    private void draw(AlertState s) {
        AlertStyles.apply(this, s);
        if (s == null) {
            paths(CIRCLE, "");
            return;
        }
        switch (s) {
            case FIRING -> paths(DIAMOND, BANG);
            case PENDING -> paths(CIRCLE, CLOCK);
            case SUPPRESSED -> paths(CIRCLE, SLASH);
            case RESOLVED -> paths(CIRCLE, TICK);
        }
    }

    private void paths(String outline, String symbol) {
        badge.setContent(outline);
        mark.setContent(symbol);
    }

    public ObjectProperty<AlertState> stateProperty() { return state; }
    public AlertState getState() { return state.get(); }
    public void setState(AlertState value) { state.set(value); }
}
