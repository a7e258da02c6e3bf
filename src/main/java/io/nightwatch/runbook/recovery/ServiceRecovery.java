package io.nightwatch.runbook.recovery;

import io.nightwatch.alerts.RunbookHints;
import io.nightwatch.docker.ContainerConfig;
import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.ExecResult;
import io.nightwatch.flow.exposition.Exposition;
import io.nightwatch.flow.exposition.ExpositionParser;
import io.nightwatch.flow.exposition.Sample;
import io.nightwatch.probe.ProbeResult;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.backup.ServiceAccess;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;

import io.nightwatch.text.Texts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** loki-ingestion, collector-crash and promtail-stalled: read the service's own account, act, and prove the logs/spans flow. */
final class ServiceRecovery {

    private static final Texts T = Texts.of(ServiceRecovery.class);

    private static final Pattern ERROR_LINE = Pattern.compile("(?i)level=(error|fatal)|\\b(error|fatal|panic|permission denied|no such file)\\b"); // tool text: log words

    private ServiceRecovery() {}

    static RecoveryRunbook loki(RecoveryRunbook.Context context) {
        return new RecoveryRunbook(RunbookHints.LOKI_INGESTION, Set.of(ServiceKind.LOKI), context,
                T.get("loki.purpose"),
                List.of(), (ctx, spec, params) -> {
                    ServiceAccess loki = ctx.access(spec);
                    ServiceProber prober = new ServiceProber(ctx.profile().probeTimeout(), ctx.env());
                    List<Step> steps = new ArrayList<>();
                    steps.add(diagnose(loki, ctx.crashes(), T.get("loki.diagnose.title", spec.name()),
                            T.get("loki.diagnose.explanation"),
                            List.of("loki_discarded_samples_total", "loki_distributor_lines_received_total"), Map.of(
                                    "rate_limited", T.get("loki.advice.rate_limited"),
                                    "per_stream_rate_limit", T.get("loki.advice.per_stream_rate_limit"),
                                    "line_too_long", T.get("loki.advice.line_too_long"),
                                    "greater_than_max_sample_age", T.get("loki.advice.greater_than_max_sample_age"))));
                    steps.add(new FlushLoki(loki));
                    steps.add(new Restart(loki, prober, Duration.ofSeconds(60), Duration.ofSeconds(120),
                            T.get("loki.restart.why")));
                    steps.add(new VerifyRecovered(ctx.profile(), spec, ctx.env(), List.of("loki.lines-received"), ctx.timing()));
                    return steps;
                });
    }

    static RecoveryRunbook promtail(RecoveryRunbook.Context context) {
        return new RecoveryRunbook(RunbookHints.PROMTAIL_STALLED, Set.of(ServiceKind.PROMTAIL), context,
                T.get("promtail.purpose"),
                List.of(), (ctx, spec, params) -> {
                    ServiceAccess promtail = ctx.access(spec);
                    ServiceProber prober = new ServiceProber(ctx.profile().probeTimeout(), ctx.env());
                    List<Step> steps = new ArrayList<>();
                    steps.add(diagnose(promtail, ctx.crashes(), T.get("promtail.diagnose.title", spec.name()),
                            T.get("promtail.diagnose.explanation"),
                            List.of("promtail_sent_entries_total", "promtail_dropped_entries_total"),
                            Map.of("ingester_error", T.get("promtail.advice.ingester_error"),
                                    "rate_limited", T.get("promtail.advice.rate_limited"))));
                    steps.add(new CheckPaths(promtail, List.of("/var/lib/docker/containers", "/var/run/docker.sock", "/tmp/positions.yaml")));
                    steps.add(new Restart(promtail, prober, Duration.ofSeconds(10), Duration.ofSeconds(60),
                            T.get("promtail.restart.why")));
                    steps.add(new VerifyRecovered(ctx.profile(), spec, ctx.env(), List.of("promtail.entries-sent"), ctx.timing()));
                    return steps;
                });
    }

