package io.nightwatch.runbook.rollback;

import io.nightwatch.baseline.BaselineSettings;
import io.nightwatch.baseline.PerformanceRecords;
import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.text.Formats;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.backup.ServiceAccess;
import io.nightwatch.stack.ServiceKind;

import io.nightwatch.text.Texts;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps of an image change (upgrade or rollback) of one container. The old container is stopped and kept under
 * another name, never deleted before the new one has passed its health gate: undoing any later step removes the new
 * container, gives the old one its name back and starts it.
 */
final class ImageChangeSteps {

    private static final Texts T = Texts.of(ImageChangeSteps.class);

    /** Kept containers are named {@code <container>-kept-<yyyyMMdd-HHmmss>}. */
    static final String KEPT_INFIX = io.nightwatch.stack.ServiceSpec.KEPT_INFIX;

    static final String FROM_ID = "change.from.id";
    static final String FROM_IMAGE = "change.from.image";
    static final String FROM_IMAGE_ID = "change.from.imageId";
    static final String TO_IMAGE_ID = "change.to.imageId";
    static final String KEPT = "change.kept";
    static final String NEW_ID = "change.new.id";

    private ImageChangeSteps() {}

    /** What every step needs: the service, its engine, the target image and the limits of the gate. */
    record Change(ServiceAccess access, String target, Duration grace, Duration gateTimeout, Duration maxLatency,
                  Optional<Duration> hold, ServiceProber prober, String verb, Optional<String> setFlag,
                  PerformanceRecords baselines) {
        DockerGateway gateway() { return access.gateway(); }

        /** The command the new container gets when a flag changes (from {@code template}'s); null keeps it. */
        List<String> command(String template) {
            if (setFlag.isEmpty()) return null;
            List<String> now = gateway().command(template).orElseThrow(() -> new IllegalStateException(T.get("step.noContainer", template)));
            return CommandFlags.set(now, setFlag.get(), CommandFlags.aliasesOf(setFlag.get()));
        }

        ChangePlan plan() {
            return ChangePlan.of(gateway(), access.spec(), target, command(container()));
        }
        String container() { return access.container(); }
        String service() { return access.spec().name(); }
    }

    /** Reads the plan from the engine: the target image is local, the configuration survives, what differs. */
    static final class CheckChange implements Step {
        private final Change c;

        CheckChange(Change c) { this.c = c; }

        public String id() { return "check-change"; }
        public String title() { return T.get("check.title"); }
        public String explanation() {
            return T.get("check.explanation");
        }
        public String preconditionText() { return T.get("check.precondition"); }
        public Check precondition(RunContext ctx) {
            Optional<ContainerFacts> facts = c.gateway().inspect(c.container());
            if (facts.isEmpty()) return Check.failed(T.get("check.noContainer", c.container(), c.gateway().address()));
            if (ctx.get(FROM_ID).isPresent()) return Check.ok(); // resumed after this step had run: the old one is renamed by now
            if (c.gateway().image(c.target()).isEmpty()) {
                return Check.failed(T.get("check.noImage", c.target(), c.gateway().address()));
            }
            return Check.ok();
        }
        public List<String> preview(RunContext ctx) {
            return List.of("GET /containers/" + c.container() + "/json", T.get("check.preview.image", c.target()),
                    T.get("check.preview.compare"));
        }
        public void execute(RunContext ctx) throws IOException {
            if (ctx.get(FROM_ID).isPresent()) return;
            ChangePlan plan = c.plan();
            if (plan.sameImage() && c.setFlag().isEmpty()) throw new IOException(T.get("check.error.same", c.container(), c.target(), shortId(plan.planned().imageId())));
            ContainerFacts facts = c.gateway().inspect(c.container()).orElseThrow();
            ctx.put(FROM_ID, facts.id());
            ctx.put(FROM_IMAGE, plan.current().image());
            ctx.put(FROM_IMAGE_ID, plan.current().imageId());
            ctx.put(TO_IMAGE_ID, plan.planned().imageId());
            ctx.output(c.container() + ": " + plan.current().image() + " → " + c.target());
            plan.differenceLines().forEach(line -> ctx.output("  " + line));
            plan.composeHint().ifPresent(h -> ctx.output(T.get("check.compose", h)));
        }
        public String verificationText() { return T.get("check.verification"); }
        public Check verify(RunContext ctx) {
            ChangePlan plan = c.plan();
            return plan.lostSettings().isEmpty() ? Check.ok()
                    : Check.failed(T.get("check.lost", plan.lostSettings()));
        }
    }

    /** A graceful stop, so the service flushes what it holds. Undone by starting it again. */
    static final class StopOld implements Step {
        private final Change c;

