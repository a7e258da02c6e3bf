package io.nightwatch.runbook.rollback;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.SwarmService;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.Step;
import io.nightwatch.stack.StackProfile;

import io.nightwatch.text.Texts;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Swarm service changed by the engine itself: {@code update} to another image (rolled out by the service's update
 * config) or {@code rollback} to its previous spec (by its rollback config), followed task by task until the service
 * has converged or the engine has given up. A failed update is undone with the engine's own rollback.
 */
public final class SwarmServiceRunbook implements RunbookDefinition {

    private static final Texts T = Texts.of(SwarmServiceRunbook.class);

    /** A key for one value of an enum or verb: every value has its word in the bundle. */
    private static String key(String prefix, Object value) {
        return prefix + "." + value;
    }

    public static final String ID = "swarm-service";
    static final String PREVIOUS_IMAGE = "swarm.before.image";
    static final Duration POLL = Duration.ofSeconds(1);

    private final StackProfile profile;
    private final Function<String, DockerGateway> engines;

    public SwarmServiceRunbook(StackProfile profile, Function<String, DockerGateway> engines) {
        this.profile = profile;
        this.engines = engines;
    }

    public String id() { return ID; }
    public String title() { return T.get("swarm.title"); }
    public String purpose() {
        return T.get("swarm.purpose");
    }
    public List<Parameter> parameters() {
        return List.of(new Parameter("service", T.get("swarm.param.service"), true, "sva-studio_prometheus"),
                new Parameter("action", T.get("swarm.param.action"), true, "rollback"),
                new Parameter("to", T.get("swarm.param.to"), false, ""),
                new Parameter("host", T.get("swarm.param.host"), false, ""),
                new Parameter("timeout", T.get("swarm.param.timeout"), false, "300s"));
    }

