package io.nightwatch.runbook;

import java.util.List;

/**
 * One step of a runbook. The runner calls, in order: {@link #precondition}, {@link #execute}, {@link #verify};
 * and {@link #compensate} when this step or a later one fails, the operator cancels, or an interrupted run is
 * aborted.
 *
 * <p>Rules for implementations (the runner relies on them):
 * <ul>
 *   <li>{@link #compensate} must tolerate a step that did nothing or only part of its work (it also runs for the
 *       step that failed once its execute() had begun, and on abort for the step a crash cut off), and must be
 *       safe to repeat: after a crash in the middle of undoing, an abort runs it again. It is not run for a step
 *       whose precondition failed.</li>
 *   <li>Anything {@code compensate} or a resumed later step needs goes into {@link RunContext#put}, which is
 *       journaled before it returns; fields of the step object are lost in a crash. Never put secrets there.</li>
 *   <li>{@link #preview} must not change anything and must work before earlier steps ran (the wizard's overview,
 *       the generated docs): use a placeholder for state that is not known yet.</li>
 *   <li>Long work calls {@link RunContext#progress} and checks {@link RunContext#cancelled()} regularly; the
 *       runner does not interrupt the thread.</li>
 * </ul>
 */
public interface Step {

    /** Stable within its runbook, e.g. {@code snapshot-prometheus}: the journal refers to steps by it. */
    String id();

    String title();

    /** Why this step exists and what the operator should know, for the wizard and the docs. */
    String explanation();

    default Check precondition(RunContext ctx) throws Exception {
        return Check.ok();
    }

    /** What {@link #precondition} checks, in words (docs, wizard); "" = no check. */
    default String preconditionText() {
        return "";
    }

    /** Exactly what {@link #execute} will do (Docker API calls, HTTP calls, files written), one line each. */
    List<String> preview(RunContext ctx);

    void execute(RunContext ctx) throws Exception;

    default Check verify(RunContext ctx) throws Exception {
        return Check.ok();
    }

    /** What {@link #verify} checks, in words (docs, wizard); "" = no check. */
    default String verificationText() {
        return "";
    }

    default void compensate(RunContext ctx) throws Exception {}

    /** What {@link #compensate} does, in words (docs, wizard); "" = nothing to undo. */
    default String compensation() {
        return "";
    }
}