        StopOld(Change c) { this.c = c; }

        public String id() { return "stop-old"; }
        public String title() { return T.get("stopOld.title", c.service()); }
        public String explanation() {
            return T.get("stopOld.explanation", c.grace().toSeconds());
        }
        public List<String> preview(RunContext ctx) {
            return List.of("POST /containers/" + c.container() + "/stop?t=" + c.grace().toSeconds());
        }
        public void execute(RunContext ctx) { c.gateway().stop(ctx.get(FROM_ID).orElseThrow(), c.grace()); }
        public String verificationText() { return T.get("stopOld.verification"); }
        public Check verify(RunContext ctx) {
            return c.gateway().inspect(ctx.get(FROM_ID).orElseThrow()).map(f -> !f.running()).orElse(false)
                    ? Check.ok() : Check.failed(T.get("stopOld.stillRunning", c.container()));
        }
        public String compensation() { return T.get("stopOld.compensation"); }
        public void compensate(RunContext ctx) throws Exception {
            Optional<String> old = ctx.get(FROM_ID);
            if (old.isEmpty() || c.gateway().inspect(old.get()).isEmpty()) return;
            c.gateway().start(old.get());
            ProbeResult r = awaitHealthy(c, old.get(), ctx, false);
            if (!r.healthy()) {
                throw new IOException(T.get("stopOld.error.unhealthy", c.container(), c.gateTimeout().toSeconds(), r.detail()));
            }
            ctx.output(T.get("stopOld.back", r.detail()));
        }
    }

    /** The old container keeps existing under another name: the way back until the new one has proven itself. */
    static final class KeepOld implements Step {
        private final Change c;

        KeepOld(Change c) { this.c = c; }

        public String id() { return "keep-old"; }
        public String title() { return T.get("keep.title", c.container() + KEPT_INFIX + T.get("keep.time")); }
        public String explanation() {
            return T.get("keep.explanation");
        }
        public List<String> preview(RunContext ctx) {
            return List.of("POST /containers/" + c.container() + "/rename?name=" + ctx.get(KEPT).orElse(c.container() + KEPT_INFIX + T.get("keep.time")));
        }
        public void execute(RunContext ctx) {
            String kept = ctx.get(KEPT).orElse(c.container() + KEPT_INFIX + timeOf(ctx.runId()));
            ctx.put(KEPT, kept); // journaled before the rename: undo must know the name even after a crash right after it
            String old = ctx.get(FROM_ID).orElseThrow();
            if (!c.gateway().inspect(old).map(f -> f.name().equals(kept)).orElse(false)) c.gateway().rename(old, kept);
            ctx.output(T.get("keep.kept", kept));
        }
        public String compensation() { return T.get("keep.compensation"); }
        public void compensate(RunContext ctx) throws IOException {
            Optional<String> old = ctx.get(FROM_ID);
            if (old.isEmpty()) return;
            try {
                c.gateway().inspect(c.container()).filter(f -> !f.id().equals(old.get())).ifPresent(f -> c.gateway().remove(f.id()));
                Optional<ContainerFacts> facts = c.gateway().inspect(old.get());
                if (facts.isPresent() && !facts.get().name().equals(c.container())) c.gateway().rename(old.get(), c.container());
            } catch (RuntimeException e) {
                throw new IOException(T.get("keep.error.byHand", e.getMessage(), c.access().byHand(List.of("rm", "-f", c.container())) + "; "
                        + c.access().byHand(List.of("rename", ctx.get(KEPT).orElse(old.get()), c.container())) + "; "
                        + c.access().byHand(List.of("start", c.container()))), e);
            }
        }
    }

    /** The new container: the old one's configuration, the target image. */
    static final class CreateNew implements Step {
        private final Change c;

        CreateNew(Change c) { this.c = c; }

        public String id() { return "create-new"; }
        public String title() { return T.get("create.title", c.container(), c.target()); }
        public String explanation() {
            return T.get("create.explanation", c.target());
        }
        public List<String> preview(RunContext ctx) {
            return List.of(T.get("create.preview", c.container(), c.target(), c.setFlag().map(f -> T.get("create.preview.flag", f)).orElse("")));
        }
        public void execute(RunContext ctx) {
            String from = ctx.get(FROM_ID).orElseThrow();
            String id = c.gateway().recreate(from, c.container(), c.target(), c.command(from));
            ctx.put(NEW_ID, id);
        }
        public String compensation() { return T.get("create.compensation"); }
        public void compensate(RunContext ctx) {
            ctx.get(NEW_ID).ifPresent(id -> c.gateway().remove(id));
        }
    }

