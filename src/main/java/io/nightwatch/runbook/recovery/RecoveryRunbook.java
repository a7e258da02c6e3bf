package io.nightwatch.runbook.recovery;

import io.nightwatch.alerts.RunbookHints.Scenario;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.backup.ServiceAccess;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;

import io.nightwatch.text.Texts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One recovery scenario as a runbook of the engine: diagnose (read and explain), the actions that fit (each previewed,
 * skipped when the diagnosis says they do not fit), and the proof with the dashboard's measures. Defined once for the
 * CLI ({@code nightwatch recover}), the docs and, later, the window's wizard.
 */
public final class RecoveryRunbook implements RunbookDefinition {

    private static final Texts T = Texts.of(RecoveryRunbook.class);

    /** What every scenario needs to build its steps. */
    public record Context(StackProfile profile, Map<String, String> env, Function<String, DockerGateway> engines, Path backupRoot,
                          VerifyRecovered.Timing timing, CrashHistory crashes) {
        public Context(StackProfile profile, Map<String, String> env, Function<String, DockerGateway> engines, Path backupRoot) {
            this(profile, env, engines, backupRoot, VerifyRecovered.Timing.DEFAULT);
        }

        public Context(StackProfile profile, Map<String, String> env, Function<String, DockerGateway> engines, Path backupRoot,
                       VerifyRecovered.Timing timing) {
            this(profile, env, engines, backupRoot, timing, CrashHistory.NONE);
        }

        ServiceAccess access(ServiceSpec spec) {
            return new ServiceAccess(engines.apply(spec.host()), spec, env, profile.probeTimeout().multipliedBy(5));
        }
    }

    /** Builds a scenario's steps for one service. */
    interface Plan {
        List<Step> steps(Context context, ServiceSpec service, Map<String, String> params);
    }

    private final Scenario scenario;
    private final Set<ServiceKind> kinds;
    private final Context context;
    private final Plan plan;
    private final String purpose;
    private final List<Parameter> extra;

    RecoveryRunbook(Scenario scenario, Set<ServiceKind> kinds, Context context, String purpose, List<Parameter> extra, Plan plan) {
        this.scenario = scenario;
        this.kinds = Set.copyOf(kinds);
        this.context = context;
        this.purpose = purpose;
        this.extra = List.copyOf(extra);
        this.plan = plan;
    }

    public Scenario scenario() { return scenario; }

    public String id() { return "recover-" + scenario.id(); }
    public String title() { return T.get("recovery.title", scenario.title()); }
    public String purpose() { return purpose; }
    public String cliCommand() { return "nightwatch recover " + scenario.id(); } // tool text: the command

    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        out.add(new Parameter("service", T.get("recovery.param.service", kindNames()), false,
                context.profile().services().stream().filter(s -> kinds.contains(s.kind())).map(ServiceSpec::name).findFirst().orElse("")));
        out.add(new Parameter("host", T.get("recovery.param.host"), false, ""));
        out.addAll(extra);
        return out;
    }

    public Runbook build(Map<String, String> params) {
        ServiceSpec service = service(params);
        List<Step> steps = plan.steps(context, service, params);
        return new Runbook(id(), title(), purpose, parameters(), steps);
    }

    /**
     * Only the leading diagnosis steps (they read and explain, change nothing): what the CLI runs before it asks, so the
     * operator decides on evidence.
     */
    public Runbook diagnosis(Map<String, String> params) {
        List<Step> reads = new ArrayList<>();
        for (Step s : build(params).steps()) {
            if (!(s instanceof Diagnose)) break;
            reads.add(s);
        }
        return new Runbook(id(), T.get("recovery.diagnosisTitle", title()), purpose, parameters(), reads);
    }

    /** The profile's services this scenario can be about (its kinds), in profile order: what the wizard offers. */
    public List<ServiceSpec> candidates() {
        return context.profile().services().stream().filter(s -> kinds.contains(s.kind())).toList();
    }

    /** The service the run is about: named, or the only one of the scenario's kinds on the host. */
    ServiceSpec service(Map<String, String> params) {
        String host = params.getOrDefault("host", "");
        List<ServiceSpec> candidates = context.profile().services().stream().filter(s -> kinds.contains(s.kind()))
                .filter(s -> host.isEmpty() || s.host().equals(host)).toList();
        String name = params.getOrDefault("service", "");
        if (!name.isEmpty()) {
            return candidates.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    T.get("recovery.error.noService", kindNames(), name, host.isEmpty() ? "" : T.get("recovery.onHost", host),
                            String.join(", ", candidates.stream().map(ServiceSpec::name).toList()))));
        }
        if (candidates.isEmpty()) throw new IllegalArgumentException(T.get("recovery.error.none", kindNames(), host.isEmpty() ? "" : T.get("recovery.onHost", host)));
        if (candidates.size() > 1) throw new IllegalArgumentException(T.get("recovery.error.several", kindNames(),
                String.join(", ", candidates.stream().map(ServiceSpec::name).toList())));
        return candidates.get(0);
    }

    private String kindNames() {
        return String.join(T.get("recovery.or"), kinds.stream().map(ServiceKind::id).sorted().toList());
    }
}
