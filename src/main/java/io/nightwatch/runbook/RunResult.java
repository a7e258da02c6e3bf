package io.nightwatch.runbook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How a run ended. {@code message} is written for the operator and says what was done and undone, and what is
 * left to do by hand when undoing did not complete. {@code took} is this invocation's duration (the journal also
 * has the total for resumed runs).
 */
public record RunResult(String runId, String runbookId, Outcome outcome, Optional<String> failedStep, String message,
                        Duration took, Path journal) {

    public enum Outcome {
        SUCCEEDED,
        /** A step failed (or the journal could not be written); every started step was undone. */
        FAILED_COMPENSATED,
        /** Something failed and at least one compensation failed too: the system is half-changed, see the message. */
        FAILED_COMPENSATION_INCOMPLETE,
        /** Cancelled by the operator; every started step was undone. */
        CANCELLED,
        /** An interrupted run was aborted; every started step was undone. */
        ABORTED
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }
}
