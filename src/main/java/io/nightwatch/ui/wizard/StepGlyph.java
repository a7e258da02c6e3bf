package io.nightwatch.ui.wizard;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;

/**
 * A step state's icon: each state its own shape, so it reads without colour (an outline circle waits, a chevron
 * runs, a tick is done, an octagon with a cross failed, a curved arrow undoes or was undone, a triangle with a bang
 * means undoing failed). Paths rather than font glyphs, as in {@link io.nightwatch.ui.controls.StateGlyph}: the fonts
 * of an ops machine may lack the symbols. CSS colours {@code .step-glyph > .badge} and {@code .step-glyph > .mark}
 * through the state's pseudo-class.
 */
final class StepGlyph extends StackPane {

    private static final String CIRCLE = "M12 1 A11 11 0 1 1 11.99 1 Z";
    private static final String RING = "M12 2.5 A9.5 9.5 0 1 1 11.99 2.5 Z";
    private static final String TRIANGLE = "M12 1.2 L23.4 21.8 L0.6 21.8 Z";
    private static final String OCTAGON = "M7.4 1 L16.6 1 L23 7.4 L23 16.6 L16.6 23 L7.4 23 L1 16.6 L1 7.4 Z";

    private static final String NONE = "M12 12 L12 12";
    private static final String CHEVRON = "M10 7.2 L15 12 L10 16.8";
    private static final String TICK = "M6.6 12.4 L10.4 16.2 L17.6 8.4";
    private static final String CROSS = "M8 8 L16 16 M16 8 L8 16";
    private static final String BANG = "M12 8 L12 14.2 M12 17.6 L12 17.9";
    /** an arrow bending back to the left: "put back" */
    private static final String BACK = "M9.5 6.8 L6.2 10 L9.5 13.2 M6.6 10 L13.4 10 C18.2 10 18.2 17.2 13.4 17.2 L10.6 17.2";
    private static final String DASH = "M8 12 L16 12";

    private final SVGPath badge = new SVGPath();
    private final SVGPath mark = new SVGPath();
    private final ObjectProperty<StepState> state = new SimpleObjectProperty<>(this, "state") {
        @Override
        protected void invalidated() {
            draw(get());
        }
    };

    StepGlyph(StepState initial) {
        getStyleClass().add("step-glyph");
        badge.getStyleClass().add("badge");
        mark.getStyleClass().add("mark");
        getChildren().addAll(badge, mark);
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        state.set(initial);
    }

    ObjectProperty<StepState> stateProperty() {
        return state;
    }

    private void draw(StepState s) {
        StepState shown = s == null ? StepState.PENDING : s;
        StepState.apply(this, shown);
        switch (shown) {
            case PENDING -> paths(RING, NONE);
            case RUNNING -> paths(CIRCLE, CHEVRON);
            case DONE -> paths(CIRCLE, TICK);
            case FAILED -> paths(OCTAGON, CROSS);
            case UNDOING, UNDONE -> paths(CIRCLE, BACK);
            case UNDO_FAILED -> paths(TRIANGLE, BANG);
            case NOT_RUN -> paths(RING, DASH);
        }
    }

    private void paths(String outline, String symbol) {
        badge.setContent(outline);
        mark.setContent(symbol);
    }
}
