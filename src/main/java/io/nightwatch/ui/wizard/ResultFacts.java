package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.RunResult.Outcome;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.text.Texts;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the result page says about a finished run, worded once here.
 *
 * @param durationCaption "Took", or for a restore that succeeded "RTO achieved"
 * @param message         for anything but success, the runner's account (what failed, what was undone, what is left
 *                        to do by hand); "" on success
 * @param undone          titles of the steps that were undone, in the order they were undone
 * @param undoFailed      titles of the steps whose undo failed (finish these by hand)
 */
public record ResultFacts(Outcome outcome, String word, String headline, String durationCaption, String duration,
                          String journal, String message, List<String> undone, List<String> undoFailed) {

    private static final Texts T = Texts.of(ResultFacts.class);

    public ResultFacts {
        undone = List.copyOf(undone);
        undoFailed = List.copyOf(undoFailed);
    }

    /** @param steps the run's steps in run order, with their final states */
    static ResultFacts of(String what, boolean measuresRecoveryTime, RunResult r, List<StepRow> steps) {
        boolean rto = measuresRecoveryTime && r.succeeded();
        // an engine refusal reads as a sentence, not as its JSON (the journal keeps the raw answer)
        String message = r.succeeded() ? "" : io.nightwatch.docker.EngineErrors.sentence(withoutJournalLine(r.message()), T.get("result.theContainer"));
        // undone last step first, as the runner undoes them
        List<String> undone = steps.stream().filter(s -> s.getState() == StepState.UNDONE)
                .map(s -> s.plan().title()).collect(Collectors.collectingAndThen(Collectors.toList(), l -> {
                    java.util.Collections.reverse(l);
                    return l;
                }));
        List<String> undoFailed = steps.stream().filter(s -> s.getState() == StepState.UNDO_FAILED).map(s -> s.plan().title()).toList();
        return new ResultFacts(r.outcome(), WizardWording.outcomeWord(r.outcome()), WizardWording.headline(r.outcome(), what),
                rto ? T.get("result.rto") : T.get("result.took"), WizardWording.duration(r.took()),
                r.journal() == null ? "" : r.journal().toString(), message, undone, undoFailed);
    }

    /** The page shows the journal on its own line with a copy button; the message need not repeat it. */
    static String withoutJournalLine(String message) {
        return Arrays.stream(message.split("\n")).filter(l -> !l.startsWith("Journal: ")).collect(Collectors.joining("\n")).strip();
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }
}
