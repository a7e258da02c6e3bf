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
import io.nightwatch.text.Texts;

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

    private static final Texts T = Texts.of(StackSteps.class);

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
        public String title() { return T.get("stop.title", name()); }
        public String explanation() {
            String why = switch (service.spec().kind()) {
                case LOKI -> T.get("stop.explanation.loki", grace.toSeconds());
                case PROMETHEUS -> T.get("stop.explanation.prometheus", grace.toSeconds());
                case REDIS -> T.get("stop.explanation.redis");
                case PROMTAIL, OTEL_COLLECTOR -> T.get("stop.explanation.producer");
                default -> T.get("stop.explanation.other", grace.toSeconds());
            };
            return T.get("stop.explanation", why);
        }
        public List<String> preview(RunContext ctx) {
            List<String> out = new ArrayList<>();
            if (service.spec().kind() == ServiceKind.LOKI) out.add("POST /flush");
            if (service.spec().kind() == ServiceKind.REDIS) out.add(T.get("stop.preview.bgsave", BGSAVE_WAIT.toMinutes()));
            out.add(swarmName().map(n -> T.get("stop.preview.swarm", n, swarmWait().toSeconds()))
                    .orElse("POST /containers/" + service.container() + "/stop?t=" + grace.toSeconds()));
            return out;
        }

        public void execute(RunContext ctx) throws Exception {
            ServiceDeployment deployment = deployment();
            if (!deployment.deployed()) {
                ctx.output(T.get("step.notDeployed", service.spec().host()));
                return;
            }
            if (!deployment.running()) {
                ctx.output(T.get("stop.already"));
                return;
            }
            if (deployment instanceof ServiceDeployment.Swarm swarm && swarm.service().replicas() == 0) {
                throw new IllegalStateException(T.get("stop.error.global", swarm.service().name()));
            }
            if (service.spec().kind() == ServiceKind.LOKI) {
                try {
                    service.post("/flush");
                    ctx.output(T.get("stop.flushed"));
                } catch (IOException e) {
                    ctx.output(T.get("stop.flushFailed", e.getMessage()));
                }
            }
            if (service.spec().kind() == ServiceKind.REDIS) bgsave(ctx);
            if (deployment instanceof ServiceDeployment.Swarm swarm) {
                ctx.put(key("stack", "replicas"), String.valueOf(swarm.service().replicas()));
                SwarmScaling.toZero(service, swarm.service().name(), swarmWait(), ctx);
                ctx.output(T.get("stop.scaled", swarm.service().name(), swarm.service().replicas()));
                return;
            }
            ctx.put(key("stack", "stopped"), "true");
            service.gateway().stop(service.container(), grace);
            ctx.output(T.get("stop.stopped", service.container()));
        }

        private void bgsave(RunContext ctx) throws Exception {
            try {
                io.nightwatch.runbook.backup.RedisSave.bgsaveAndWait(service, ctx, BGSAVE_WAIT);
            } catch (IOException e) {
                throw new IOException(T.get("stop.error.bgsave", e.getMessage()), e);
            }
            ctx.output(T.get("stop.dumpWritten", service.redis("DBSIZE").strip()));
        }

        public Check verify(RunContext ctx) {
            if (ctx.get(key("stack", "replicas")).isPresent()) {
                return deployment().running() ? Check.failed(T.get("stop.check.task", name())) : Check.ok();
            }
            if (ctx.get(key("stack", "stopped")).isEmpty()) return Check.ok();
            return service.gateway().inspect(service.container())
                    .map(f -> f.running() ? Check.failed(T.get("stop.check.runs", service.container())) : Check.ok()).orElse(Check.ok());
        }
        public String verificationText() { return T.get("stop.verification"); }
        public String compensation() { return T.get("stop.compensation"); }
        public void compensate(RunContext ctx) throws Exception {
            Optional<String> replicas = ctx.get(key("stack", "replicas"));
            if (replicas.isPresent()) {
                String swarm = swarmName().orElseThrow(() -> new IOException(T.get("stop.error.swarmGone", name())));
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
        public String title() { return T.get("start.title", name()); }
        public String explanation() {
            return T.get("start.explanation");
        }
        public List<String> preview(RunContext ctx) {
            return List.of(swarmName().map(n -> T.get("start.preview.swarm", n))
                            .orElse("POST /containers/" + service.container() + "/start"),
                    T.get("start.preview.probe", Restart.healthCall(service.spec()), HEALTHY_WITHIN.toSeconds()));
        }
        public void execute(RunContext ctx) throws Exception {
            ServiceDeployment deployment = deployment();
            if (!deployment.deployed()) {
                ctx.output(T.get("step.notDeployed", service.spec().host()));
                return;
            }
            if (deployment instanceof ServiceDeployment.Swarm swarm) {
                if (swarm.service().replicas() == 0 && !swarm.running()) {
                    // a restart's stop recorded the replicas in this run; a plain start has the spec before the scale to 0
                    long replicas = SwarmScaling.replicasToStart(swarm.service(), ctx.get(key("stack", "replicas")));
                    ctx.put(key("stack", "scaled-up"), "true");
                    SwarmScaling.to(service, swarm.service().name(), replicas, HEALTHY_WITHIN, ctx);
                    ctx.output(T.get("start.scaled", swarm.service().name(), replicas));
                }
            } else if (!((ServiceDeployment.Container) deployment).running()) {
                ctx.put(key("stack", "started"), "true");
                service.gateway().start(service.container());
            }
            ProbeResult r = service.awaitHealthy(prober, service.container(), HEALTHY_WITHIN, ctx, true);
            if (!r.healthy()) throw new IllegalStateException(T.get("start.error.unhealthy", name(), r.detail()));
            ctx.output(T.get("start.healthy", name()));
        }
        public String verificationText() { return T.get("start.verification"); }
        public String compensation() { return T.get("start.compensation"); }
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