    static RecoveryRunbook collector(RecoveryRunbook.Context context) {
        return new RecoveryRunbook(RunbookHints.COLLECTOR_CRASH, Set.of(ServiceKind.OTEL_COLLECTOR), context,
                T.get("collector.purpose"),
                List.of(), (ctx, spec, params) -> {
                    ServiceAccess collector = ctx.access(spec);
                    ServiceProber prober = new ServiceProber(ctx.profile().probeTimeout(), ctx.env());
                    List<Step> steps = new ArrayList<>();
                    steps.add(diagnose(collector, ctx.crashes(), T.get("collector.diagnose.title", spec.name()),
                            T.get("collector.diagnose.explanation"),
                            List.of("otelcol_exporter_send_failed_spans", "otelcol_exporter_send_failed_metric_points"), Map.of()));
                    steps.add(new ValidateConfig(collector));
                    steps.add(new Restart(collector, prober, Duration.ofSeconds(10), Duration.ofSeconds(60),
                            T.get("collector.restart.why")));
                    steps.add(new VerifyRecovered(ctx.profile(), spec, ctx.env(),
                            List.of("otel-collector.spans-sent", "otel-collector.metric-points-sent", "otel-collector.log-records-sent"), ctx.timing()));
                    return steps;
                });
    }

    /** Container state, the service's own counters by label, and its last error lines; {@code advice} maps a label value to what to change. */
    static Diagnose diagnose(ServiceAccess s, CrashHistory crashes, String title, String explanation, List<String> counters,
                             Map<String, String> advice) {
        String metricsPath = s.spec().metrics().map(m -> m.path()).orElse("/metrics");
        String healthPath = s.spec().health().path() == null || s.spec().health().path().isEmpty() ? s.spec().kind().healthPath() : s.spec().health().path();
        return new Diagnose("diagnose-" + s.spec().name(), title, explanation,
                List.of("GET /containers/" + s.container() + "/json", "GET " + healthPath, "GET " + metricsPath,
                        T.get("diagnose.preview.logs", s.container()), KeptCrashes.reads()),
                ctx -> {
                    List<String> out = new ArrayList<>();
                    Optional<ContainerFacts> facts = s.gateway().inspect(s.container());
                    out.add(facts.map(f -> T.get("diagnose.container", f.state().name().toLowerCase(Locale.ROOT), f.exitCode(),
                                    f.oomKilled() ? T.get("kept.oom") : "", f.restartCount()))
                            .orElse(T.get("diagnose.noContainer", s.container(), s.spec().host())));
                    try {
                        out.add(healthPath + ": " + s.get(healthPath).strip());
                    } catch (Exception e) {
                        out.add(healthPath + ": " + e.getMessage());
                    }
                    try {
                        Exposition metrics = ExpositionParser.parse(s.get(metricsPath));
                        for (String counter : counters) {
                            List<Sample> samples = metrics.samples(counter);
                            if (samples.isEmpty()) out.add(T.get("diagnose.counterNone", counter));
                            for (Sample sample : samples) {
                                out.add(counter + sample.labels() + " = " + (long) sample.value());
                                String reason = sample.label("reason");
                                if (reason != null && sample.value() > 0 && advice.containsKey(reason)) out.add("  → " + advice.get(reason));
                            }
                        }
                    } catch (Exception e) {
                        out.add(T.get("diagnose.metricsUnreadable", e.getMessage()));
                    }
                    if (facts.isPresent()) {
                        List<String> lines = LastLines.of(s.gateway(), s.container(), 30, Duration.ofSeconds(2));
                        lines.stream().filter(l -> ERROR_LINE.matcher(l).find()).distinct().forEach(l -> out.add(T.get("diagnose.errorLine", l)));
                        out.add(T.get("diagnose.lastLines"));
                        lines.forEach(l -> out.add("  " + l));
                    }
                    out.addAll(KeptCrashes.describe(crashes, s.spec(), facts, ERROR_LINE, T.get("diagnose.keptErrorLine")));
                    return out;
                });
    }

    /** Loki keeps recent lines in its ingesters' memory: flush them to the store before a restart so none are lost. */
    static final class FlushLoki implements Step {
        private final ServiceAccess loki;

        FlushLoki(ServiceAccess loki) { this.loki = loki; }

