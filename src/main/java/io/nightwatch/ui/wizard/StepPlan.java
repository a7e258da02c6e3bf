package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;
import io.nightwatch.text.Texts;

import java.util.List;

/**
 * One step as the preview page shows it, read from the step before anything runs.
 *
 * @param preview exactly what the step will do, one line each (Docker API calls, HTTP calls, files written)
 */
public record StepPlan(int index, String id, String title, String explanation, String checkedBefore,
                       List<String> preview, String verification, String compensation) {

    private static final Texts T = Texts.of(StepPlan.class);

    public StepPlan {
        preview = List.copyOf(preview);
    }

    /** Reads a step; a preview that throws is shown as such rather than hiding the step. Call off the FX thread. */
    static StepPlan of(int index, Step step, RunContext previewContext) {
        List<String> lines;
        try {
            lines = List.copyOf(step.preview(previewContext));
        } catch (RuntimeException e) {
            lines = List.of(T.get("plan.cannotList", e.getMessage()));
        }
        return new StepPlan(index, step.id(), step.title(), text(step.explanation()), text(step.preconditionText()),
                lines, text(step.verificationText()), text(step.compensation()));
    }

    /** "3. Copy redis's data out" */
    public String numberedTitle() {
        return (index + 1) + ". " + title;
    }

    /** What the operator is told about a failure after this step finished. */
    public String ifLaterFails() {
        return compensation.isBlank() ? T.get("plan.nothingToUndo") : compensation;
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
