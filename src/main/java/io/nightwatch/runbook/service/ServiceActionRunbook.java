package io.nightwatch.runbook.service;

import io.nightwatch.text.Texts;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.backup.ServiceAccess;
import io.nightwatch.runbook.recovery.Restart;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One service started or restarted, as a runbook of one step: what a dashboard tile's Start and Restart do. Going
 * through the runbook engine gives them what every change gets: a preview of the exact engine calls, a journal
 * (found again by resume and abort, merged into the incident's timeline), and the runner's account of a failure.
 */
public final class ServiceActionRunbook implements RunbookDefinition {

    /** Start a stopped container, or stop it with a grace period and start it again. */
    public enum Action {
        START("service-start"),
        RESTART("service-restart");

        private final String id;

        Action(String id) {
            this.id = id;
        }
    }

    private static final Texts T = Texts.of(ServiceActionRunbook.class);

    /** The grace period when none is given: what {@code docker stop} gives by default. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    static final Duration LONGEST_GRACE = Duration.ofMinutes(10);
    static final Duration HEALTHY_WITHIN = Duration.ofSeconds(60);

    private final Action action;
    private final StackProfile profile;
    private final Map<String, String> env;
    private final Function<String, DockerGateway> engines;

    public ServiceActionRunbook(Action action, StackProfile profile, Map<String, String> env, Function<String, DockerGateway> engines) {
        this.action = action;
        this.profile = profile;
        this.env = Map.copyOf(env);
        this.engines = engines;
    }

    public String id() { return action.id; }
    public String title() { return action == Action.START ? T.get("action.START.title") : T.get("action.RESTART.title"); }
    public String purpose() { return action == Action.START ? T.get("action.START.purpose") : T.get("action.RESTART.purpose"); }
    /**
     * Offered on the dashboard's tiles; from the CLI the nearest is {@code nightwatch stack start|restart --service S}
     * (the stack runbook on one service, with its silence and the stack's grace periods).
     */
    @Override
    public String cliCommand() { return "nightwatch stack " + (action == Action.START ? "start" : "restart"); } // tool text: a command

    public List<Parameter> parameters() {
        String example = profile.deployedServices().stream().map(ServiceSpec::name).findFirst().orElse("redis");
        List<Parameter> params = new java.util.ArrayList<>(List.of(
                new Parameter("service", T.get("param.service"), true, example),
                new Parameter("host", T.get("param.host"), false, "")));
        // no example: the CLI's nearest command has no --grace (it uses the stack's grace periods)
        if (action == Action.RESTART) params.add(new Parameter("grace", T.get("param.grace", DEFAULT_GRACE.toSeconds()), false, ""));
        return params;
    }

    public Runbook build(Map<String, String> params) {
        ServiceSpec spec = service(params);
        ServiceAccess access = new ServiceAccess(engines.apply(spec.host()), spec, env, profile.probeTimeout().multipliedBy(5),
                ServiceAccess.helperImageOf(profile, spec));
        ServiceProber prober = new ServiceProber(profile.probeTimeout(), env);
        Step step = action == Action.START
                ? new StartService(access, prober, HEALTHY_WITHIN)
                : new Restart(access, prober, grace(params), HEALTHY_WITHIN, T.get("restart.explanation"));
        return new Runbook(id(), title() + ": " + spec.name(), purpose(), parameters(), List.of(step));
    }

    static Duration grace(Map<String, String> params) {
        String text = params.getOrDefault("grace", "").strip();
        if (text.isEmpty()) return DEFAULT_GRACE;
        long seconds;
        try {
            seconds = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(T.get("grace.notANumber", text));
        }
        if (seconds < 1 || seconds > LONGEST_GRACE.toSeconds()) {
            throw new IllegalArgumentException(T.get("grace.range", LONGEST_GRACE.toSeconds(), seconds));
        }
        return Duration.ofSeconds(seconds);
    }

    private ServiceSpec service(Map<String, String> params) {
        String name = params.getOrDefault("service", "");
        String host = params.getOrDefault("host", "");
        return profile.services().stream().filter(s -> s.name().equals(name) && (host.isEmpty() || s.host().equals(host)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(host.isEmpty() ? T.get("service.unknown", name)
                        : T.get("service.unknownOnHost", name, host)));
    }
}
