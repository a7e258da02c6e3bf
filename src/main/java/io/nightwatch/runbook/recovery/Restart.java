package io.nightwatch.runbook.recovery;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.backup.ServiceAccess;

import io.nightwatch.text.Texts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Stops a service with its grace period (so it can flush and close its files) and starts it again, then waits for its
 * health endpoint. A restart cannot be undone; if it fails the container is started again so nothing is left stopped.
 */
public final class Restart implements Step {

    private static final Texts T = Texts.of(Restart.class);

    private final ServiceAccess service;
    private final ServiceProber prober;
    private final Duration grace;
    private final Duration healthyWithin;
    private final String why;

    public Restart(ServiceAccess service, ServiceProber prober, Duration grace, Duration healthyWithin, String why) {
        this.service = service;
        this.prober = prober;
        this.grace = grace;
        this.healthyWithin = healthyWithin;
        this.why = why;
    }

    /** The health call in words: a path for HTTP services, PING for Redis. */
    public static String healthCall(io.nightwatch.stack.ServiceSpec spec) {
        String path = spec.kind().healthPath();
        return path == null || path.isEmpty() ? "PING" : path;
    }

    public String id() { return "restart-" + service.spec().name(); }
    public String title() { return T.get("restart.title", service.spec().name()); }
    public String explanation() { return why; }
    public String preconditionText() { return T.get("restart.precondition", service.container()); }
    public Check precondition(RunContext ctx) {
        return service.gateway().inspect(service.container()).isPresent() ? Check.ok()
                : Check.failed(T.get("restart.noContainer", service.container(), service.spec().host()));
    }
    public List<String> preview(RunContext ctx) {
        return List.of(T.get("restart.preview.stop", service.container(), grace.toSeconds()),
                "POST /containers/" + service.container() + "/start",
                T.get("restart.preview.probe", healthCall(service.spec()), healthyWithin.toSeconds()));
    }

    public void execute(RunContext ctx) throws Exception {
        Optional<ContainerFacts> before = service.gateway().inspect(service.container());
        // A crash-looping container is "restarting": stop it too, or the engine refuses the start.
        if (before.map(f -> f.running() || f.state() == io.nightwatch.docker.ContainerState.RESTARTING).orElse(false)) {
            ctx.output(T.get("restart.stopping", service.container(), grace.toSeconds()));
            service.gateway().stop(service.container(), grace);
        }
        ctx.output(T.get("restart.starting", service.container()));
        service.gateway().start(service.container());
        ProbeResult r = service.awaitHealthy(prober, service.container(), healthyWithin, ctx, true);
        ctx.put("restart." + service.spec().name() + ".healthy", String.valueOf(r.healthy()));
        if (!r.healthy()) throw new IllegalStateException(T.get("restart.error.unhealthy", service.spec().name(), r.detail()));
        ctx.output(T.get("restart.healthy", service.spec().name()));
    }

    public String verificationText() { return T.get("restart.verification"); }

    public String compensation() { return T.get("restart.compensation"); }
    public void compensate(RunContext ctx) {
        if (service.gateway().inspect(service.container()).map(f -> !f.running()).orElse(false)) service.gateway().start(service.container());
    }
}