    static final class StartNew implements Step {
        private final Change c;

        StartNew(Change c) { this.c = c; }

        public String id() { return "start-new"; }
        public String title() { return T.get("startNew.title", c.service()); }
        public String explanation() { return T.get("startNew.explanation"); }
        public List<String> preview(RunContext ctx) { return List.of("POST /containers/" + c.container() + "/start"); }
        public void execute(RunContext ctx) { c.gateway().start(ctx.get(NEW_ID).orElseThrow()); }
    }

    /**
     * The health gate: the new container must answer healthy within the timeout, and answer fast enough (a Prometheus
     * query for Prometheus, the health probe for the others). Failing it reverts to the kept container.
     */
    static final class HealthGate implements Step {
        private final Change c;

        HealthGate(Change c) { this.c = c; }

        public String id() { return "health-gate"; }
        public String title() { return T.get("gate.title", c.service()); }
        public String explanation() {
            return T.get("gate.explanation", c.gateTimeout().toSeconds(),
                    c.access().spec().kind() == ServiceKind.PROMETHEUS ? T.get("gate.answerQuery") : T.get("gate.answerProbe"),
                    c.maxLatency().toMillis(),
                    BaselineGate.comparable(c.access().spec()) ? T.get("gate.baseline", (int) BaselineSettings.DEFAULT.offFactor()) : "");
        }
        public List<String> preview(RunContext ctx) {
            List<String> lines = new ArrayList<>(List.of(T.get("gate.preview.probe", c.access().spec().health(), c.gateTimeout().toSeconds())));
            lines.add(c.access().spec().kind() == ServiceKind.PROMETHEUS ? T.get("gate.preview.query", c.maxLatency().toMillis())
                    : T.get("gate.preview.latency", c.maxLatency().toMillis()));
            return lines;
        }
        public void execute(RunContext ctx) throws Exception {
            String id = ctx.get(NEW_ID).orElseThrow();
            long start = System.nanoTime();
            ProbeResult r = awaitHealthy(c, id, ctx, true);
            if (!r.healthy()) throw new IOException(T.get("gate.error.unhealthy", c.service(), c.gateTimeout().toSeconds(), r.detail()));
            ctx.output(T.get("gate.healthy", Formats.duration(Duration.ofNanos(System.nanoTime() - start)), r.transport().label(), r.detail()));
            if (c.access().spec().kind() == ServiceKind.PROMETHEUS) awaitReady(ctx, start);
            List<Duration> samples = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ctx.throwIfCancelled();
                samples.add(latency(ctx));
            }
            samples.sort(null);
            Duration median = samples.get(1);
            String what = c.access().spec().kind() == ServiceKind.PROMETHEUS ? T.get("gate.queryAnswered") : T.get("gate.probeAnswered");
            if (median.compareTo(c.maxLatency()) > 0) {
                throw new IOException(T.get("gate.error.overLimit", what, median.toMillis(), c.maxLatency().toMillis()));
            }
            BaselineGate.Judgement old = BaselineGate.judge(c.baselines(), c.access().spec(), ctx.get(FROM_IMAGE).orElse(""), median);
            if (old.tooSlow()) throw new IOException(T.get("gate.error.baseline", what, median.toMillis(), old.words()));
            ctx.output(T.get("gate.passed", what, median.toMillis(), c.maxLatency().toMillis(), old.words()));
        }

        /** Prometheus is "healthy" at once but answers queries only once its WAL is replayed: wait for /-/ready too. */
        private void awaitReady(RunContext ctx, long start) throws Exception {
            long deadline = start + c.gateTimeout().toNanos();
            String last = "";
            while (System.nanoTime() < deadline) {
                ctx.throwIfCancelled();
                try {
                    c.access().get("/-/ready");
                    ctx.output(T.get("gate.ready", Formats.duration(Duration.ofNanos(System.nanoTime() - start))));
                    return;
                } catch (IOException notYet) {
                    last = notYet.getMessage();
                }
                Thread.sleep(500);
            }
            throw new IOException(T.get("gate.error.notReady", c.gateTimeout().toSeconds(), last));
        }

