package io.nightwatch.ui.controls;

import io.nightwatch.health.HealthState;
import javafx.css.PseudoClass;
import javafx.scene.Node;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The pseudo-classes {@code :up :degraded :down :unknown}, so stylesheets (not code) decide what a state looks like. */
public final class StateStyles {

    private static final Map<HealthState, PseudoClass> CLASSES = new EnumMap<>(HealthState.class);

    static {
        for (HealthState state : HealthState.values()) {
            CLASSES.put(state, PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT)));
        }
    }

    private StateStyles() {}

    public static PseudoClass of(HealthState state) {
        return CLASSES.get(state);
    }

    /** Switches {@code node} to exactly one state pseudo-class; null counts as UNKNOWN. */
    public static void apply(Node node, HealthState state) {
        HealthState shown = state == null ? HealthState.UNKNOWN : state;
        CLASSES.forEach((s, pseudoClass) -> node.pseudoClassStateChanged(pseudoClass, s == shown));
    }

    /** The word shown next to the glyph: colour is never the only signal. */
    public static String label(HealthState state) {
        return state == null ? "UNKNOWN" : state.name();
    }
}
