package io.nightwatch.runbook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/** Shields the run from its listener: a GUI bug must not leave a runbook half-done. */
final class SafeListener implements RunListener {

    private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);

    private final RunListener delegate;

    private SafeListener(RunListener delegate) {
        this.delegate = delegate;
    }

    static RunListener wrap(RunListener listener) {
        if (listener == null) return new RunListener() {};
        return listener instanceof SafeListener ? listener : new SafeListener(listener);
    }

    private void call(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("run listener failed in {} (ignored)", what, e);
        }
    }

    @Override public void stepStarted(int index, Step s) { call("stepStarted", () -> delegate.stepStarted(index, s)); }
    @Override public void output(Step s, String line) { call("output", () -> delegate.output(s, line)); }
    @Override public void progress(Step s, double f, String what) { call("progress", () -> delegate.progress(s, f, what)); }
    @Override public void stepFinished(int index, Step s, Duration took) { call("stepFinished", () -> delegate.stepFinished(index, s, took)); }
    @Override public void stepFailed(int index, Step s, String why) { call("stepFailed", () -> delegate.stepFailed(index, s, why)); }
    @Override public void compensating(Step s) { call("compensating", () -> delegate.compensating(s)); }
    @Override public void compensated(Step s, Optional<String> problem) { call("compensated", () -> delegate.compensated(s, problem)); }
    @Override public void finished(RunResult r) { call("finished", () -> delegate.finished(r)); }
}
