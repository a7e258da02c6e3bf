package io.nightwatch.ui.wizard;

import javafx.scene.Node;

import java.util.List;
import java.util.Map;

/**
 * What one family of runbooks asks on the wizard's first page, and everything that depends on it: its properties,
 * why Next is not possible yet, the runbook's parameters, the summary lines of the preview, and its form. The
 * {@link WizardModel} keeps only the page flow and the run. One implementation per family, each in its own package
 * ({@code backup}, {@code restore}, {@code imagechange}).
 *
 * <p>Not {@code sealed}: outside a named module the permitted classes would have to share this package, and one
 * package per kind keeps each kind's form next to its rules.
 */
public interface WizardChoice {

    /** "backup", "restore", "upgrade", "rollback": for sentences. */
    String word();

    /** Called once by the model, on the FX thread, before anything else. */
    void attach(ChoiceContext context);

    /** Why Next is not possible yet ("Tick at least one service to back up."); "" when it is. FX thread. */
    String blocker();

    /** The runbook's parameters from what was chosen; only called when {@link #blocker()} is "". FX thread. */
    Map<String, String> parameters();

    /** What was chosen, in words, at the top of the preview. FX thread. */
    List<String> summary();

    /** Lines the preview adds after the summary, read off the FX thread (an image change's diff). */
    default List<String> planLines(Map<String, String> parameters) throws Exception {
        return List.of();
    }

    /** The form of the first page, made once. FX thread. */
    Node form();

    /** A successful run's duration is its recovery time (a restore says "RTO achieved"). */
    default boolean measuresRecoveryTime() {
        return false;
    }
}
