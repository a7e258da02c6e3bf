package io.nightwatch.runbook;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run whose journal has no terminal event: Nightwatch crashed, was killed or its console closed mid-run.
 * Found by {@link RunbookRunner#interrupted()} and offered for {@link RunbookRunner#resume resume} or
 * {@link RunbookRunner#abort abort}.
 *
 * @param params          as journaled: secret ones are {@value Secrets#REDACTED}; supply them with {@link #withParams}
 * @param state           the last value of every {@link RunContext#put} key
 * @param stepIds         the steps of the run as built when it started
 * @param startedSteps    steps that were started (the last one may have been cut off half-way)
 * @param finishedSteps   steps that finished and verified
 * @param compensatedSteps steps already undone
 * @param undoing         the run had started to undo (a step had failed, or it was cancelled): only abort is offered
 * @param stoppedAt       the time of the last event in the journal
 * @param unreadableLines journal lines that could not be read (normally 0, or 1 for a line cut off by the crash)
 */
public record InterruptedRun(String runId, String runbookId, String title, Map<String, String> params,
                             Map<String, String> state, List<String> stepIds, List<String> startedSteps,
                             List<String> finishedSteps, List<String> compensatedSteps, boolean undoing,
                             Instant startedAt, Instant stoppedAt, int unreadableLines, Path journal) {

    public InterruptedRun {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        state = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(state));
        stepIds = List.copyOf(stepIds);
        startedSteps = List.copyOf(startedSteps);
        finishedSteps = List.copyOf(finishedSteps);
        compensatedSteps = List.copyOf(compensatedSteps);
    }

    /** The step that was running when the run stopped, if it stopped inside one. */
    public Optional<String> stoppedInStep() {
        for (int i = startedSteps.size() - 1; i >= 0; i--) {
            String s = startedSteps.get(i);
            if (!finishedSteps.contains(s)) return Optional.of(s);
        }
        return Optional.empty();
    }

    /** Whether it can be resumed; a run that had begun undoing can only be aborted (finishing the undo). */
    public boolean resumable() {
        return !undoing;
    }

    /** Steps an abort will undo, in the order it undoes them: started, not yet undone, last first. */
    public List<String> toUndo() {
        List<String> out = new ArrayList<>();
        for (String s : stepIds) if (startedSteps.contains(s) && !compensatedSteps.contains(s)) out.add(0, s);
        return out;
    }

    /** Parameters that were secrets and so are not in the journal: resume and abort need them again. */
    public List<String> redactedParams() {
        return params.entrySet().stream().filter(e -> Secrets.REDACTED.equals(e.getValue())).map(Map.Entry::getKey).toList();
    }

    /** This run with some parameter values replaced, typically the secrets the operator typed in again. */
    public InterruptedRun withParams(Map<String, String> values) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.putAll(values);
        return new InterruptedRun(runId, runbookId, title, p, state, stepIds, startedSteps, finishedSteps,
                compensatedSteps, undoing, startedAt, stoppedAt, unreadableLines, journal);
    }
}