    public Runbook build(Map<String, String> params) {
        String service = Optional.ofNullable(params.get("service")).filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalArgumentException(T.get("change.error.serviceRequired")));
        String action = params.getOrDefault("action", "rollback");
        if (!action.equals("rollback") && !action.equals("update")) throw new IllegalArgumentException(T.get("swarm.error.action", action));
        String to = params.getOrDefault("to", "");
        if (action.equals("update") && to.isBlank()) throw new IllegalArgumentException(T.get("swarm.error.to"));
        String host = params.getOrDefault("host", "").isBlank() ? profile.hosts().get(0).name() : params.get("host");
        if (profile.host(host).isEmpty()) throw new IllegalArgumentException(T.get("swarm.error.host", host));
        Duration timeout = ImageChangeRunbook.duration(params.getOrDefault("timeout", "300s"), "timeout");
        DockerGateway gateway = engines.apply(host);
        Change c = new Change(gateway, service, action.equals("update"), to, timeout);
        List<io.nightwatch.runbook.Step> steps = new java.util.ArrayList<>(List.of(new CheckService(c)));
        // As the container runbooks do: the replaced tasks must not page anyone while the engine rolls them.
        Optional<io.nightwatch.runbook.backup.SilenceSteps.Silence> silence = profileService(service, host).map(spec ->
                new io.nightwatch.runbook.backup.SilenceSteps.Silence(io.nightwatch.runbook.backup.SilenceSteps.alertmanagerOf(profile),
                        new io.nightwatch.runbook.backup.ServiceAccess(gateway, spec, Map.of(), profile.probeTimeout()),
                        timeout.plusMinutes(10), "Swarm " + action));
        silence.ifPresent(steps::add);
        steps.add(new ApplyAndFollow(c));
        silence.ifPresent(s -> steps.add(new io.nightwatch.runbook.backup.SilenceSteps.Unsilence(s)));
        return new Runbook(ID, title(), purpose(), parameters(), steps);
    }

    /** The profile's service a Swarm service stands for: {@code <stack>_<name>}, or named as the container. */
    private Optional<io.nightwatch.stack.ServiceSpec> profileService(String swarmName, String host) {
        return profile.servicesOn(host).stream()
                .filter(s -> swarmName.equals(s.container()) || swarmName.endsWith("_" + s.name()))
                .findFirst();
    }

    record Change(DockerGateway gateway, String service, boolean update, String to, Duration timeout) {
        String verb() { return update ? "update" : "rollback"; }
    }

    static final class CheckService implements Step {
        private final Change c;

        CheckService(Change c) { this.c = c; }

        public String id() { return "check-service"; }
        public String title() { return T.get("swarm.check.title"); }
        public String explanation() {
            return T.get("swarm.check.explanation");
        }
        public String preconditionText() { return T.get("swarm.check.precondition"); }
        public Check precondition(RunContext ctx) {
            Optional<SwarmService> s = c.gateway().swarmService(c.service());
            if (s.isEmpty()) return Check.failed(T.get("swarm.check.noService", c.service(), c.gateway().address()));
            if (!c.update() && s.get().previousImage().isEmpty() && ctx.get(PREVIOUS_IMAGE).isEmpty()) {
                return Check.failed(T.get("swarm.check.noPrevious", c.service()));
            }
            return Check.ok();
        }
        public List<String> preview(RunContext ctx) { return List.of("GET /info", "GET /services/" + c.service(), "GET /tasks?filters={service}"); }
        public void execute(RunContext ctx) {
            SwarmService s = c.gateway().swarmService(c.service()).orElseThrow();
            if (ctx.get(PREVIOUS_IMAGE).isEmpty()) ctx.put(PREVIOUS_IMAGE, s.image());
            ctx.output(T.get("swarm.check.state", s.name(), s.image(), c.update() ? c.to() : T.get("swarm.previousSpec", s.previousImage().orElse("?")),
                    s.running(), s.replicas(), s.updateState().isEmpty() ? "" : T.get("swarm.lastUpdate", s.updateState())));
        }
    }

    static final class ApplyAndFollow implements Step {
        private final Change c;

        ApplyAndFollow(Change c) { this.c = c; }

        public String id() { return "apply-and-follow"; }
        public String title() { return c.update() ? T.get("swarm.apply.title.update", c.service(), c.to()) : T.get("swarm.apply.title.rollback", c.service()); }
        public String explanation() {
            return T.get(key("swarm.apply.explanation", c.verb()), c.timeout().toSeconds());
        }
        public List<String> preview(RunContext ctx) {
            return List.of(c.update() ? T.get("swarm.apply.preview.update", c.service(), c.to())
                            : "POST /services/" + c.service() + "/update?version=<n>&rollback=previous",
                    T.get("swarm.apply.preview.follow", c.service(), POLL.toSeconds()));
        }
        public void execute(RunContext ctx) throws Exception {
            if (c.update()) c.gateway().updateSwarmService(c.service(), c.to());
            else c.gateway().rollbackSwarmService(c.service());
            follow(c, ctx, true);
        }
        public String compensation() {
            return c.update() ? T.get("swarm.apply.compensation") : "";
        }
        public void compensate(RunContext ctx) throws Exception {
            if (!c.update()) return;
            Optional<SwarmService> s = c.gateway().swarmService(c.service());
            String before = ctx.get(PREVIOUS_IMAGE).orElse("");
            if (s.isEmpty() || s.get().image().equals(before)) return; // never applied, or already back
            if (!s.get().updateState().startsWith("rollback")) c.gateway().rollbackSwarmService(c.service());
            follow(c, ctx, false);
        }
    }

    /** Polls until converged; prints each task's state once it changes. Throws when the engine gives up or time is up. */
    static void follow(Change c, RunContext ctx, boolean cancellable) throws Exception {
        long deadline = System.nanoTime() + c.timeout().toNanos();
        Map<String, String> seen = new HashMap<>();
        SwarmService s = null;
        // The engine needs a moment to register the update: a service that still looks converged on the old image is not done.
        long settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (cancellable) ctx.throwIfCancelled();
            s = c.gateway().swarmService(c.service()).orElseThrow(() -> new IOException(T.get("swarm.error.gone", c.service())));
            for (SwarmService.SwarmTask t : s.tasks()) {
                String line = T.get("swarm.task", s.name() + "." + t.slot(), shortId(t.id()), t.state(), t.image())
                        + (t.error().isEmpty() ? "" : " — " + t.error());
                if (!line.equals(seen.put(t.id(), line))) ctx.output(line);
            }
            long onTarget = s.current().stream().filter(t -> t.state().equals("running")).count();
            ctx.progress(s.replicas() == 0 ? 0 : (double) onTarget / s.replicas(), T.get("swarm.progress", onTarget, s.replicas(), s.updateState()));
            if (s.failed()) throw new IOException(T.get(key("swarm.error.paused", c.verb()), s.name(), s.updateMessage()));
            if (System.nanoTime() > settle && s.converged()) {
                ctx.output(T.get("swarm.converged", s.name(), s.running(), s.replicas(), s.image())
                        + (s.updateState().isEmpty() ? "" : " (" + s.updateState() + ")"));
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IOException(T.get("swarm.error.timeout", c.service(), c.timeout().toSeconds())
                + (s == null ? "" : T.get("swarm.error.timeoutState", s.running(), s.replicas(), s.updateState(), s.updateMessage())));
    }

    private static String shortId(String id) {
        return id.length() > 10 ? id.substring(0, 10) : id;
    }
}
