package io.nightwatch.runbook.recovery;

import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;

import io.nightwatch.text.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An action that runs only when the diagnosis found it fits (data gone, leftover snapshots present): the decision is
 * read from journaled state, so a resume decides the same way, and its undo runs only if it ran.
 */
final class OnlyIf implements Step {

    private static final Texts T = Texts.of(OnlyIf.class);

    private final Step action;
    private final Predicate<RunContext> fits;
    private final String when;

    /** @param when the condition in words, for the preview and the docs: "when the data is gone" */
    OnlyIf(Step action, String when, Predicate<RunContext> fits) {
        this.action = action;
        this.when = when;
        this.fits = fits;
    }

    private String ranKey() { return "ran." + action.id(); }

    public String id() { return action.id(); }
    public String title() { return T.get("onlyIf.title", action.title(), when); }
    public String explanation() { return T.get("onlyIf.explanation", action.explanation(), when); }
    public String preconditionText() { return action.preconditionText(); }
    public String verificationText() { return action.verificationText(); }
    public String compensation() { return action.compensation(); }

    public List<String> preview(RunContext ctx) {
        List<String> out = new ArrayList<>();
        for (String line : action.preview(ctx)) out.add(line + "   [" + when + "]");
        return out;
    }

    public Check precondition(RunContext ctx) throws Exception {
        return fits.test(ctx) ? action.precondition(ctx) : Check.ok();
    }

    public void execute(RunContext ctx) throws Exception {
        if (!fits.test(ctx)) {
            ctx.output(T.get("onlyIf.skipped", when));
            return;
        }
        ctx.put(ranKey(), "true");
        action.execute(ctx);
    }

    public Check verify(RunContext ctx) throws Exception {
        return ctx.get(ranKey()).isPresent() ? action.verify(ctx) : Check.ok(T.get("onlyIf.skippedCheck"));
    }

    public void compensate(RunContext ctx) throws Exception {
        if (ctx.get(ranKey()).isPresent()) action.compensate(ctx);
    }
}
