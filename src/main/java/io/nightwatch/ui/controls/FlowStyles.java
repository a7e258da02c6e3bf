package io.nightwatch.ui.controls;

import io.nightwatch.flow.FlowState;
import javafx.css.PseudoClass;
import javafx.scene.Node;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The pseudo-classes {@code :flowing :idle :stalled :unknown} for anything that shows a {@link FlowState}, so the
 * stylesheets decide what a state looks like; and the word shown beside its icon.
 */
public final class FlowStyles {

    private static final Map<FlowState, PseudoClass> CLASSES = new EnumMap<>(FlowState.class);

    static {
        for (FlowState state : FlowState.values()) {
            CLASSES.put(state, PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT)));
        }
    }

    private FlowStyles() {}

    public static PseudoClass of(FlowState state) {
        return CLASSES.get(state);
    }

    /** Switches {@code node} to exactly one flow pseudo-class; null counts as UNKNOWN. */
    public static void apply(Node node, FlowState state) {
        FlowState shown = state == null ? FlowState.UNKNOWN : state;
        CLASSES.forEach((s, pseudoClass) -> node.pseudoClassStateChanged(pseudoClass, s == shown));
    }

    /** The word next to the icon: colour is never the only signal. */
    public static String label(FlowState state) {
        return state == null ? "UNKNOWN" : state.name();
    }
}
