package io.nightwatch.runbook.stack;

import io.nightwatch.alerts.AlertmanagerClient;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.backup.ServiceAccess;
import io.nightwatch.runbook.backup.SilenceSteps;
import io.nightwatch.runbook.recovery.VerifyRecovered;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.text.Texts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A safe stop, start or restart of the stack, instead of {@code docker compose down} stopping everything at once:
 * producers first so nothing new arrives, Loki after a flush, Prometheus with time to close its WAL, Redis after a
 * fresh dump; the start goes the other way, each service waiting for health; alerts are silenced for the window.
 */
public final class StackRunbook implements RunbookDefinition {

    private static final Texts T = Texts.of(StackRunbook.class);

    /** A key for one value of an enum or verb: every value has its word in the bundle. */
    private static String key(String prefix, Object value) {
        return prefix + "." + value;
    }

    public enum Action { STOP, START, RESTART }

    /** Stop order: what produces data first, what keeps it last. Start is the reverse. */
    static final List<ServiceKind> STOP_ORDER = List.of(ServiceKind.PROMTAIL, ServiceKind.OTEL_COLLECTOR, ServiceKind.LOKI,
            ServiceKind.PROMETHEUS, ServiceKind.GRAFANA, ServiceKind.ALERTMANAGER, ServiceKind.REDIS);
    static final Duration SILENCE = Duration.ofMinutes(60);

    private final Action action;
    private final StackProfile profile;
    private final Map<String, String> env;
    private final Function<String, DockerGateway> engines;
    private final VerifyRecovered.Timing timing;

    public StackRunbook(Action action, StackProfile profile, Map<String, String> env, Function<String, DockerGateway> engines,
                        VerifyRecovered.Timing timing) {
        this.action = action;
        this.profile = profile;
        this.env = env;
        this.engines = engines;
        this.timing = timing;
    }

    /** {@code services} in the order a stop takes them (a start takes the reverse): what the wizard shows before it plans. */
    public static List<ServiceSpec> stopOrder(List<ServiceSpec> services) {
        return services.stream().sorted(Comparator.comparingInt(s -> STOP_ORDER.indexOf(s.kind()))).toList();
    }

    /** How long each kind may take to shut down cleanly after SIGTERM. */
    static Duration grace(ServiceKind kind) {
        return switch (kind) {
            case PROMETHEUS -> Duration.ofSeconds(120); // closing the head and WAL of a large TSDB takes minutes
            case LOKI -> Duration.ofSeconds(60);
            case REDIS, GRAFANA -> Duration.ofSeconds(30);
            default -> Duration.ofSeconds(15);
        };
    }

    public String id() { return "stack-" + action.name().toLowerCase(); }
    public String title() {
        return T.get(key("stack.title", action.name()));
    }
    public String purpose() {
        String start = T.get("stack.purpose.start");
        if (action == Action.START) return T.get("stack.purpose.startOnly", start);
        String stop = T.get("stack.purpose.stop", grace(ServiceKind.PROMETHEUS).toSeconds(), SILENCE.toMinutes());
        return action == Action.STOP ? stop : T.get("stack.purpose.restart", stop, start);
    }
    public String cliCommand() { return "nightwatch stack " + action.name().toLowerCase(); } // tool text: the command
    public List<Parameter> parameters() {
        return List.of(new Parameter("services", T.get("stack.param.services"), false, "all"));
    }

    public Runbook build(Map<String, String> params) {
        List<ServiceSpec> chosen = chosen(params.getOrDefault("services", "all"));
        List<ServiceSpec> stopOrder = chosen.stream().sorted(Comparator.comparingInt(s -> STOP_ORDER.indexOf(s.kind()))).toList();
        List<ServiceSpec> startOrder = new ArrayList<>(stopOrder);
        java.util.Collections.reverse(startOrder);
        Optional<AlertmanagerClient> alertmanager = SilenceSteps.alertmanagerOf(profile);
        ServiceProber prober = new ServiceProber(profile.probeTimeout(), env);
        List<Step> steps = new ArrayList<>();
        List<SilenceSteps.Silence> silences = new ArrayList<>();
        if (action != Action.START) {
            for (ServiceSpec s : stopOrder) {
                SilenceSteps.Silence silence = new SilenceSteps.Silence(alertmanager, access(s), SILENCE, "stack " + action.name().toLowerCase());
                silences.add(silence);
                steps.add(silence);
            }
            for (ServiceSpec s : stopOrder) steps.add(new StackSteps.StopService(access(s), grace(s.kind()), prober));
        }
        if (action != Action.STOP) {
            for (ServiceSpec s : startOrder) steps.add(new StackSteps.StartService(access(s), grace(s.kind()), prober));
            for (ServiceSpec s : startOrder) {
                String stage = switch (s.kind()) {
                    case PROMETHEUS -> "prometheus.samples-appended";
                    case LOKI -> "loki.lines-received";
                    case PROMTAIL -> "promtail.entries-sent";
                    case REDIS -> "redis.ops";
                    default -> "";
                };
                if (!stage.isEmpty()) steps.add(new VerifyRecovered(profile, s, env, List.of(stage), timing));
            }
            // A restart lifts its own silences; after a plain stop they cover the downtime until the start lifts them.
            silences.forEach(silence -> steps.add(new SilenceSteps.Unsilence(silence)));
            if (action == Action.START) steps.add(new LiftStopSilences(alertmanager, startOrder));
        }
        return new Runbook(id(), title(), purpose(), parameters(), steps);
    }

    private ServiceAccess access(ServiceSpec s) {
        return new ServiceAccess(engines.apply(s.host()), s, env, profile.probeTimeout().multipliedBy(5));
    }

    List<ServiceSpec> chosen(String wanted) {
        if (wanted == null || wanted.isBlank() || wanted.equals("all")) return profile.deployedServices(); // "all" never includes what is not deployed on its host
        List<ServiceSpec> out = new ArrayList<>();
        for (String name : Arrays.stream(wanted.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList()) {
            out.add(profile.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    T.get("stack.error.noService", name, String.join(", ", profile.services().stream().map(ServiceSpec::name).toList())))));
        }
        if (out.isEmpty()) throw new IllegalArgumentException(T.get("stack.error.noneNamed", wanted));
        return out;
    }
}
