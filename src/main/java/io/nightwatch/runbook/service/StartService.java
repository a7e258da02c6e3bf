package io.nightwatch.runbook.service;

import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.backup.ServiceAccess;
import io.nightwatch.runbook.recovery.Restart;

import java.time.Duration;
import java.util.List;

/** Starts a service's stopped container and waits for its health endpoint; a start is not undone. */
final class StartService implements Step {

    private final ServiceAccess service;
    private final ServiceProber prober;
    private final Duration healthyWithin;

    StartService(ServiceAccess service, ServiceProber prober, Duration healthyWithin) {
        this.service = service;
        this.prober = prober;
        this.healthyWithin = healthyWithin;
    }

    public String id() { return "start-" + service.spec().name(); }
    public String title() { return "Start " + service.spec().name(); }
    public String explanation() { return "Started from its dashboard tile."; }
    public String preconditionText() { return "the container " + service.container() + " exists."; }

    public Check precondition(RunContext ctx) {
        return service.gateway().inspect(service.container()).isPresent() ? Check.ok()
                : Check.failed("no container " + service.container() + " on " + service.spec().host()
                + ": nothing to start (recreate it from its compose file)");
    }

    public List<String> preview(RunContext ctx) {
        return List.of("POST /containers/" + service.container() + "/start",
                "probe " + Restart.healthCall(service.spec()) + " until healthy (at most " + healthyWithin.toSeconds() + " s)");
    }

    public void execute(RunContext ctx) throws Exception {
        ctx.output("starting " + service.container());
        service.gateway().start(service.container());
        ProbeResult r = service.awaitHealthy(prober, service.container(), healthyWithin, ctx, true);
        if (!r.healthy()) throw new IllegalStateException(service.spec().name() + " is not healthy after the start: " + r.detail());
        ctx.output(service.spec().name() + " answers healthy");
    }

    public String verificationText() { return "the health endpoint answers healthy."; }

    public String compensation() { return "a start is not undone; stop the service by hand if it must not run."; }
}
