package io.nightwatch.runbook.recovery;

import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.backup.BackupRunbook;

import io.nightwatch.text.Texts;
import java.util.List;

/** A backup step taken before deleting data: a complete set is the way back, so undoing the run keeps it. */
record KeptBackup(Step step) implements Step {

    private static final Texts T = Texts.of(KeptBackup.class);
    public String id() { return step.id(); }
    public String title() { return step.title(); }
    public String explanation() { return step.explanation(); }
    public Check precondition(RunContext ctx) throws Exception { return step.precondition(ctx); }
    public String preconditionText() { return step.preconditionText(); }
    public List<String> preview(RunContext ctx) { return step.preview(ctx); }
    public void execute(RunContext ctx) throws Exception { step.execute(ctx); }
    public Check verify(RunContext ctx) throws Exception { return step.verify(ctx); }
    public String verificationText() { return step.verificationText(); }
    public String compensation() {
        return T.get("keptBackup.compensation", step.compensation().isEmpty() ? T.get("step.nothingToUndo") : step.compensation());
    }
    public void compensate(RunContext ctx) throws Exception {
        if (!BackupRunbook.completedIn(ctx)) step.compensate(ctx);
    }
}
