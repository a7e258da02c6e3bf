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
    public String title() { return "Update or roll back a Swarm service"; }
    public String purpose() {
        return "Where the stack runs as a Swarm stack (services <stack>_<service>, no published ports), let the engine roll a "
                + "service forward to another image or back to its previous spec, with its own update and rollback config, "
                + "and follow every task until the service has converged or failed.";
    }
    public List<Parameter> parameters() {
        return List.of(new Parameter("service", "The Swarm service (name or id)", true, "sva-studio_prometheus"),
                new Parameter("action", "rollback (to the previous spec) or update (to the image in 'to')", true, "rollback"),
                new Parameter("to", "The image for an update", false, ""),
                new Parameter("host", "The profile's host that is a Swarm manager (default: the first)", false, ""),
                new Parameter("timeout", "How long to wait for the service to converge", false, "300s"));
    }

    public Runbook build(Map<String, String> params) {
        String service = Optional.ofNullable(params.get("service")).filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("service is required"));
        String action = params.getOrDefault("action", "rollback");
        if (!action.equals("rollback") && !action.equals("update")) throw new IllegalArgumentException("action is rollback or update, not '" + action + "'");
        String to = params.getOrDefault("to", "");
        if (action.equals("update") && to.isBlank()) throw new IllegalArgumentException("an update needs 'to' (the image)");
        String host = params.getOrDefault("host", "").isBlank() ? profile.hosts().get(0).name() : params.get("host");
        if (profile.host(host).isEmpty()) throw new IllegalArgumentException("the profile has no host '" + host + "'");
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
        public String title() { return "Check the service on the Swarm manager"; }
        public String explanation() {
            return "The engine must be a Swarm manager and know the service; a rollback needs a previous spec (the service was "
                    + "updated at least once).";
        }
        public String preconditionText() { return "The engine is a manager, the service exists, and it can go where asked."; }
        public Check precondition(RunContext ctx) {
            Optional<SwarmService> s = c.gateway().swarmService(c.service());
            if (s.isEmpty()) return Check.failed("no Swarm service " + c.service() + " on " + c.gateway().address() + " (or it is no Swarm manager)");
            if (!c.update() && s.get().previousImage().isEmpty() && ctx.get(PREVIOUS_IMAGE).isEmpty()) {
                return Check.failed(c.service() + " has no previous spec: it was never updated, so there is nothing to roll back to");
            }
            return Check.ok();
        }
        public List<String> preview(RunContext ctx) { return List.of("GET /info", "GET /services/" + c.service(), "GET /tasks?filters={service}"); }
        public void execute(RunContext ctx) {
            SwarmService s = c.gateway().swarmService(c.service()).orElseThrow();
            if (ctx.get(PREVIOUS_IMAGE).isEmpty()) ctx.put(PREVIOUS_IMAGE, s.image());
            ctx.output(s.name() + ": " + s.image() + " → " + (c.update() ? c.to() : s.previousImage().orElse("?") + " (previous spec)")
                    + ", " + s.running() + "/" + s.replicas() + " running" + (s.updateState().isEmpty() ? "" : ", last update " + s.updateState()));
        }
    }

    static final class ApplyAndFollow implements Step {
        private final Change c;

        ApplyAndFollow(Change c) { this.c = c; }

        public String id() { return "apply-and-follow"; }
        public String title() { return c.update() ? "Update " + c.service() + " to " + c.to() : "Roll " + c.service() + " back to its previous spec"; }
        public String explanation() {
            return "The engine replaces the tasks by the service's " + (c.update() ? "update" : "rollback") + " config (order, "
                    + "parallelism, delay, failure action); every task's state is followed until all run the target image, or the "
                    + "engine pauses the " + c.verb() + " on failures, or " + c.timeout().toSeconds() + " s pass.";
        }
        public List<String> preview(RunContext ctx) {
            return List.of(c.update() ? "POST /services/" + c.service() + "/update?version=<n> (spec with image " + c.to() + ")"
                            : "POST /services/" + c.service() + "/update?version=<n>&rollback=previous",
                    "GET /services/" + c.service() + " and its tasks every " + POLL.toSeconds() + " s until converged");
        }
        public void execute(RunContext ctx) throws Exception {
            if (c.update()) c.gateway().updateSwarmService(c.service(), c.to());
            else c.gateway().rollbackSwarmService(c.service());
            follow(c, ctx, true);
        }
        public String compensation() {
            return c.update() ? "The engine's own rollback to the spec before the update, followed until converged." : "";
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
            s = c.gateway().swarmService(c.service()).orElseThrow(() -> new IOException("the service " + c.service() + " disappeared"));
            for (SwarmService.SwarmTask t : s.tasks()) {
                String line = "task " + s.name() + "." + t.slot() + " " + shortId(t.id()) + ": " + t.state() + " (" + t.image() + ")"
                        + (t.error().isEmpty() ? "" : " — " + t.error());
                if (!line.equals(seen.put(t.id(), line))) ctx.output(line);
            }
            long onTarget = s.current().stream().filter(t -> t.state().equals("running")).count();
            ctx.progress(s.replicas() == 0 ? 0 : (double) onTarget / s.replicas(), onTarget + "/" + s.replicas() + " running, " + s.updateState());
            if (s.failed()) throw new IOException("the engine paused the " + c.verb() + " of " + s.name() + ": " + s.updateMessage());
            if (System.nanoTime() > settle && s.converged()) {
                ctx.output(s.name() + " converged: " + s.running() + "/" + s.replicas() + " running " + s.image()
                        + (s.updateState().isEmpty() ? "" : " (" + s.updateState() + ")"));
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IOException(c.service() + " did not converge within " + c.timeout().toSeconds() + " s"
                + (s == null ? "" : ": " + s.running() + "/" + s.replicas() + " running, update " + s.updateState() + " " + s.updateMessage()));
    }

    private static String shortId(String id) {
        return id.length() > 10 ? id.substring(0, 10) : id;
    }
}
