package io.nightwatch.runbook;

/** Thrown by {@link RunContext#throwIfCancelled()} (or a step) when the operator cancelled the run. */
public class RunCancelledException extends Exception {

    private static final long serialVersionUID = 1L;

    public RunCancelledException() {
        super("cancelled by the operator");
    }

    public RunCancelledException(String message) {
        super(message);
    }
}
