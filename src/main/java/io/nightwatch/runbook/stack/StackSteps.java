package io.nightwatch.runbook.stack;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.backup.ServiceAccess;
import io.nightwatch.runbook.recovery.Restart;
import io.nightwatch.stack.ServiceKind;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stopping and starting one service the way its data needs. */
final class StackSteps {

    static final Duration HEALTHY_WITHIN = Duration.ofSeconds(120);
    static final Duration BGSAVE_WAIT = Duration.ofMinutes(2);

    private StackSteps() {}

    static final class StopService implements Step {
        private final ServiceAccess s;
        private final Duration grace;
        private final ServiceProber prober;

        StopService(ServiceAccess s, Duration grace, ServiceProber prober) {
            this.s = s;
            this.grace = grace;
            this.prober = prober;
        }

        private String stoppedKey() { return "stack." + s.spec().name() + ".stopped"; }

        public String id() { return "stop-" + s.spec().name(); }
        public String title() { return "Stop " + s.spec().name(); }
        public String explanation() {
            return switch (s.spec().kind()) {
                case LOKI -> "POST /flush first writes the ingesters' in-memory chunks to the store; then SIGTERM with "
                        + grace.toSeconds() + " s for the rest.";
                case PROMETHEUS -> "SIGTERM with " + grace.toSeconds() + " s: Prometheus closes its head block and WAL; a kill "
                        + "before that means a long WAL replay at the next start.";
                case REDIS -> "BGSAVE first writes a fresh dump.rdb (waited for until LASTSAVE moves), so the sessions survive; then SIGTERM.";
                case PROMTAIL, OTEL_COLLECTOR -> "Stopped first so nothing new arrives at Loki and Prometheus while they shut down.";
                default -> "SIGTERM with " + grace.toSeconds() + " s grace.";
            };
        }
        public List<String> preview(RunContext ctx) {
            List<String> out = new ArrayList<>();
            if (s.spec().kind() == ServiceKind.LOKI) out.add("POST /flush");
            if (s.spec().kind() == ServiceKind.REDIS) out.add("BGSAVE; poll LASTSAVE until it moves (≤ " + BGSAVE_WAIT.toMinutes() + " min)");
            out.add("POST /containers/" + s.container() + "/stop?t=" + grace.toSeconds());
            return out;
        }

        public void execute(RunContext ctx) throws Exception {
            Optional<ContainerFacts> facts = s.gateway().inspect(s.container());
            if (facts.isEmpty()) {
                ctx.output("not deployed on " + s.spec().host() + ": skipped");
                return;
            }
            if (!facts.get().running()) {
                ctx.output("already stopped");
                return;
            }
            if (s.spec().kind() == ServiceKind.LOKI) {
                try {
                    s.post("/flush");
                    ctx.output("flushed");
                } catch (IOException e) {
                    ctx.output("flush failed (" + e.getMessage() + "); Loki flushes on SIGTERM within the grace period");
                }
            }
            if (s.spec().kind() == ServiceKind.REDIS) bgsave(ctx);
            ctx.put(stoppedKey(), "true");
            s.gateway().stop(s.container(), grace);
            ctx.output("stopped " + s.container());
        }

        private void bgsave(RunContext ctx) throws Exception {
            try {
                io.nightwatch.runbook.backup.RedisSave.bgsaveAndWait(s, ctx, BGSAVE_WAIT);
            } catch (IOException e) {
                throw new IOException(e.getMessage() + ": not stopping Redis", e);
            }
            ctx.output("dump.rdb written (" + s.redis("DBSIZE").strip() + " keys)");
        }

        public Check verify(RunContext ctx) {
            if (ctx.get(stoppedKey()).isEmpty()) return Check.ok();
            return s.gateway().inspect(s.container()).map(f -> f.running() ? Check.failed(s.container() + " still runs") : Check.ok()).orElse(Check.ok());
        }
        public String verificationText() { return "the container is no longer running."; }
        public String compensation() { return "Start it again and wait for its health endpoint."; }
        public void compensate(RunContext ctx) throws Exception {
            if (ctx.get(stoppedKey()).isEmpty()) return;
            s.gateway().start(s.container());
            s.awaitHealthy(prober, s.container(), HEALTHY_WITHIN, ctx, false);
        }
    }

    static final class StartService implements Step {
        private final ServiceAccess s;
        private final Duration grace;
        private final ServiceProber prober;

        StartService(ServiceAccess s, Duration grace, ServiceProber prober) {
            this.s = s;
            this.grace = grace;
            this.prober = prober;
        }

        private String startedKey() { return "stack." + s.spec().name() + ".started"; }

        public String id() { return "start-" + s.spec().name(); }
        public String title() { return "Start " + s.spec().name() + " and wait for health"; }
        public String explanation() { return "The next service starts only when this one answers healthy, so each finds what it depends on."; }
        public List<String> preview(RunContext ctx) {
            return List.of("POST /containers/" + s.container() + "/start",
                    "probe " + Restart.healthCall(s.spec()) + " until healthy (≤ " + HEALTHY_WITHIN.toSeconds() + " s)");
        }
        public void execute(RunContext ctx) throws Exception {
            Optional<ContainerFacts> facts = s.gateway().inspect(s.container());
            if (facts.isEmpty()) {
                ctx.output("not deployed on " + s.spec().host() + ": skipped");
                return;
            }
            if (!facts.get().running()) {
                ctx.put(startedKey(), "true");
                s.gateway().start(s.container());
            }
            ProbeResult r = s.awaitHealthy(prober, s.container(), HEALTHY_WITHIN, ctx, true);
            if (!r.healthy()) throw new IllegalStateException(s.spec().name() + " not healthy after its start: " + r.detail());
            ctx.output(s.spec().name() + " healthy");
        }
        public String verificationText() { return "the health endpoint answers healthy."; }
        public String compensation() { return "Stop it again (with its grace period) if this run started it."; }
        public void compensate(RunContext ctx) {
            if (ctx.get(startedKey()).isPresent()) s.gateway().stop(s.container(), grace);
        }
    }
}
