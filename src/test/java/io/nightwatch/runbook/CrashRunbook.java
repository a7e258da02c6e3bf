package io.nightwatch.runbook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The runbook {@link RunbookCrashChild} runs and {@link RunbookCrashTest} resumes or aborts: step "two" blocks in
 * the child (so it can be killed there) and passes in the test's JVM. Steps log to {@link #LOG}.
 */
final class CrashRunbook implements RunbookDefinition {

    static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());
    static volatile boolean blockInStepTwo;

    @Override public String id() { return "crashable"; }
    @Override public String title() { return "Crashable"; }
    @Override public String purpose() { return "Gets killed in step two."; }
    @Override public List<Parameter> parameters() { return List.of(new Parameter("target", "Where", true, "/srv")); }

    @Override
    public Runbook build(Map<String, String> params) {
        return new Runbook(id(), title(), purpose(), parameters(), List.of(
                FakeStep.step("one", LOG).onExecute(ctx -> {
                    ctx.put("snapshot", "snap-from-child");
                    ctx.output("snapshot written to " + ctx.param("target"));
                }).onCompensate(ctx -> LOG.add("one undoes " + ctx.get("snapshot").orElse("?"))),
                FakeStep.step("two", LOG).onExecute(ctx -> {
                    if (!blockInStepTwo) return;
                    System.out.println("BLOCKED");
                    System.out.flush();
                    Thread.sleep(60_000); // killed long before; ends by itself if nobody does
                }),
                FakeStep.step("three", LOG).onExecute(ctx -> LOG.add("three sees " + ctx.get("snapshot").orElse("?")))));
    }
}
