package io.nightwatch.runbook;

import java.util.List;

/** A configurable step that logs what the runner asks of it ("execute a", "compensate a") into a shared list. */
final class FakeStep implements Step {

    interface Action {
        void run(RunContext ctx) throws Exception;
    }

    interface CheckAction {
        Check run(RunContext ctx) throws Exception;
    }

    private final String id;
    private final List<String> log;
    private Action execute = ctx -> {};
    private Action compensate = ctx -> {};
    private CheckAction precondition = ctx -> Check.ok();
    private CheckAction verify = ctx -> Check.ok();

    private FakeStep(String id, List<String> log) {
        this.id = id;
        this.log = log;
    }

    static FakeStep step(String id, List<String> log) {
        return new FakeStep(id, log);
    }

    FakeStep onExecute(Action a) {
        this.execute = a;
        return this;
    }

    FakeStep onCompensate(Action a) {
        this.compensate = a;
        return this;
    }

    FakeStep precondition(CheckAction c) {
        this.precondition = c;
        return this;
    }

    FakeStep verification(CheckAction c) {
        this.verify = c;
        return this;
    }

    @Override public String id() { return id; }
    @Override public String title() { return "Step " + id.toUpperCase(); }
    @Override public String explanation() { return "Does " + id + "."; }
    @Override public List<String> preview(RunContext ctx) { return List.of("do " + id); }
    @Override public String compensation() { return "Undo " + id + " by hand."; }

    @Override
    public Check precondition(RunContext ctx) throws Exception {
        return precondition.run(ctx);
    }

    @Override
    public void execute(RunContext ctx) throws Exception {
        log.add("execute " + id);
        execute.run(ctx);
    }

    @Override
    public Check verify(RunContext ctx) throws Exception {
        return verify.run(ctx);
    }

    @Override
    public void compensate(RunContext ctx) throws Exception {
        log.add("compensate " + id);
        compensate.run(ctx);
    }
}
