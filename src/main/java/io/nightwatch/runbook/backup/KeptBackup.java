package io.nightwatch.runbook.backup;

import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A backup step taken before a risky change (deleting data, changing an image): a complete set is the way back, so
 * undoing the run keeps it; only a set the backup did not finish is cleaned up.
 *
 * @param compensationWords the runbook's own sentence around the step's compensation ("" when it has none)
 */
public record KeptBackup(Step step, UnaryOperator<String> compensationWords) implements Step {
    public String id() { return step.id(); }
    public String title() { return step.title(); }
    public String explanation() { return step.explanation(); }
    public Check precondition(RunContext ctx) throws Exception { return step.precondition(ctx); }
    public String preconditionText() { return step.preconditionText(); }
    public List<String> preview(RunContext ctx) { return step.preview(ctx); }
    public void execute(RunContext ctx) throws Exception { step.execute(ctx); }
    public Check verify(RunContext ctx) throws Exception { return step.verify(ctx); }
    public String verificationText() { return step.verificationText(); }
    public String compensation() { return compensationWords.apply(step.compensation()); }
    public void compensate(RunContext ctx) throws Exception {
        if (!BackupRunbook.completedIn(ctx)) step.compensate(ctx);
    }
}
