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

    private static final Pattern ERROR_LINE = Pattern.compile("(?i)level=(error|fatal)|\\b(error|fatal|panic|permission denied|no such file)\\b");

    private ServiceRecovery() {}

    static RecoveryRunbook loki(RecoveryRunbook.Context context) {
        return new RecoveryRunbook(RunbookHints.LOKI_INGESTION, Set.of(ServiceKind.LOKI), context,
                "Loki answers /ready 503, or refuses and discards what Promtail and the collector push (rate limits, a full "
                        + "disk, an ingester not ready). The run reads /ready, the discarded samples by reason, lines received and "
                        + "the last error lines; flushes the ingesters' chunks and restarts Loki with a grace period; shows the "
                        + "limits to raise in its config when rate limits were hit; and proves lines arrive again.",
                List.of(), (ctx, spec, params) -> {
                    ServiceAccess loki = ctx.access(spec);
                    ServiceProber prober = new ServiceProber(ctx.profile().probeTimeout(), ctx.env());
                    List<Step> steps = new ArrayList<>();
                    steps.add(diagnose(loki, ctx.crashes(), "Why does " + spec.name() + " refuse logs?",
                            "Reads /ready, loki_discarded_samples_total by reason (rate_limited and per_stream_rate_limit mean the "
                                    + "limits in limits_config were hit), loki_distributor_lines_received_total, and the last error lines.",
                            List.of("loki_discarded_samples_total", "loki_distributor_lines_received_total"), Map.of(
                                    "rate_limited", "raise limits_config.ingestion_rate_mb and ingestion_burst_size_mb (reference: 4 / 6) in loki-config.yaml",
                                    "per_stream_rate_limit", "raise limits_config.per_stream_rate_limit and per_stream_rate_limit_burst (reference: 3MB / 15MB)",
                                    "line_too_long", "raise limits_config.max_line_size, or stop the application logging such lines",
                                    "greater_than_max_sample_age", "a client sends old lines: raise limits_config.reject_old_samples_max_age or fix the client's clock")));
                    steps.add(new FlushLoki(loki));
                    steps.add(new Restart(loki, prober, Duration.ofSeconds(60), Duration.ofSeconds(120),
                            "Loki gets 60 s after SIGTERM to hand over and flush what the flush did not (its ingester's graceful shutdown)."));
                    steps.add(new VerifyRecovered(ctx.profile(), spec, ctx.env(), List.of("loki.lines-received"), ctx.timing()));
                    return steps;
                });
    }

    static RecoveryRunbook promtail(RecoveryRunbook.Context context) {
        return new RecoveryRunbook(RunbookHints.PROMTAIL_STALLED, Set.of(ServiceKind.PROMTAIL), context,
                "Promtail says Ready but ships nothing, typically after a host reboot: the Docker socket or /var/lib/docker/containers "
                        + "is not mounted or not readable, or its positions file points past the files it should read. The run reads "
                        + "its counters, mounts and last error lines, restarts it, and proves entries are sent again.",
                List.of(), (ctx, spec, params) -> {
                    ServiceAccess promtail = ctx.access(spec);
                    ServiceProber prober = new ServiceProber(ctx.profile().probeTimeout(), ctx.env());
                    List<Step> steps = new ArrayList<>();
                    steps.add(diagnose(promtail, ctx.crashes(), "Why does " + spec.name() + " send nothing?",
                            "Reads promtail_sent_entries_total and promtail_dropped_entries_total by reason, the paths it reads "
                                    + "(/var/lib/docker/containers, /var/run/docker.sock, its positions file) and the last error lines.",
                            List.of("promtail_sent_entries_total", "promtail_dropped_entries_total"),
                            Map.of("ingester_error", "Loki refuses the pushes: run nightwatch recover loki-ingestion",
                                    "rate_limited", "Loki rate-limits Promtail: run nightwatch recover loki-ingestion")));
                    steps.add(new CheckPaths(promtail, List.of("/var/lib/docker/containers", "/var/run/docker.sock", "/tmp/positions.yaml")));
                    steps.add(new Restart(promtail, prober, Duration.ofSeconds(10), Duration.ofSeconds(60),
                            "A restart makes Promtail list the Docker socket's containers and reopen the log files again."));
                    steps.add(new VerifyRecovered(ctx.profile(), spec, ctx.env(), List.of("promtail.entries-sent"), ctx.timing()));
                    return steps;
                });
    }

    static RecoveryRunbook collector(RecoveryRunbook.Context context) {
        return new RecoveryRunbook(RunbookHints.COLLECTOR_CRASH, Set.of(ServiceKind.OTEL_COLLECTOR), context,
                "The OTEL Collector crash-loops and each restart hides why. The run shows the exit code and the last lines it wrote "
                        + "before dying, checks its configuration with the image's own `validate` command (in a helper container "
                        + "from the same image, with the same mounts), restarts it when the configuration is valid, and proves "
                        + "spans or metrics are exported again.",
                List.of(), (ctx, spec, params) -> {
                    ServiceAccess collector = ctx.access(spec);
                    ServiceProber prober = new ServiceProber(ctx.profile().probeTimeout(), ctx.env());
                    List<Step> steps = new ArrayList<>();
                    steps.add(diagnose(collector, ctx.crashes(), "Why does " + spec.name() + " crash?",
                            "Reads the exit code, the restart count and the last lines before the crash (FATAL/error lines first), "
                                    + "and its export counters if it answers.",
                            List.of("otelcol_exporter_send_failed_spans", "otelcol_exporter_send_failed_metric_points"), Map.of()));
                    steps.add(new ValidateConfig(collector));
                    steps.add(new Restart(collector, prober, Duration.ofSeconds(10), Duration.ofSeconds(60),
                            "With a valid configuration, a restart clears a crash caused by a dependency that is back (an exporter's target)."));
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
                        "GET /containers/" + s.container() + "/logs (last 30 lines)", KeptCrashes.READS),
                ctx -> {
                    List<String> out = new ArrayList<>();
                    Optional<ContainerFacts> facts = s.gateway().inspect(s.container());
                    out.add(facts.map(f -> "container " + f.state().name().toLowerCase(Locale.ROOT) + ", exit code " + f.exitCode()
                            + (f.oomKilled() ? ", OOM-killed" : "") + ", restarted " + f.restartCount() + "×")
                            .orElse("no container " + s.container() + " on " + s.spec().host()));
                    try {
                        out.add(healthPath + ": " + s.get(healthPath).strip());
                    } catch (Exception e) {
                        out.add(healthPath + ": " + e.getMessage());
                    }
                    try {
                        Exposition metrics = ExpositionParser.parse(s.get(metricsPath));
                        for (String counter : counters) {
                            List<Sample> samples = metrics.samples(counter);
                            if (samples.isEmpty()) out.add(counter + ": none");
                            for (Sample sample : samples) {
                                out.add(counter + sample.labels() + " = " + (long) sample.value());
                                String reason = sample.label("reason");
                                if (reason != null && sample.value() > 0 && advice.containsKey(reason)) out.add("  → " + advice.get(reason));
                            }
                        }
                    } catch (Exception e) {
                        out.add("metrics unreadable: " + e.getMessage());
                    }
                    if (facts.isPresent()) {
                        List<String> lines = LastLines.of(s.gateway(), s.container(), 30, Duration.ofSeconds(2));
                        lines.stream().filter(l -> ERROR_LINE.matcher(l).find()).distinct().forEach(l -> out.add("error line: " + l));
                        out.add("last log lines:");
                        lines.forEach(l -> out.add("  " + l));
                    }
                    out.addAll(KeptCrashes.describe(crashes, s.spec(), facts, ERROR_LINE, "kept error line"));
                    return out;
                });
    }

    /** Loki keeps recent lines in its ingesters' memory: flush them to the store before a restart so none are lost. */
    static final class FlushLoki implements Step {
        private final ServiceAccess loki;

        FlushLoki(ServiceAccess loki) { this.loki = loki; }

        public String id() { return "flush-" + loki.spec().name(); }
        public String title() { return "Flush " + loki.spec().name() + "'s in-memory chunks"; }
        public String explanation() { return "POST /flush writes the ingesters' open chunks to the store, so the restart loses no lines."; }
        public List<String> preview(RunContext ctx) { return List.of("POST /flush"); }
        public void execute(RunContext ctx) throws Exception {
            try {
                loki.post("/flush");
                ctx.output("flushed");
            } catch (Exception e) {
                // Loki not answering cannot flush; the restart's grace period is the last chance.
                ctx.output("flush failed (" + e.getMessage() + "): the restart's grace period lets Loki flush on shutdown");
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
        public String title() { return "Check the paths " + promtail.spec().name() + " reads"; }
        public String explanation() {
            return "After a reboot a bind mount can be missing or owned by another group; Promtail then stays Ready and reads "
                    + "nothing. Only reads; a missing path must be fixed in the compose file's volumes.";
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
                    ctx.output(r.succeeded() ? r.stdout().strip() : p + ": missing or unreadable (" + (r.stderr() + r.stdout()).strip() + ")");
                } catch (Exception e) {
                    ctx.output(p + ": cannot check (" + e.getMessage() + ")");
                }
            }
        }
    }

    /** Runs the collector image's own {@code validate} against the container's configuration, in a helper container. */
    static final class ValidateConfig implements Step {
        private final ServiceAccess collector;

        ValidateConfig(ServiceAccess collector) { this.collector = collector; }

        public String id() { return "validate-config-" + collector.spec().name(); }
        public String title() { return "Validate " + collector.spec().name() + "'s configuration"; }
        public String explanation() {
            return "An invalid configuration makes every restart fail the same way: fix it first. The image's binary checks it "
                    + "(`otelcol validate --config=...`) in a helper container of the same image with the same mounts.";
        }
        public List<String> preview(RunContext ctx) {
            return List.of("helper container from " + collector.container() + "'s image, --volumes-from " + collector.container()
                    + ": <entrypoint> validate <its --config flags>");
        }
        public void execute(RunContext ctx) throws Exception {
            Optional<ContainerConfig> config = collector.gateway().containerConfig(collector.container());
            if (config.isEmpty()) throw new IllegalStateException("no container " + collector.container());
            List<String> command = validateCommand(config.get());
            if (command.isEmpty()) {
                ctx.output("the image has no entrypoint to validate with: skipped");
                return;
            }
            ctx.output("running: " + String.join(" ", command));
            // the collector's own image, so validate is the binary that will run it; labelled a helper, no network
            String image = collector.gateway().inspect(collector.container()).map(c -> c.image())
                    .orElseThrow(() -> new IllegalStateException("no container " + collector.container()));
            ExecResult r = collector.gateway().runHelper(image, collector.container(), command, Duration.ofSeconds(60));
            String said = (r.stdout() + r.stderr()).strip();
            if (!r.succeeded()) throw new IllegalStateException("the configuration is invalid — fix it before restarting: " + said);
            ctx.output("configuration valid" + (said.isEmpty() ? "" : ": " + said));
        }
        public String verificationText() { return "validate exits 0."; }
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
