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

import io.nightwatch.text.Language;
import io.nightwatch.text.Texts;
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

    private static final Texts T = Texts.of(VerifyRecovered.class);

    /** A key for one value of an enum or verb: every value has its word in the bundle. */
    private static String key(String prefix, Object value) {
        return prefix + "." + value;
    }

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
    public String title() { return T.get("verify.title", spec.name()); }
    public String explanation() {
        return T.get("verify.explanation", spec.name(), String.join(T.get("verify.or"), stages));
    }
    public List<String> preview(RunContext ctx) {
        return List.of(T.get("verify.preview.probe", spec.name(), Restart.healthCall(spec), timing.flow().interval().toSeconds()),
                T.get("verify.preview.flow", String.join(", ", stages), timing.within().toSeconds()));
    }

    public void execute(RunContext ctx) throws Exception {
        StackProfile only = profile.withServices(List.of(spec));
        long deadline = System.nanoTime() + timing.within().toNanos();
        try (HealthMonitor health = new HealthMonitor(only, env, Clock.systemUTC());
             FlowMonitor flow = new FlowMonitor(health, timing.flow(), env, Clock.systemUTC())) {
            String last = "";
            String shown = "";
            while (System.nanoTime() < deadline) {
                ctx.throwIfCancelled();
                HealthSnapshot h = health.checkOnce();
                FlowSnapshot f = flow.round();
                Optional<ServiceHealth> tile = h.services().stream().findFirst();
                Optional<StageStatus> flowing = f.stages().stream()
                        .filter(s -> stages.contains(s.spec().qualifiedKey()) && s.state() == FlowState.FLOWING).findFirst();
                boolean up = tile.map(t -> t.state() == HealthState.UP).orElse(false);
                // the journal keeps the English words (tools read it); the operator reads their own language
                last = status(Language.EN, tile, flowing, f);
                shown = status(Language.current(), tile, flowing, f);
                if (up && flowing.isPresent()) {
                    ctx.put("verified." + spec.name(), last);
                    ctx.output(T.get("verify.recovered", shown));
                    return;
                }
                ctx.progress(1 - (double) (deadline - System.nanoTime()) / timing.within().toNanos(), shown);
                Thread.sleep(timing.flow().interval().toMillis());
            }
            throw new IllegalStateException(T.get("verify.error.timeout", timing.within().toSeconds(), shown));
        }
    }

    /** "prometheus UP (…); prometheus.samples-appended FLOWING …" in the given language. */
    private String status(Language lang, Optional<ServiceHealth> tile, Optional<StageStatus> flowing, FlowSnapshot f) {
        String health = tile.map(t -> T.in(lang, "verify.tile", T.in(lang, key("health", t.state().name())), t.reason()))
                .orElse(T.in(lang, "verify.notSeen"));
        String flow = flowing.map(s -> T.in(lang, "verify.flowing", s.spec().qualifiedKey(), T.in(lang, "flow.FLOWING"), s.detail()))
                .orElse(String.join(", ", f.stages().stream().filter(s -> stages.contains(s.spec().qualifiedKey()))
                        .map(s -> T.in(lang, "verify.stage", s.spec().qualifiedKey(), T.in(lang, key("flow", s.state().name())), s.detail())).toList()));
        return T.in(lang, "verify.status", spec.name(), health, flow);
    }

    public String verificationText() { return T.get("verify.verification", String.join(T.get("verify.or"), stages)); }
}
