package io.nightwatch.runbook.backup;

import io.nightwatch.docker.SwarmService;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Stopping and starting a service that runs as a Swarm service. Stopping its task's container would only make the
 * Swarm start another, so the service is scaled to 0 and back; its data stays reachable through a created (never
 * started) container holding the task's volumes, which are local to the node that ran the task.
 */
final class SwarmSteps {

    private SwarmSteps() {}

    static String replicasKey(ServiceAccess s) { return "swarm." + s.spec().name() + ".replicas"; }

    static String holderKey(ServiceAccess s) { return "swarm." + s.spec().name() + ".holder"; }

    /** Keeps the volumes within reach, then scales the service to 0 and waits until no task runs. */
    static final class ScaleDown implements Step {
        private final ServiceAccess service;
        private final String swarmName;
        private final Duration timeout;

        ScaleDown(ServiceAccess service, String swarmName, Duration timeout) {
            this.service = service;
            this.swarmName = swarmName;
            this.timeout = timeout;
        }

        public String id() { return "scale-down-" + service.spec().name(); }
        public String title() { return "Scale the Swarm service " + swarmName + " to 0"; }
        public String explanation() {
            return "A stopped task would be replaced by the Swarm at once, so the service is scaled to 0 (each task gets "
                    + "SIGTERM and its stop grace period). First a container holding the task's volumes is created (never "
                    + "started): the data is on a volume local to the task's node, and stays reachable through it.";
        }
        public String preconditionText() { return "The service is replicated (a global service cannot be scaled)."; }
        public List<String> preview(RunContext ctx) {
            return List.of("POST /containers/create nw-restore-" + service.spec().name() + "-<run> (--volumes-from the current task "
                            + "of " + swarmName + ", not started)",
                    "POST /services/" + swarmName + "/update (replicas 0)", "wait until no task of " + swarmName + " runs (≤ "
                            + timeout.toSeconds() + " s)",
                    "note: the data is on a node-local volume of the node running the task");
        }
        public void execute(RunContext ctx) throws Exception {
            SwarmService s = service.manager().swarmService(swarmName).orElseThrow(() -> new IOException("no Swarm service " + swarmName));
            String task = service.container();
            String holder = "nw-restore-" + service.spec().name() + "-" + ctx.runId().replaceAll("[^A-Za-z0-9_.-]", "");
            var node = service.gateway(); // the engine of the task's node: the volume is local to it
            node.createVolumeHolder(task, holder);
            ctx.put(holderKey(service), holder);
            ctx.put(replicasKey(service), String.valueOf(s.replicas()));
            service.holdVolumesIn(holder, node);
            service.manager().scaleSwarmService(swarmName, 0);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Optional<SwarmService> now = service.manager().swarmService(swarmName);
                if (now.isPresent() && now.get().running() == 0 && now.get().current().isEmpty()) break;
                if (System.nanoTime() > deadline) throw new IOException(swarmName + " still has running tasks after " + timeout.toSeconds() + " s");
                Thread.sleep(300);
            }
            ctx.output(swarmName + " scaled from " + s.replicas() + " to 0; volumes held by " + holder);
        }
        public String compensation() { return "Scale the service back to its replicas and remove the holding container."; }
        public void compensate(RunContext ctx) {
            ctx.get(replicasKey(service)).ifPresent(r -> service.manager().scaleSwarmService(swarmName, Long.parseLong(r)));
            release(ctx, service);
        }
    }

    /** Scales back, waits for the Swarm to converge and the service to answer healthy. */
    static final class ScaleUp implements Step {
        private final ServiceAccess service;
        private final String swarmName;
        private final ServiceProber prober;
        private final Duration timeout;

        ScaleUp(ServiceAccess service, String swarmName, ServiceProber prober, Duration timeout) {
            this.service = service;
            this.swarmName = swarmName;
            this.prober = prober;
            this.timeout = timeout;
        }

        public String id() { return "scale-up-" + service.spec().name(); }
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
            long replicas = Long.parseLong(ctx.get(replicasKey(service)).orElse("1"));
            service.manager().scaleSwarmService(swarmName, replicas);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                ctx.throwIfCancelled();
                Optional<SwarmService> now = service.manager().swarmService(swarmName);
                if (now.isPresent() && now.get().converged()) break;
                if (System.nanoTime() > deadline) throw new IOException(swarmName + " did not converge within " + timeout.toSeconds() + " s: "
                        + now.map(s -> s.running() + "/" + s.replicas() + " running").orElse("gone"));
                Thread.sleep(300);
            }
            // The holder goes once the new task runs; until then an undo can still reach the volumes through it.
            release(ctx, service);
            ProbeResult last = service.awaitHealthy(prober, service.container(), Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))
                    .plusSeconds(10), ctx, true);
            if (!last.healthy()) throw new IOException(service.spec().name() + " not healthy: " + last.detail());
            ctx.output(swarmName + " back at " + replicas + " replica(s), healthy: " + last.detail());
        }
        public Check verify(RunContext ctx) {
            return service.manager().swarmService(swarmName).map(SwarmService::converged).orElse(false)
                    ? Check.ok() : Check.failed(swarmName + " has not converged");
        }
    }

    private static void release(RunContext ctx, ServiceAccess service) {
        var node = service.gateway(); // the holder's engine while it is held
        service.holdVolumesIn(null, null);
        ctx.get(holderKey(service)).ifPresent(node::remove);
    }
}
