package io.nightwatch.ui.controls;

import io.nightwatch.store.AlertState;
import javafx.css.PseudoClass;
import javafx.scene.Node;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Pseudo-classes and words for alerts: severities {@code :critical :warning :info :other} and states
 * {@code :firing :pending :suppressed :resolved}, so stylesheets decide the colours and a word always goes beside them.
 */
public final class AlertStyles {

    /** How severe an alert is, as far as colour, pattern and icon go; anything unknown is OTHER. */
    public enum Severity {
        CRITICAL, WARNING, INFO, OTHER;

        public static Severity of(String label) {
            return switch (label == null ? "" : label.trim().toLowerCase(Locale.ROOT)) {
                case "critical", "page", "error", "emergency", "alert" -> CRITICAL;
                case "warning", "warn", "major", "minor" -> WARNING;
                case "info", "informational", "notice", "none" -> INFO;
                default -> OTHER;
            };
        }
    }

    private static final Map<Severity, PseudoClass> SEVERITIES = new EnumMap<>(Severity.class);
    private static final Map<AlertState, PseudoClass> STATES = new EnumMap<>(AlertState.class);

    static {
        for (Severity s : Severity.values()) SEVERITIES.put(s, PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT)));
        for (AlertState s : AlertState.values()) STATES.put(s, PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT)));
    }

    private AlertStyles() {}

    public static PseudoClass of(Severity severity) { return SEVERITIES.get(severity); }

    public static PseudoClass of(AlertState state) { return STATES.get(state); }

    public static void apply(Node node, Severity severity) {
        Severity shown = severity == null ? Severity.OTHER : severity;
        SEVERITIES.forEach((s, pc) -> node.pseudoClassStateChanged(pc, s == shown));
    }

    /** Switches to exactly one state pseudo-class; null clears them all. */
    public static void apply(Node node, AlertState state) {
        STATES.forEach((s, pc) -> node.pseudoClassStateChanged(pc, s == state));
    }

    /** The word beside the state icon. */
    public static String label(AlertState state) {
        return state == null ? "" : state.name();
    }
}
