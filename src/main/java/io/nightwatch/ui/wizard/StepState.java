package io.nightwatch.ui.wizard;

import javafx.css.PseudoClass;
import javafx.scene.Node;

import java.util.Locale;

/**
 * Where one step of a run stands, as the wizard shows it: an icon shape ({@link StepGlyph}) and a word, plus a
 * pseudo-class of the same name ({@code :pending :running :done :failed :undoing :undone :undo-failed :not-run}) that
 * only chooses colours.
 */
public enum StepState {
    PENDING("PENDING"),
    RUNNING("RUNNING"),
    DONE("DONE"),
    /** Failed, and nothing of it needed undoing (its check before it failed) or the undo has not begun yet. */
    FAILED("FAILED"),
    UNDOING("UNDOING"),
    UNDONE("UNDONE"),
    UNDO_FAILED("UNDO FAILED"),
    /** The run ended (failure or cancel) before this step began. */
    NOT_RUN("NOT RUN");

    private final String word;
    private final PseudoClass pseudoClass;

    StepState(String word) {
        this.word = word;
        this.pseudoClass = PseudoClass.getPseudoClass(name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    public String word() {
        return word;
    }

    public PseudoClass pseudoClass() {
        return pseudoClass;
    }

    /** Switches {@code node} to exactly this state's pseudo-class. */
    static void apply(Node node, StepState state) {
        for (StepState s : values()) node.pseudoClassStateChanged(s.pseudoClass, s == state);
    }
}
