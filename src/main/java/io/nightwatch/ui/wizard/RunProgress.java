package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.RunResult;

import java.util.List;
import java.util.Optional;

/**
 * Everything the run page shows, at one moment: built on the runner's threads, read on the FX thread. Each
 * snapshot is complete, so the FX bridge may coalesce a burst into the newest one without losing anything; output
 * is numbered ({@code outputTotal} lines so far, the last of which are in {@code outputTail}) so the page appends
 * only what it has not shown yet.
 *
 * @param current  the step running or being undone, or -1
 * @param fraction the current step's progress 0..1, or -1 when it does not say
 * @param refused  the runner refused to begin (a resume of a run whose runbook changed, …): nothing ran
 */
record RunProgress(List<StepLive> steps, int current, String progressText, double fraction, boolean undoing,
                   long outputTotal, List<String> outputTail, Optional<RunResult> result, Optional<String> refused) {

    RunProgress {
        steps = List.copyOf(steps);
        outputTail = List.copyOf(outputTail);
    }

    /** One step's state and a line about it ("in 1.2 s", the reason it failed, why undoing it failed). */
    record StepLive(StepState state, String detail) {}

    boolean ended() {
        return result.isPresent() || refused.isPresent();
    }
}
