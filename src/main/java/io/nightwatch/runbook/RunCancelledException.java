package io.nightwatch.runbook;

import io.nightwatch.text.Texts;

/** Thrown by {@link RunContext#throwIfCancelled()} (or a step) when the operator cancelled the run. */
public class RunCancelledException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final Texts T = Texts.of(RunCancelledException.class);

    public RunCancelledException() {
        super(T.get("reason.cancelled"));
    }

    public RunCancelledException(String message) {
        super(message);
    }
}
