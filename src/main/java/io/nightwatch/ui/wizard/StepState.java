package io.nightwatch.ui.wizard;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.controls.Glyph;
import io.nightwatch.ui.controls.Glyph;
import io.nightwatch.ui.controls.GlyphTable;
import io.nightwatch.ui.fx.EnumStyles;
import javafx.css.PseudoClass;
import javafx.scene.Node;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where one step of a run stands, as the wizard shows it: an icon shape ({@link #glyph}) and a word, plus a
 * pseudo-class of the same name ({@code :pending :running :done :failed :undoing :undone :undo-failed :not-run}) that
 * only chooses colours.
 */
public enum StepState {
    PENDING,
    RUNNING,
    DONE,
    /** Failed, and nothing of it needed undoing (its check before it failed) or the undo has not begun yet. */
    FAILED,
    UNDOING,
    UNDONE,
    UNDO_FAILED,
    /** The run ended (failure or cancel) before this step began. */
    NOT_RUN;

    private static final EnumStyles<StepState> STYLES =
            EnumStyles.of(StepState.class, PENDING, s -> s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    private static final GlyphTable<StepState> GLYPHS = GlyphTable.of(List.of("step-glyph"), STYLES, PENDING, shapes());

    private static final Texts T = Texts.of(StepState.class);
    /** Keys of the form state.NAME, one per value. */
    private static final String KEYS_STATE = "state.";

    /** This state's icon (colours from {@code .step-glyph > .badge}, {@code > .mark} through the pseudo-class). */
    public static Glyph<StepState> glyph(StepState initial) {
        return new Glyph<>(GLYPHS, initial);
    }

    private static Map<StepState, GlyphTable.Shape> shapes() {
        Map<String, GlyphTable.Shape> by = GlyphTable.STEP_SHAPES;
        Map<StepState, GlyphTable.Shape> shapes = new EnumMap<>(StepState.class);
        shapes.put(PENDING, by.get("waiting"));
        shapes.put(RUNNING, by.get("running"));
        shapes.put(DONE, by.get("done"));
        shapes.put(FAILED, by.get("failed"));
        shapes.put(UNDOING, by.get("back"));
        shapes.put(UNDONE, by.get("back"));
        shapes.put(UNDO_FAILED, by.get("undo-failed"));
        shapes.put(NOT_RUN, by.get("not-run"));
        return shapes;
    }

    /** The state's word beside its icon ("DONE", "UNDO FAILED"), in the current language. */
    public String word() {
        return T.get(KEYS_STATE + name());
    }

    public PseudoClass pseudoClass() {
        return STYLES.of(this);
    }

    /** Switches {@code node} to exactly this state's pseudo-class. */
    public static void apply(Node node, StepState state) {
        STYLES.apply(node, state);
    }
}
