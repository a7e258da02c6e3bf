package io.nightwatch.runbook.stack;

import io.nightwatch.health.ServiceDeployment;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.backup.ServiceAccess;
import io.nightwatch.runbook.backup.ServiceStep;
import io.nightwatch.runbook.backup.SwarmScaling;
import io.nightwatch.runbook.recovery.Restart;
import io.nightwatch.stack.ServiceKind;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stopping and starting one service the way its data needs: a container by stop and start, a Swarm service by
 * scaling it to 0 and back (a stopped task would only be replaced).
 */
final class StackSteps {

    static final Duration HEALTHY_WITHIN = Duration.ofSeconds(120);
    static final Duration BGSAVE_WAIT = Duration.ofMinutes(2);

    private StackSteps() {}

    /** What a stop and a start share: the service, its grace period, how to tell it is healthy. */
    abstract static class Change extends ServiceStep {
        final Duration grace;
        final ServiceProber prober;

        Change(ServiceAccess service, Duration grace, ServiceProber prober) {
            super(service);
            this.grace = grace;
            this.prober = prober;
        }

        /** The Swarm's wait for its tasks: each task's grace period and a margin for the scheduler. */
        Duration swarmWait() { return grace.plusSeconds(30); }

        /** The service's Swarm name, when it runs as one (for previews and undos, which know no deployment). */
        Optional<String> swarmName() { return service.swarmName(); }

        ServiceDeployment deployment() { return ServiceDeployment.of(service.manager(), service.spec()); }
    }

    static final class StopService extends Change {

        StopService(ServiceAccess s, Duration grace, ServiceProber prober) {
            super(s, grace, prober);
        }

        public String id() { return stepId("stop"); }
        public String title() { return "Stop " + name(); }
        public String explanation() {
            return switch (service.spec().kind()) {
                case LOKI -> "POST /flush first writes the ingesters' in-memory chunks to the store; then SIGTERM with "
                        + grace.toSeconds() + " s for the rest.";
                case PROMETHEUS -> "SIGTERM with " + grace.toSeconds() + " s: Prometheus closes its head block and WAL; a kill "
                        + "before that means a long WAL replay at the next start.";
                case REDIS -> "BGSAVE first writes a fresh dump.rdb (waited for until LASTSAVE moves), so the sessions survive; then SIGTERM.";
                case PROMTAIL, OTEL_COLLECTOR -> "Stopped first so nothing new arrives at Loki and Prometheus while they shut down.";
                default -> "SIGTERM with " + grace.toSeconds() + " s grace.";
            } + " A Swarm service is scaled to 0 instead (its tasks get SIGTERM and their stop grace period).";
        }
        public List<String> preview(RunContext ctx) {
            List<String> out = new ArrayList<>();
            if (service.spec().kind() == ServiceKind.LOKI) out.add("POST /flush");
            if (service.spec().kind() == ServiceKind.REDIS) out.add("BGSAVE; poll LASTSAVE until it moves (≤ " + BGSAVE_WAIT.toMinutes() + " min)");
            out.add(swarmName().map(n -> "POST /services/" + n + "/update (replicas 0); wait until no task runs (≤ " + swarmWait().toSeconds() + " s)")
                    .orElse("POST /containers/" + service.container() + "/stop?t=" + grace.toSeconds()));
            return out;
        }

        public void execute(RunContext ctx) throws Exception {
            ServiceDeployment deployment = deployment();
            if (!deployment.deployed()) {
                ctx.output("not deployed on " + service.spec().host() + ": skipped");
                return;
            }
            if (!deployment.running()) {
                ctx.output("already stopped");
                return;
            }
            if (deployment instanceof ServiceDeployment.Swarm swarm && swarm.service().replicas() == 0) {
                throw new IllegalStateException(swarm.service().name() + " is a global Swarm service: it cannot be scaled to 0, "
                        + "and Nightwatch does not remove services");
            }
            if (service.spec().kind() == ServiceKind.LOKI) {
                try {
                    service.post("/flush");
                    ctx.output("flushed");
                } catch (IOException e) {
                    ctx.output("flush failed (" + e.getMessage() + "); Loki flushes on SIGTERM within the grace period");
                }
            }
            if (service.spec().kind() == ServiceKind.REDIS) bgsave(ctx);
            if (deployment instanceof ServiceDeployment.Swarm swarm) {
                ctx.put(key("stack", "replicas"), String.valueOf(swarm.service().replicas()));
                SwarmScaling.toZero(service, swarm.service().name(), swarmWait(), ctx);
                ctx.output("scaled " + swarm.service().name() + " from " + swarm.service().replicas() + " to 0");
                return;
            }
            ctx.put(key("stack", "stopped"), "true");
            service.gateway().stop(service.container(), grace);
            ctx.output("stopped " + service.container());
        }

