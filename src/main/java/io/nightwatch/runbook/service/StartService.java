package io.nightwatch.runbook.service;

import io.nightwatch.text.Texts;
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

    private static final Texts T = Texts.of(StartService.class);

    private final ServiceAccess service;
    private final ServiceProber prober;
    private final Duration healthyWithin;

    StartService(ServiceAccess service, ServiceProber prober, Duration healthyWithin) {
        this.service = service;
        this.prober = prober;
        this.healthyWithin = healthyWithin;
    }

    public String id() { return "start-" + service.spec().name(); }
    public String title() { return T.get("start.title", service.spec().name()); }
    public String explanation() { return T.get("start.explanation"); }
    public String preconditionText() { return T.get("start.precondition", service.container()); }

    public Check precondition(RunContext ctx) {
        return service.gateway().inspect(service.container()).isPresent() ? Check.ok()
                : Check.failed(T.get("start.noContainer", service.container(), service.spec().host()));
    }

    public List<String> preview(RunContext ctx) {
        return List.of("POST /containers/" + service.container() + "/start",
                T.get("start.previewProbe", Restart.healthCall(service.spec()), healthyWithin.toSeconds()));
    }

    public void execute(RunContext ctx) throws Exception {
        ctx.output(T.get("start.starting", service.container()));
        service.gateway().start(service.container());
        ProbeResult r = service.awaitHealthy(prober, service.container(), healthyWithin, ctx, true);
        if (!r.healthy()) throw new IllegalStateException(T.get("start.notHealthy", service.spec().name(), r.detail()));
        ctx.output(T.get("start.healthy", service.spec().name()));
    }

    public String verificationText() { return T.get("start.verification"); }

    public String compensation() { return T.get("start.compensation"); }
}