        public String id() { return "flush-" + loki.spec().name(); }
        public String title() { return T.get("flush.title", loki.spec().name()); }
        public String explanation() { return T.get("flush.explanation"); }
        public List<String> preview(RunContext ctx) { return List.of("POST /flush"); }
        public void execute(RunContext ctx) throws Exception {
            try {
                loki.post("/flush");
                ctx.output(T.get("flush.done"));
            } catch (Exception e) {
                // Loki not answering cannot flush; the restart's grace period is the last chance.
                ctx.output(T.get("flush.failed", e.getMessage()));
            }
        }
    }

    /** The paths Promtail reads, seen from inside its container. */
    static final class CheckPaths implements Step {
        private final ServiceAccess promtail;
        private final List<String> paths;

        CheckPaths(ServiceAccess promtail, List<String> paths) {
            this.promtail = promtail;
            this.paths = List.copyOf(paths);
        }

        public String id() { return "check-paths-" + promtail.spec().name(); }
        public String title() { return T.get("paths.title", promtail.spec().name()); }
        public String explanation() {
            return T.get("paths.explanation");
        }
        public List<String> preview(RunContext ctx) {
            List<String> out = new ArrayList<>();
            for (String p : paths) out.add("exec " + promtail.container() + ": ls -ld " + p);
            return out;
        }
        public void execute(RunContext ctx) {
            for (String p : paths) {
                try {
                    ExecResult r = promtail.exec(List.of("ls", "-ld", p));
                    ctx.output(r.succeeded() ? r.stdout().strip() : T.get("paths.missing", p, (r.stderr() + r.stdout()).strip()));
                } catch (Exception e) {
                    ctx.output(T.get("paths.cannotCheck", p, e.getMessage()));
                }
            }
        }
    }

    /** Runs the collector image's own {@code validate} against the container's configuration, in a helper container. */
    static final class ValidateConfig implements Step {
        private final ServiceAccess collector;

        ValidateConfig(ServiceAccess collector) { this.collector = collector; }

        public String id() { return "validate-config-" + collector.spec().name(); }
        public String title() { return T.get("validate.title", collector.spec().name()); }
        public String explanation() {
            return T.get("validate.explanation");
        }
        public List<String> preview(RunContext ctx) {
            return List.of(T.get("validate.preview", collector.container()));
        }
        public void execute(RunContext ctx) throws Exception {
            Optional<ContainerConfig> config = collector.gateway().containerConfig(collector.container());
            if (config.isEmpty()) throw new IllegalStateException(T.get("validate.noContainer", collector.container()));
            List<String> command = validateCommand(config.get());
            if (command.isEmpty()) {
                ctx.output(T.get("validate.noEntrypoint"));
                return;
            }
            ctx.output(T.get("validate.running", String.join(" ", command)));
            // the collector's own image, so validate is the binary that will run it; labelled a helper, no network
            String image = collector.gateway().inspect(collector.container()).map(c -> c.image())
                    .orElseThrow(() -> new IllegalStateException(T.get("validate.noContainer", collector.container())));
            ExecResult r = collector.gateway().runHelper(image, collector.container(), command, Duration.ofSeconds(60));
            String said = (r.stdout() + r.stderr()).strip();
            if (!r.succeeded()) throw new IllegalStateException(T.get("validate.invalid", said));
            ctx.output(said.isEmpty() ? T.get("validate.valid") : T.get("validate.validSaid", said));
        }
        public String verificationText() { return T.get("validate.verification"); }
    }

    static List<String> validateCommand(ContainerConfig config) {
        String entrypoint = config.settings().getOrDefault("entrypoint", config.imageDefaults().getOrDefault("entrypoint", "")).strip();
        String cmd = config.settings().getOrDefault("command", config.imageDefaults().getOrDefault("command", "")).strip();
        if (entrypoint.isEmpty()) return List.of();
        List<String> out = new ArrayList<>(Arrays.asList(entrypoint.split(" ")));
        out.add("validate");
        for (String arg : cmd.split(" ")) if (arg.startsWith("--config")) out.add(arg);
        return out;
    }

    static Check probe(ServiceAccess s, ServiceProber prober) {
        ProbeResult r = prober.probe(s.spec(), s.gateway().inspect(s.container()), Optional.of(s.gateway()));
        return r.healthy() ? Check.ok() : Check.failed(r.detail());
    }
}
