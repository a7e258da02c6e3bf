package io.nightwatch.ui.controls;

import io.nightwatch.flow.FlowState;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;

/**
 * The icon of a {@link FlowState}, distinct in shape as well as colour: FLOWING a circle with an arrow, IDLE a
 * circle with a level dash, STALLED a stop octagon with a bar (a "no entry" sign: the one shape on screen that
 * looks like that), UNKNOWN a circle with a question mark. Shares {@link StateGlyph}'s style classes
 * ({@code .state-glyph > .badge}, {@code > .mark}) and adds {@code .flow-glyph}.
 */
public class FlowGlyph extends StackPane {

    private static final String CIRCLE = "M12 1 A11 11 0 1 1 11.99 1 Z";
    private static final String OCTAGON = "M7.4 1 L16.6 1 L23 7.4 L23 16.6 L16.6 23 L7.4 23 L1 16.6 L1 7.4 Z";

    private static final String ARROW = "M6.5 12 L17 12 M12.6 7.4 L17.2 12 L12.6 16.6";
    private static final String DASH = "M7.5 12 L16.5 12";
    private static final String BAR = "M6.2 12 L17.8 12";
    private static final String QUESTION = "M9.2 9.4 C9.2 5.6 14.8 5.6 14.8 9.2 C14.8 11.6 12 11.8 12 14.2 M12 17.6 L12 17.9";

    private final SVGPath badge = new SVGPath();
    private final SVGPath mark = new SVGPath();
    private final ObjectProperty<FlowState> state = new SimpleObjectProperty<>(this, "state") {
        @Override
        protected void invalidated() {
            draw(get());
        }
    };

    public FlowGlyph() {
        getStyleClass().addAll("state-glyph", "flow-glyph");
        badge.getStyleClass().add("badge");
        mark.getStyleClass().add("mark");
        getChildren().addAll(badge, mark);
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setState(FlowState.UNKNOWN);
    }

    public FlowGlyph(FlowState initial) {
        this();
        setState(initial);
    }

    private void draw(FlowState s) {
        FlowState shown = s == null ? FlowState.UNKNOWN : s;
        FlowStyles.apply(this, shown);
        switch (shown) {
            case FLOWING -> paths(CIRCLE, ARROW);
            case IDLE -> paths(CIRCLE, DASH);
            case STALLED -> paths(OCTAGON, BAR);
            case UNKNOWN -> paths(CIRCLE, QUESTION);
        }
    }

    private void paths(String outline, String symbol) {
        badge.setContent(outline);
        mark.setContent(symbol);
    }

    public ObjectProperty<FlowState> stateProperty() { return state; }
    public FlowState getState() { return state.get(); }
    public void setState(FlowState value) { state.set(value); }
}
