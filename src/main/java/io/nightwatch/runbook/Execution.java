package io.nightwatch.runbook;

import io.nightwatch.runbook.RunResult.Outcome;
import io.nightwatch.text.Formats;
import io.nightwatch.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.nightwatch.runbook.Journal.fields;

/**
 * One invocation of a run (a fresh start, a resume or an abort) with its journal open: the step loop, the undo
 * in reverse, and the terminal event. Never throws for what a step does; every way out goes through
 * {@link #end}, which writes the terminal event and closes the journal.
 */
final class Execution {

    private static final Logger LOG = LoggerFactory.getLogger(Execution.class);
    private static final Texts T = Texts.of(Execution.class);
    /** The journal's reason for a cancel: a fixed token for tools, not a sentence for people. */
    private static final String CANCELLED_REASON = "cancelled by the operator"; // tool text

    /** How a step attempt ended. {@code executed}: execute() was entered, so the step may have changed things. */
    private record Attempt(Kind kind, String why, boolean executed) {
        enum Kind { DONE, FAILED, CANCELLED }
    }

    /** Why the run is undoing: which terminal event, which clean outcome, and the head of the message. */
    private record Ending(String event, Outcome clean, Optional<Step> failedStep, String why, String head) {}

    private final Runbook runbook;
    private final RunContext ctx;
    private final Journal journal;
    private final RunListener listener;
    private final Clock clock;
    private final Instant startedAt;
    private final Instant firstStartedAt;

    Execution(Runbook runbook, RunContext ctx, Journal journal, RunListener listener, Clock clock,
              Instant startedAt, Instant firstStartedAt) {
        this.runbook = runbook;
        this.ctx = ctx;
        this.journal = journal;
        this.listener = listener;
        this.clock = clock;
        this.startedAt = startedAt;
        this.firstStartedAt = firstStartedAt;
    }

    RunContext context() {
        return ctx;
    }

