package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.Step;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The recovery wizard's family without Docker: two scenario runbooks (redis-down, loki-ingestion) with the real ones'
 * ids and shape — a read that explains, an action, a proof — each a small fake that logs what it was asked to do. The
 * family hands {@code build} to the scenario named, as {@code ScenarioRunbooks} does.
 */
final class FakeRecoveries implements RunbookDefinition, RunbookFamily {

    /** What the steps did, in order ("execute restart-redis"). */
    final List<String> log = new CopyOnWriteArrayList<>();
    private final List<RunbookDefinition> members = List.of(new Scenario("redis-down"), new Scenario("loki-ingestion"));

    @Override public String id() { return "recover"; }
    @Override public String title() { return "Recover from a failure"; }
    @Override public String purpose() { return "Diagnose, act, prove."; }
    @Override public List<Parameter> parameters() { return List.of(new Parameter("scenario", "the scenario", true, "redis-down")); }
    @Override public List<RunbookDefinition> members() { return members; }

    @Override
    public Runbook build(Map<String, String> params) {
        String id = "recover-" + params.getOrDefault("scenario", "");
        return members.stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no recovery runbook '" + params.get("scenario") + "'")).build(params);
    }

    private final class Scenario implements RunbookDefinition {
        private final String scenario;

        Scenario(String scenario) { this.scenario = scenario; }

        @Override public String id() { return "recover-" + scenario; }
        @Override public String title() { return "Recover: " + scenario; }
        @Override public String purpose() { return "Fake " + scenario + "."; }
        @Override public List<Parameter> parameters() { return List.of(new Parameter("service", "the service", false, "redis")); }

        @Override
        public Runbook build(Map<String, String> params) {
            String service = params.getOrDefault("service", "redis");
            return new Runbook(id(), title(), purpose(), parameters(), List.of(
                    new Fake("diagnose-" + service, "Why is " + service + " down?", "container exited, exit code 137"),
                    new Fake("restart-" + service, "Restart " + service + " (only when it does not answer)", "started"),
                    new Fake("verify-" + service, "Prove " + service + " is back: healthy and data flowing",
                            "recovered: " + service + " UP · " + service + ".ops FLOWING")));
        }
    }

    private final class Fake implements Step {
        private final String id;
        private final String title;
        private final String says;

        Fake(String id, String title, String says) {
            this.id = id;
            this.title = title;
            this.says = says;
        }

        @Override public String id() { return id; }
        @Override public String title() { return title; }
        @Override public String explanation() { return "A fake step."; }
        @Override public List<String> preview(RunContext ctx) { return List.of("fake call for " + id); }

        @Override
        public void execute(RunContext ctx) throws Exception {
            log.add("execute " + id);
            Thread.sleep(20);
            ctx.output(says);
        }
    }
}
