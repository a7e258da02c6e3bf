package io.nightwatch.runbook.backup;

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
        public String title() { return "Scale the Swarm service " + swarmName + " to 0"; }
        public String explanation() {
            return "A stopped task would be replaced by the Swarm at once, so the service is scaled to 0 (each task gets "
                    + "SIGTERM and its stop grace period). First a container holding the task's volumes is created (never "
                    + "started): the data is on a volume local to the task's node, and stays reachable through it.";
        }
        public String preconditionText() { return "The service is replicated (a global service cannot be scaled)."; }
        public List<String> preview(RunContext ctx) {
            return List.of("POST /containers/create nw-restore-" + name() + "-<run> (--volumes-from the current task "
                            + "of " + swarmName + ", not started)",
                    "POST /services/" + swarmName + "/update (replicas 0)", "wait until no task of " + swarmName + " runs (≤ "
                            + timeout.toSeconds() + " s)",
                    "note: the data is on a node-local volume of the node running the task");
        }
        public void execute(RunContext ctx) throws Exception {
            SwarmService s = service.manager().swarmService(swarmName).orElseThrow(() -> new IOException("no Swarm service " + swarmName));
            String task = service.container();
            String holder = "nw-restore-" + name() + "-" + ctx.runId().replaceAll("[^A-Za-z0-9_.-]", "");
            var node = service.gateway(); // the engine of the task's node: the volume is local to it
            node.createVolumeHolder(task, holder);
            ctx.put(key("swarm", "holder"), holder);
            ctx.put(key("swarm", "replicas"), String.valueOf(s.replicas()));
            service.holdVolumesIn(holder, node);
            SwarmScaling.toZero(service, swarmName, timeout, ctx);
            ctx.output(swarmName + " scaled from " + s.replicas() + " to 0; volumes held by " + holder);
        }
        public String compensation() { return "Scale the service back to its replicas and remove the holding container."; }
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
        public String title() { return "Scale " + swarmName + " back and wait until it is healthy"; }
        public String explanation() {
            return "The service gets its replicas back; the Swarm starts a new task on the volumes just restored. Done when "
                    + "every task runs and the health endpoint answers healthy (≤ " + timeout.toSeconds() + " s).";
        }
        public String verificationText() { return "All replicas run and the health endpoint answers healthy."; }
        public List<String> preview(RunContext ctx) {
            return List.of("POST /services/" + swarmName + "/update (replicas as before)", "wait until converged",
                    "probe " + service.spec().health() + " inside the new task until healthy", "DELETE the holding container");
        }
        public void execute(RunContext ctx) throws Exception {
            long replicas = Long.parseLong(ctx.get(key("swarm", "replicas")).orElse("1"));
            long deadline = System.nanoTime() + timeout.toNanos();
            SwarmScaling.to(service, swarmName, replicas, timeout, ctx);
            // The holder goes once the new task runs; until then an undo can still reach the volumes through it.
            release(ctx, service);
            ProbeResult last = service.awaitHealthy(prober, service.container(), Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))
                    .plusSeconds(10), ctx, true);
            if (!last.healthy()) throw new IOException(name() + " not healthy: " + last.detail());
            ctx.output(swarmName + " back at " + replicas + " replica(s), healthy: " + last.detail());
        }
        public Check verify(RunContext ctx) {
            return service.manager().swarmService(swarmName).map(SwarmService::converged).orElse(false)
                    ? Check.ok() : Check.failed(swarmName + " has not converged");
        }
        public String compensation() {
            return "Scale the service to 0 again, its volumes held by a created container, so its old data can be put back.";
        }
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