    /** Runs every step not in {@code finishedBefore} (indexes; a resume's already-finished steps), in order. */
    RunResult forward(List<Integer> finishedBefore) {
        List<Integer> done = new ArrayList<>(finishedBefore); // undo candidates, in order of completion
        List<Step> steps = runbook.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (done.contains(i)) continue;
            Step step = steps.get(i);
            if (ctx.cancelRequested()) {
                return undoAndEnd(done, new Ending("run-cancelled", Outcome.CANCELLED, Optional.empty(), "cancelled",
                        T.get("run.cancelledBefore", position(i), step.title())));
            }
            Attempt a = attempt(i, step);
            if (a.kind() == Attempt.Kind.DONE) {
                done.add(i);
                continue;
            }
            List<Integer> undo = new ArrayList<>(done);
            if (a.executed()) undo.add(i); // it may have done part of its work
            journal.lenient();
            ctx.startUndo();
            Ending ending;
            if (a.kind() == Attempt.Kind.CANCELLED) {
                journal.write("step-failed", fields("step", step.id(), "index", i, "reason", CANCELLED_REASON));
                listener.stepFailed(i, step, T.get("reason.cancelled"));
                ending = new Ending("run-cancelled", Outcome.CANCELLED, Optional.of(step), "cancelled",
                        T.get("run.cancelledDuring", position(i), step.title()));
            } else {
                journal.write("step-failed", fields("step", step.id(), "index", i, "reason", a.why()));
                listener.stepFailed(i, step, a.why());
                ending = new Ending("run-failed", Outcome.FAILED_COMPENSATED, Optional.of(step), a.why(),
                        T.get("run.stepFailed", position(i), step.title(), a.why()));
            }
            return undoAndEnd(undo, ending);
        }
        journal.lenient(); // all steps are done: a failure to record the end must not turn success into failure
        Duration took = since(startedAt);
        Map<String, Object> f = fields("outcome", Outcome.SUCCEEDED.name(), "tookMs", took.toMillis());
        if (!firstStartedAt.equals(startedAt)) f.put("totalMs", since(firstStartedAt).toMillis());
        journal.write("run-finished", f);
        String message = T.get("run.completed", runbook.title(), steps.size(), human(took)) + warnings();
        return end(Outcome.SUCCEEDED, Optional.empty(), message);
    }

    /** Undoes the given steps (by id, as found in the journal), last first, and records the run as aborted. */
    RunResult abort(InterruptedRun run) {
        journal.lenient();
        ctx.startUndo();
        List<Integer> undo = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> toUndo = new ArrayList<>(run.toUndo());
        java.util.Collections.reverse(toUndo); // back to run order; undoAndEnd reverses
        for (String id : toUndo) {
            int i = runbook.indexOf(id);
            if (i < 0) missing.add(id);
            else undo.add(i);
        }
        String head = T.get("run.aborted", run.runId(), runbook.title());
        return undoAndEnd(undo, new Ending("run-aborted", Outcome.ABORTED, Optional.empty(), "aborted by the operator", head), missing); // tool text: the journal's reason
    }

    private Attempt attempt(int i, Step step) {
        ctx.enter(step);
        Instant t0 = clock.instant();
        boolean executed = false;
        try {
            journal.write("step-started", fields("step", step.id(), "index", i, "title", step.title()));
            listener.stepStarted(i, step);
            Check pre = step.precondition(ctx);
            if (!pre.passed()) return new Attempt(Attempt.Kind.FAILED, T.get("reason.precondition", pre.message()), false);
            ctx.throwIfCancelled();
            executed = true;
            step.execute(ctx);
            Check verified = step.verify(ctx);
            if (!verified.passed()) return new Attempt(Attempt.Kind.FAILED, T.get("reason.verification", verified.message()), true);
            Duration took = since(t0);
            journal.write("step-finished", fields("step", step.id(), "index", i, "tookMs", took.toMillis()));
            listener.stepFinished(i, step, took);
            return new Attempt(Attempt.Kind.DONE, "", true);
        } catch (RunCancelledException e) {
            return new Attempt(Attempt.Kind.CANCELLED, "cancelled", executed);
        } catch (InterruptedException e) {
            // An interrupt means "stop": treated as a cancel. The flag stays cleared so the undo can sleep and wait.
            ctx.requestCancel();
            return new Attempt(Attempt.Kind.CANCELLED, "interrupted", executed);
        } catch (Throwable e) { // even an Error: a half-done step is worse than a caught Error
            logFailure("step " + step.id() + " failed", e);
            return new Attempt(Attempt.Kind.FAILED, describe(e), executed);
        }
    }

    private RunResult undoAndEnd(List<Integer> undo, Ending ending) {
        return undoAndEnd(undo, ending, List.of());
    }

    private RunResult undoAndEnd(List<Integer> undo, Ending ending, List<String> unknownSteps) {
        journal.lenient();
        ctx.startUndo();
        List<String> undone = new ArrayList<>(); // titles, for the message
        List<String> undoneIds = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> notUndone = new ArrayList<>(unknownSteps);
        for (String id : unknownSteps) {
            problems.add(T.get("undo.missingStep", id));
        }
        for (int k = undo.size() - 1; k >= 0; k--) {
            Step step = runbook.steps().get(undo.get(k));
            Optional<String> problem = compensate(step);
            if (problem.isEmpty()) {
                undone.add(step.title());
                undoneIds.add(step.id());
            } else {
                notUndone.add(step.id());
                problems.add(step.compensation().isBlank() ? T.get("undo.failed", step.title(), problem.get())
                        : T.get("undo.failedShould", step.title(), problem.get(), step.compensation()));
            }
        }
        Outcome outcome = problems.isEmpty() ? ending.clean() : Outcome.FAILED_COMPENSATION_INCOMPLETE;
        Duration took = since(startedAt);
        Map<String, Object> f = fields("outcome", outcome.name());
        ending.failedStep().ifPresent(s -> f.put("step", s.id()));
        f.put("reason", ending.why());
        f.put("undone", undoneIds);
        f.put("notUndone", notUndone);
        f.put("tookMs", took.toMillis());
        if (!firstStartedAt.equals(startedAt)) f.put("totalMs", since(firstStartedAt).toMillis());
        journal.write(ending.event(), f);

        StringBuilder m = new StringBuilder(ending.head());
        if (problems.isEmpty()) {
            m.append(' ').append(undone.isEmpty() ? T.get("undo.nothing") : T.get("undo.all", String.join(", ", undone)));
        } else {
            m.append(' ').append(T.get("undo.incomplete"));
            problems.forEach(p -> m.append("\n- ").append(p));
            if (!undone.isEmpty()) m.append('\n').append(T.get("undo.partial", String.join(", ", undone)));
        }
        m.append(warnings());
        return end(outcome, ending.failedStep().map(Step::id), m.toString());
    }

    /** What steps left for the operator without failing the run (state keys "warning.<step>"; blank: withdrawn), one line each. */
    private String warnings() {
        List<String> lines = ctx.state().entrySet().stream().filter(e -> e.getKey().startsWith("warning.") && !e.getValue().isBlank())
                .sorted(Map.Entry.comparingByKey()).map(e -> "\n- " + e.getValue()).toList();
        return lines.isEmpty() ? "" : "\n" + T.get("warnings.head") + String.join("", lines);
    }

    /** Runs one compensation; returns the problem, if any. The journal is lenient here: undo beats the record. */
    private Optional<String> compensate(Step step) {
        ctx.enter(step);
        listener.compensating(step);
        journal.write("compensating", fields("step", step.id()));
        Instant t0 = clock.instant();
        try {
            step.compensate(ctx);
            journal.write("compensated", fields("step", step.id(), "tookMs", since(t0).toMillis()));
            listener.compensated(step, Optional.empty());
            return Optional.empty();
        } catch (Throwable e) {
            logFailure("undoing step " + step.id() + " failed", e); // tool text: the log
            String why = describe(e);
            journal.write("compensation-failed", fields("step", step.id(), "reason", why, "tookMs", since(t0).toMillis()));
            listener.compensated(step, Optional.of(why));
            return Optional.of(why);
        }
    }

    private RunResult end(Outcome outcome, Optional<String> failedStep, String message) {
        journal.close();
        String text = message;
        Optional<JournalWriteException> broken = journal.failure();
        if (broken.isPresent()) {
            text += "\n" + T.get(outcome == Outcome.SUCCEEDED ? "journal.incompleteResume" : "journal.incompleteAbort", broken.get().getMessage());
        }
        text += "\n" + T.get("journal.file", journal.file());
        RunResult r = new RunResult(ctx.runId(), runbook.id(), outcome, failedStep, text, since(startedAt), journal.file());
        listener.finished(r);
        return r;
    }

    /** Logs a failure without leaking a secret an exception message may carry (a URL with a password ...). */
    private void logFailure(String what, Throwable e) {
        List<String> secrets = Secrets.secretValues(ctx.params());
        String why = Secrets.scrub(describe(e), secrets);
        if (Secrets.mentionsAny(e, secrets)) {
            LOG.warn("runbook {} run {}: {}: {} (stack trace withheld: it contains a secret)", runbook.id(), ctx.runId(), what, why);
        } else {
            LOG.warn("runbook {} run {}: {}: {}", runbook.id(), ctx.runId(), what, why, e);
        }
    }

    private String position(int i) {
        return T.get("position", i + 1, runbook.steps().size());
    }

    private Duration since(Instant t) {
        Duration d = Duration.between(t, clock.instant());
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** A message for the operator: the exception's text, with its cause when that adds something. */
    static String describe(Throwable e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        // "AccessDeniedException: /x" says more than "/x", which is all a FileSystemException's message holds
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() == null) m = e.getClass().getSimpleName() + ": " + m;
        Throwable c = e.getCause();
        if (c != null && c.getMessage() != null && !m.contains(c.getMessage())) m += " (" + c.getMessage() + ")";
        return m;
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 60_000) return T.get("took.s", Formats.fixed(ms / 1000.0, 1));
        long s = ms / 1000;
        if (s < 3600) return T.get("took.min", s / 60, String.format(java.util.Locale.ROOT, "%02d", s % 60));
        return T.get("took.h", s / 3600, String.format(java.util.Locale.ROOT, "%02d", (s % 3600) / 60));
    }
}
