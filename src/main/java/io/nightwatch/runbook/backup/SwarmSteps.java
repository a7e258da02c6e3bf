package io.nightwatch.runbook.backup;

import io.nightwatch.text.Texts;
import io.nightwatch.docker.SwarmService;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * A restore's stop and start of a service that runs as a Swarm service ({@link SwarmScaling}); its data stays
 * reachable through a created (never started) container holding the task's volumes, which are local to the node that
 * ran the task.
 */
final class SwarmSteps {

    private static final Texts T = Texts.of(SwarmSteps.class);

    private SwarmSteps() {}

    /** Keeps the volumes within reach, then scales the service to 0 and waits until no task runs. */
    static final class ScaleDown extends ServiceStep {
        private final String swarmName;
        private final Duration timeout;

        ScaleDown(ServiceAccess service, String swarmName, Duration timeout) {
            super(service);
            this.swarmName = swarmName;
            this.timeout = timeout;
        }

        public String id() { return stepId("scale-down"); }
        public String title() { return T.get("scaleDown.title", swarmName); }
        public String explanation() { return T.get("scaleDown.explanation"); }
        public String preconditionText() { return T.get("scaleDown.precondition"); }
        public List<String> preview(RunContext ctx) {
            return List.of(T.get("scaleDown.previewHolder", name(), swarmName),
                    "POST /services/" + swarmName + "/update (replicas 0)", T.get("scaleDown.previewWait", swarmName, timeout.toSeconds()),
                    T.get("scaleDown.previewNote"));
        }
        public void execute(RunContext ctx) throws Exception {
            SwarmService s = service.manager().swarmService(swarmName).orElseThrow(() -> new IOException(T.get("swarm.none", swarmName)));
            String task = service.container();
            String holder = "nw-restore-" + name() + "-" + ctx.runId().replaceAll("[^A-Za-z0-9_.-]", "");
            var node = service.gateway(); // the engine of the task's node: the volume is local to it
            node.createVolumeHolder(task, holder);
            ctx.put(key("swarm", "holder"), holder);
            ctx.put(key("swarm", "replicas"), String.valueOf(s.replicas()));
            service.holdVolumesIn(holder, node);
            SwarmScaling.toZero(service, swarmName, timeout, ctx);
            ctx.output(T.get("scaleDown.output", swarmName, s.replicas(), holder));
        }
        public String compensation() { return T.get("scaleDown.compensation"); }
        public void compensate(RunContext ctx) {
            ctx.get(key("swarm", "replicas")).ifPresent(r -> service.manager().scaleSwarmService(swarmName, Long.parseLong(r)));
            release(ctx, service);
        }
    }

    /** Scales back, waits for the Swarm to converge and the service to answer healthy. */
    static final class ScaleUp extends ServiceStep {
        private final String swarmName;
        private final ServiceProber prober;
        private final Duration timeout;

        ScaleUp(ServiceAccess service, String swarmName, ServiceProber prober, Duration timeout) {
            super(service);
            this.swarmName = swarmName;
            this.prober = prober;
            this.timeout = timeout;
        }

        public String id() { return stepId("scale-up"); }
        public String title() { return T.get("scaleUp.title", swarmName); }
        public String explanation() { return T.get("scaleUp.explanation", timeout.toSeconds()); }
        public String verificationText() { return T.get("scaleUp.verification"); }
        public List<String> preview(RunContext ctx) {
            return List.of(T.get("scaleUp.previewUpdate", swarmName), T.get("scaleUp.previewConverged"),
                    T.get("scaleUp.previewProbe", service.spec().health()), T.get("scaleUp.previewDelete"));
        }
        public void execute(RunContext ctx) throws Exception {
            long replicas = Long.parseLong(ctx.get(key("swarm", "replicas")).orElse("1"));
            long deadline = System.nanoTime() + timeout.toNanos();
            SwarmScaling.to(service, swarmName, replicas, timeout, ctx);
            // The holder goes once the new task runs; until then an undo can still reach the volumes through it.
            release(ctx, service);
            ProbeResult last = service.awaitHealthy(prober, service.container(), Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))
                    .plusSeconds(10), ctx, true);
            if (!last.healthy()) throw new IOException(T.get("scaleUp.notHealthy", name(), last.detail()));
            ctx.output(T.get("scaleUp.output", swarmName, replicas, last.detail()));
        }
        public Check verify(RunContext ctx) {
            return service.manager().swarmService(swarmName).map(SwarmService::converged).orElse(false)
                    ? Check.ok() : Check.failed(T.get("scaleUp.notConverged", swarmName));
        }
        public String compensation() { return T.get("scaleUp.compensation"); }
        public void compensate(RunContext ctx) throws Exception {
            if (service.manager().swarmService(swarmName).map(SwarmService::replicas).orElse(0L) == 0) return;
            var node = service.gateway(); // the engine of the new task's node
            String holder = "nw-restore-" + name() + "-" + ctx.runId().replaceAll("[^A-Za-z0-9_.-]", "") + "-undo";
            if (node.inspect(holder).isEmpty()) node.createVolumeHolder(service.container(), holder);
            ctx.put(key("swarm", "holder"), holder);
            service.holdVolumesIn(holder, node);
            SwarmScaling.toZero(service, swarmName, timeout, ctx);
        }
    }

    private static void release(RunContext ctx, ServiceAccess service) {
        var node = service.gateway(); // the holder's engine while it is held
        service.holdVolumesIn(null, null);
        ctx.get(ServiceStep.key(service, "swarm", "holder")).ifPresent(node::remove);
    }
}