        private Duration latency(RunContext ctx) throws IOException {
            long t0 = System.nanoTime();
            if (c.access().spec().kind() == ServiceKind.PROMETHEUS) {
                String body = c.access().get("/api/v1/query?query=up");
                if (!body.contains("\"success\"")) throw new IOException(T.get("gate.error.query", body.strip()));
                return Duration.ofNanos(System.nanoTime() - t0);
            }
            ProbeResult r = c.prober().probe(c.access().spec(), c.gateway().inspect(ctx.get(NEW_ID).orElseThrow()), Optional.of(c.gateway()));
            if (!r.healthy()) throw new IOException(T.get("gate.error.probe", r.detail()));
            return r.latency().orElse(Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    /** Optionally keeps watching after the gate: a service that falls over within the hold period is reverted too. */
    static final class Hold implements Step {
        private final Change c;

        Hold(Change c) { this.c = c; }

        public String id() { return "hold"; }
        public String title() {
            return c.hold().filter(d -> !d.isZero()).map(d -> T.get("hold.title", c.service(), Formats.duration(d))).orElse(T.get("hold.none"));
        }
        public String explanation() {
            return T.get("hold.explanation");
        }
        public List<String> preview(RunContext ctx) {
            return List.of(c.hold().filter(d -> !d.isZero()).map(d -> T.get("hold.preview", Formats.duration(d))).orElse(T.get("step.nothing")));
        }
        public void execute(RunContext ctx) throws Exception {
            Duration hold = c.hold().orElse(Duration.ZERO);
            if (hold.isZero()) return;
            long end = System.nanoTime() + hold.toNanos();
            int failures = 0;
            String id = ctx.get(NEW_ID).orElseThrow();
            while (System.nanoTime() < end) {
                ctx.throwIfCancelled();
                ctx.progress(1 - (double) (end - System.nanoTime()) / hold.toNanos(), T.get("hold.progress", c.service()));
                ProbeResult r = c.prober().probe(c.access().spec(), c.gateway().inspect(id), Optional.of(c.gateway()));
                failures = r.healthy() ? 0 : failures + 1;
                if (failures >= 2) throw new IOException(T.get("hold.error.failed", c.service(), r.detail()));
                Thread.sleep(2000);
            }
            ctx.output(T.get("hold.stayed", c.service(), Formats.duration(hold)));
        }
    }

    /** With a hold period the kept container goes once it is over; without one it stays until the operator says so. */
    static final class RetireOld implements Step {
        private final Change c;

        RetireOld(Change c) { this.c = c; }

        public String id() { return "retire-old"; }
        public String title() { return c.hold().isPresent() ? T.get("retire.title.remove") : T.get("retire.title.leave"); }
        public String explanation() {
            return c.hold().isPresent() ? T.get("retire.explanation.remove")
                    : T.get("retire.explanation.leave", c.verb(), c.service());
        }
        public List<String> preview(RunContext ctx) {
            return c.hold().isPresent() ? List.of("DELETE /containers/" + ctx.get(KEPT).orElse(c.container() + KEPT_INFIX + T.get("keep.time")) + "?force=1")
                    : List.of(T.get("step.nothing"));
        }
        public void execute(RunContext ctx) {
            String kept = ctx.get(KEPT).orElseThrow();
            if (c.hold().isPresent()) {
                c.gateway().remove(kept);
                ctx.output(T.get("retire.removed", kept));
            } else {
                ctx.output(T.get("retire.kept", kept, c.verb(), c.service()));
            }
        }
    }

    /** Records the change in Nightwatch's deployment journal: a later rollback knows where to go back to. */
    static final class RecordDeployment implements Step {
        private final Change c;
        private final DeploymentLog log;
        private final String runbook;

        RecordDeployment(Change c, DeploymentLog log, String runbook) {
            this.c = c;
            this.log = log;
            this.runbook = runbook;
        }

        public String id() { return "record-deployment"; }
        public String title() { return T.get("record.title"); }
        public String explanation() { return T.get("record.explanation", c.service()); }
        public List<String> preview(RunContext ctx) { return List.of(T.get("record.preview", log.file())); }
        public void execute(RunContext ctx) throws IOException {
            log.record(new Deployment(ctx.clock().instant(), c.access().spec().host(), c.service(), c.container(),
                    ctx.get(FROM_IMAGE).orElse(""), ctx.get(FROM_IMAGE_ID).orElse(""), c.target(), ctx.get(TO_IMAGE_ID).orElse(""),
                    runbook, ctx.runId(), c.hold().isPresent() ? "" : ctx.get(KEPT).orElse("")));
        }
    }

    static ProbeResult awaitHealthy(Change c, String container, RunContext ctx, boolean failFast) throws Exception {
        return c.access().awaitHealthy(c.prober(), container, c.gateTimeout(), ctx, failFast);
    }

    /** {@code 20261127-031205} from a run id {@code 20261127-031205-upgrade-ab12cd}. */
    static String timeOf(String runId) {
        return runId.length() >= 15 ? runId.substring(0, 15) : runId;
    }

    static String shortId(String imageId) {
        String id = imageId.startsWith("sha256:") ? imageId.substring(7) : imageId;
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