        private void bgsave(RunContext ctx) throws Exception {
            try {
                io.nightwatch.runbook.backup.RedisSave.bgsaveAndWait(service, ctx, BGSAVE_WAIT);
            } catch (IOException e) {
                throw new IOException(e.getMessage() + ": not stopping Redis", e);
            }
            ctx.output("dump.rdb written (" + service.redis("DBSIZE").strip() + " keys)");
        }

        public Check verify(RunContext ctx) {
            if (ctx.get(key("stack", "replicas")).isPresent()) {
                return deployment().running() ? Check.failed(name() + " still has a running task") : Check.ok();
            }
            if (ctx.get(key("stack", "stopped")).isEmpty()) return Check.ok();
            return service.gateway().inspect(service.container())
                    .map(f -> f.running() ? Check.failed(service.container() + " still runs") : Check.ok()).orElse(Check.ok());
        }
        public String verificationText() { return "the container is no longer running (a Swarm service: no task runs)."; }
        public String compensation() { return "Start it again (a Swarm service: scale it back) and wait for its health endpoint."; }
        public void compensate(RunContext ctx) throws Exception {
            Optional<String> replicas = ctx.get(key("stack", "replicas"));
            if (replicas.isPresent()) {
                String swarm = swarmName().orElseThrow(() -> new IOException("the Swarm service of " + name() + " is gone"));
                SwarmScaling.to(service, swarm, Long.parseLong(replicas.get()), HEALTHY_WITHIN, ctx);
            } else if (ctx.get(key("stack", "stopped")).isPresent()) {
                service.gateway().start(service.container());
            } else {
                return;
            }
            service.awaitHealthy(prober, service.container(), HEALTHY_WITHIN, ctx, false);
        }
    }

    static final class StartService extends Change {

        StartService(ServiceAccess s, Duration grace, ServiceProber prober) {
            super(s, grace, prober);
        }

        public String id() { return stepId("start"); }
        public String title() { return "Start " + name() + " and wait for health"; }
        public String explanation() {
            return "The next service starts only when this one answers healthy, so each finds what it depends on. A Swarm "
                    + "service scaled to 0 gets its replicas back (those it had before the stop, at least one).";
        }
        public List<String> preview(RunContext ctx) {
            return List.of(swarmName().map(n -> "POST /services/" + n + "/update (replicas as before the stop); wait until converged")
                            .orElse("POST /containers/" + service.container() + "/start"),
                    "probe " + Restart.healthCall(service.spec()) + " until healthy (≤ " + HEALTHY_WITHIN.toSeconds() + " s)");
        }
        public void execute(RunContext ctx) throws Exception {
            ServiceDeployment deployment = deployment();
            if (!deployment.deployed()) {
                ctx.output("not deployed on " + service.spec().host() + ": skipped");
                return;
            }
            if (deployment instanceof ServiceDeployment.Swarm swarm) {
                if (swarm.service().replicas() == 0 && !swarm.running()) {
                    // a restart's stop recorded the replicas in this run; a plain start has the spec before the scale to 0
                    long replicas = SwarmScaling.replicasToStart(swarm.service(), ctx.get(key("stack", "replicas")));
                    ctx.put(key("stack", "scaled-up"), "true");
                    SwarmScaling.to(service, swarm.service().name(), replicas, HEALTHY_WITHIN, ctx);
                    ctx.output("scaled " + swarm.service().name() + " to " + replicas);
                }
            } else if (!((ServiceDeployment.Container) deployment).running()) {
                ctx.put(key("stack", "started"), "true");
                service.gateway().start(service.container());
            }
            ProbeResult r = service.awaitHealthy(prober, service.container(), HEALTHY_WITHIN, ctx, true);
            if (!r.healthy()) throw new IllegalStateException(name() + " not healthy after its start: " + r.detail());
            ctx.output(name() + " healthy");
        }
        public String verificationText() { return "the health endpoint answers healthy."; }
        public String compensation() { return "Stop it again (with its grace period; a Swarm service: scale it to 0) if this run started it."; }
        public void compensate(RunContext ctx) throws Exception {
            if (ctx.get(key("stack", "scaled-up")).isPresent()) {
                Optional<String> swarm = swarmName();
                if (swarm.isPresent()) SwarmScaling.toZero(service, swarm.get(), swarmWait(), ctx);
            } else if (ctx.get(key("stack", "started")).isPresent()) {
                service.gateway().stop(service.container(), grace);
            }
        }
    }
}
