package io.nightwatch.runbook.recovery;

import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.flow.FlowSnapshot;
import io.nightwatch.flow.FlowState;
import io.nightwatch.flow.StageStatus;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.health.HealthState;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last step of every recovery: proves it with the dashboard's own measures — the service's tile UP and a stage of
 * its data path FLOWING in the flow monitor — not just "container running".
 */
public final class VerifyRecovered implements Step {

    /** How long recovery may take to show, and how the flow monitor samples meanwhile. */
    public record Timing(Duration within, FlowSettings flow) {
        public static final Timing DEFAULT = new Timing(Duration.ofMinutes(3),
                new FlowSettings(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMinutes(5), false));
    }

    private final StackProfile profile;
    private final ServiceSpec spec;
    private final Map<String, String> env;
    private final List<String> stages;
    private final Timing timing;

    /** @param stages qualified stage keys ({@code loki.lines-received}); any one FLOWING proves the data moves */
    public VerifyRecovered(StackProfile profile, ServiceSpec spec, Map<String, String> env, List<String> stages, Timing timing) {
        this.profile = profile;
        this.spec = spec;
        this.env = env;
        this.stages = List.copyOf(stages);
        this.timing = timing;
    }

    public String id() { return "verify-" + spec.name(); }
    public String title() { return "Prove " + spec.name() + " is back: healthy and data flowing"; }
    public String explanation() {
        return "The same measures as the dashboard: the health tile of " + spec.name() + " UP, and in the flow monitor "
                + String.join(" or ", stages) + " FLOWING. A running container that moves no data is not a recovery.";
    }
    public List<String> preview(RunContext ctx) {
        return List.of("health probe of " + spec.name() + " (" + Restart.healthCall(spec) + ") every " + timing.flow().interval().toSeconds() + " s",
                "flow monitor: " + String.join(", ", stages) + " until FLOWING (at most " + timing.within().toSeconds() + " s)");
    }

    public void execute(RunContext ctx) throws Exception {
        StackProfile only = profile.withServices(List.of(spec));
        long deadline = System.nanoTime() + timing.within().toNanos();
        try (HealthMonitor health = new HealthMonitor(only, env, Clock.systemUTC());
             FlowMonitor flow = new FlowMonitor(health, timing.flow(), env, Clock.systemUTC())) {
            String last = "";
            while (System.nanoTime() < deadline) {
                ctx.throwIfCancelled();
                HealthSnapshot h = health.checkOnce();
                FlowSnapshot f = flow.round();
                Optional<ServiceHealth> tile = h.services().stream().findFirst();
                Optional<StageStatus> flowing = f.stages().stream()
                        .filter(s -> stages.contains(s.spec().qualifiedKey()) && s.state() == FlowState.FLOWING).findFirst();
                boolean up = tile.map(t -> t.state() == HealthState.UP).orElse(false);
                last = spec.name() + " " + tile.map(t -> t.state() + " (" + t.reason() + ")").orElse("not seen") + "; "
                        + flowing.map(s -> s.spec().qualifiedKey() + " FLOWING " + s.detail())
                        .orElse(String.join(", ", f.stages().stream().filter(s -> stages.contains(s.spec().qualifiedKey()))
                                .map(s -> s.spec().qualifiedKey() + " " + s.state() + " (" + s.detail() + ")").toList()));
                if (up && flowing.isPresent()) {
                    ctx.put("verified." + spec.name(), last);
                    ctx.output("recovered: " + last);
                    return;
                }
                ctx.progress(1 - (double) (deadline - System.nanoTime()) / timing.within().toNanos(), last);
                Thread.sleep(timing.flow().interval().toMillis());
            }
            throw new IllegalStateException("not recovered within " + timing.within().toSeconds() + " s: " + last);
        }
    }

    public String verificationText() { return "the tile is UP and " + String.join(" or ", stages) + " is FLOWING."; }
}
