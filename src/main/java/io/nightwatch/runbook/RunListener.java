package io.nightwatch.runbook;

import java.time.Duration;
import java.util.Optional;

/**
 * What the wizard and the CLI see of a run. Called on the thread that runs the runbook (the GUI hands it on to
 * its own thread); an exception thrown here is logged and ignored, never allowed to break the run.
 * Indexes are 0-based positions in {@link Runbook#steps()}.
 */
public interface RunListener {

    default void stepStarted(int index, Step s) {}

    default void output(Step s, String line) {}

    /** @param f 0..1 */
    default void progress(Step s, double f, String what) {}

    default void stepFinished(int index, Step s, Duration took) {}

    default void stepFailed(int index, Step s, String why) {}

    default void compensating(Step s) {}

    /** @param problem empty when the compensation worked */
    default void compensated(Step s, Optional<String> problem) {}

    default void finished(RunResult r) {}
}
