package io.nightwatch.bench;

import io.nightwatch.runbook.backup.BackupBench;
import io.nightwatch.testbed.TestEngine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 16's benchmark suite, one command ({@code flock /tmp/nw-engine.lock ./mvnw -Pbench verify}): builds its data
 * (a Prometheus TSDB via promtool, webhook storms, the reference stack on the test engine), runs every measurement
 * beside its reference in the same run and writes the table into {@code docs/benchmarks.md} between its markers (the
 * notes around them are kept). The benchmarks only print and write; they assert nothing about time.
 *
 * <p>Arguments: TSDB size in MiB (default 256), repetitions of the copies and storms (default 3), seconds of warm-up
 * and of measuring for the fleet (default 120 and 60), and for the idle window (default 600 and 300: idle means a
 * quiet night, a window left open for hours, when the services' uptimes count minutes and the JIT has done its work;
 * the window's CPU over the fleet's warm-up and period from its start is measured too, for context, when it fits). The window, {@code serve} and {@code status} run from the
 * packaged jar ({@code target/nightwatch.jar}), as an operator starts them.
 */
public final class BenchSuite {

    static final String START = "<!-- bench:start -->";
    static final String END = "<!-- bench:end -->";

    /** One line of the summary table. */
    record Line(String measurement, String nightwatch, String reference, String ratio, String target, Boolean met) {}

    /** JVM options a storm runs under; a context row has no target of its own. */
    private record IngestVariant(String label, List<String> options, boolean context) {}

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 120;
        int idle = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int windowWarm = args.length > 4 ? Integer.parseInt(args[4]) : 600;
        int windowIdle = args.length > 5 ? Integer.parseInt(args[5]) : 300;
        Path jar = Path.of("target/nightwatch.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " is missing: run through ./mvnw -Pbench verify");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> launcherOptions = LauncherOptions.window();
        List<String> serveOptions = LauncherOptions.serve();
        TestEngine engine = TestEngine.shared();
        Path work = Files.createTempDirectory("nightwatch-benchsuite");
        List<Line> lines = new ArrayList<>();
        StringBuilder details = new StringBuilder();
        try {
            // ---- copies and restore, beside docker cp
            long t0 = System.nanoTime();
            Path tsdb = TsdbData.build(work.resolve("tsdb"), mib);
            System.out.printf("TSDB of %d MiB built by promtool in %.0f s%n", mib, (System.nanoTime() - t0) / 1e9);
            BackupBench.Measured copies = BackupBench.measure(tsdb, reps, work);
            TsdbData.deleteTree(tsdb);
            for (BackupBench.Row r : copies.rows()) lines.add(copyLine(r));
            details.append("### Backup and restore copy\n\n")
                    .append(String.format(Locale.ROOT, "Data: a Prometheus TSDB of %.0f MiB in %d files (blocks of random gauge samples made by "
                            + "`promtool tsdb create-blocks-from openmetrics`, copied under new block ids up to the size). Each copy figure is the "
                            + "median of %d runs after one unmeasured round of each (the JVM compiles the copy path), Nightwatch and `docker cp` alternating on the same engine; copy out writes every file with its "
                            + "SHA-256 in the same pass, copy in re-checks every file's size and SHA-256 while packing it, as a restore does. "
                            + "The bench JVM's heap limit was %d MiB; peak heap is the heap pools' peaks during the copy (garbage included).%n%n",
                            copies.mib(), copies.files(), reps, Runtime.getRuntime().maxMemory() >> 20))
                    .append(BackupBench.table(copies.rows())).append('\n')
                    .append("Restore steps (Alertmanager holding the same data; the reference is `docker cp` of the set's files into the ")
                    .append("stopped container, `docker start`, then polling `/-/healthy`):\n\n| Step | Time |\n|---|---|\n");
            copies.restoreSteps().forEach((step, s) -> details.append(String.format(Locale.ROOT, "| %s | %.2f s |%n", step, s)));
            details.append('\n');

            // ---- webhook ingest, against the target
            details.append("### Webhook ingest\n\n`nightwatch serve` from the jar in its own JVM, an empty profile (no engine: its "
                    + "engine-unreachable finding opens an incident, so every alert also goes onto an incident timeline, as in a real "
                    + "night); a warm-up storm, then 10,000 alerts as 1,000 Alertmanager webhook posts of 10 from 8 concurrent senders on "
                    + "kept-alive connections; time from the first post to the last 2xx; afterwards every acknowledged alert is looked up "
                    + "in the history. The history is SQLite in WAL mode with synchronous=FULL: an answer is sent after its commit is "
                    + "fsync'd. Serve's options are its launcher's (`packaging/serve-jvm-options`, the `nightwatch-serve` launcher "
                    + "that `/usr/bin/nightwatch serve` starts); the window's (`packaging/jvm-options`) are context: the window "
                    + "receives webhooks too when no serve runs. The senders use OkHttp's blocking calls (lean: they share the "
                    + "two cores with the receiver).\n\n| Run | JVM options | Time | Acknowledged | Stored |\n|---|---|---|---|---|\n");
            List<IngestVariant> variants = List.of(new IngestVariant("JVM defaults", List.of(), false),
                    new IngestVariant("serve's launcher options", serveOptions, false),
                    new IngestVariant("the window's options, context", launcherOptions, true));
            Map<IngestVariant, List<Double>> ingestTimes = new LinkedHashMap<>();
            boolean noneLost = true;
            for (int i = 0; i < reps; i++) {
                for (IngestVariant variant : variants) {
                    List<String> launcher = new ArrayList<>(List.of(java));
                    launcher.addAll(variant.options());
                    launcher.addAll(List.of("-jar", jar.toString()));
                    WebhookIngestBench.Figure f = WebhookIngestBench.storm(work.resolve("ingest-" + i + "-" + variants.indexOf(variant)), launcher);
                    System.out.println("ingest " + variant.label() + " " + f);
                    ingestTimes.computeIfAbsent(variant, k -> new ArrayList<>()).add(f.seconds());
                    noneLost &= f.acknowledged() == 10_000 && f.stored() == 10_000;
                    details.append(String.format(Locale.ROOT, "| %d | %s | %.2f s | %d | %d |%n", i + 1,
                            variant.options().isEmpty() ? "(JVM defaults)" : String.join(" ", variant.options()), f.seconds(), f.acknowledged(), f.stored()));
                }
            }
            details.append('\n');
            for (IngestVariant variant : variants) {
                lines.add(ingestLine("webhook ingest, 10,000 alerts (" + variant.label() + ")", median(ingestTimes.get(variant)), noneLost, variant.context()));
            }

            // ---- container-death detection
            DetectionBench.Figure detection = DetectionBench.measure(engine, List.of(java, "-jar", jar.toString()), 20);
            System.out.println("detection " + detection.latenciesMs());
            lines.add(new Line("container death → `status --watch --json` line, p50", detection.percentile(50) + " ms",
                    "–", "–", "(context)", null));
            lines.add(new Line("container death → `status --watch --json` line, p95", detection.percentile(95) + " ms",
                    "target 500 ms", String.format(Locale.ROOT, "%.2f× the target", detection.percentile(95) / 500.0), "≤ 500 ms",
                    detection.percentile(95) <= 500));
            details.append("### Detection\n\n`nightwatch status --watch --json --host <test engine>` from the jar over the reference "
                    + "stack; Alertmanager killed with `docker kill` ").append(detection.latenciesMs().size()).append(" times (started again "
                    + "and seen UP between kills); latency from the start of the `docker kill` command (its own start-up included, so an upper bound) to the DOWN line on stdout, in ms: ")
                    .append(detection.latenciesMs()).append(".\n\n");

            // ---- the window, idle, with and without the launcher's JVM options
            engine.runReferenceServices();
            List<String> app = List.of("-jar", jar.toString());
            List<String> windowArgs = List.of("--host", engine.dockerHost().toString());
            List<String> withOptions = new ArrayList<>(List.of(java));
            withOptions.addAll(launcherOptions);
            boolean early = idle > 0 && warm + idle <= windowWarm;
            // side by side: both see the same stack over the same minutes, and the run takes one warm-up instead of two
            List<WindowIdleBench.Figure> windows = WindowIdleBench.measureTogether(List.of(
                    new WindowIdleBench.Setup(withOptions, app, windowArgs, LauncherEnvironment.read(), work.resolve("window-tuned")),
                    new WindowIdleBench.Setup(List.of(java), app, windowArgs, Map.of(), work.resolve("window-bare"))),
                    Duration.ofSeconds(early ? warm : 0), Duration.ofSeconds(early ? idle : 0), Duration.ofSeconds(windowWarm), Duration.ofSeconds(windowIdle));
            WindowIdleBench.Figure tunedWindow = windows.get(0);
            WindowIdleBench.Figure bare = windows.get(1);
            System.out.println("window " + bare + "\nwindow " + tunedWindow);
            lines.add(new Line("window idle, CPU (launcher options)", pct(tunedWindow.cpuPercent()), "JVM defaults " + pct(bare.cpuPercent()),
                    String.format(Locale.ROOT, "%.2f×", tunedWindow.cpuPercent() / bare.cpuPercent()), "≤ 1 % of a core", tunedWindow.cpuPercent() <= 1.0));
            if (early) {
                lines.add(new Line(String.format(Locale.ROOT, "window idle, CPU from %d s to %d s after start (launcher options)", warm, warm + idle),
                        pct(tunedWindow.earlyCpuPercent()), "JVM defaults " + pct(bare.earlyCpuPercent()),
                        String.format(Locale.ROOT, "%.2f×", tunedWindow.earlyCpuPercent() / bare.earlyCpuPercent()), "(context)", null));
            }
            lines.add(new Line("window idle, RSS (launcher options)", tunedWindow.rssMiB() + " MiB", "JVM defaults " + bare.rssMiB() + " MiB",
                    String.format(Locale.ROOT, "%.2f×", (double) tunedWindow.rssMiB() / bare.rssMiB()), "≤ 250 MiB", tunedWindow.rssMiB() <= 250));
            details.append("<a id=\"window-idle-jvm-options\"></a>\n### Window idle, JVM options\n\nThe window from the jar "
                    + "(`nightwatch --host <test engine>`, the built-in reference profile, default intervals) on an Xvfb display (GTK, "
                    + "as on a desktop), over the reference stack's real Prometheus, Alertmanager and Redis (the other four services "
                    + "absent, so DOWN). Both windows side by side, each on its own display, the one with the launcher options started "
                    + WindowIdleBench.STAGGER.toSeconds() + " s before the other (so it holds the webhook receiver, and the other has "
                    + "that much less warm-up); ").append(windowWarm)
                    .append(" s after the first start, CPU time from `/proc/PID/stat` over ").append(windowIdle)
                    .append(" s (as % of one core) and VmRSS at the end (peak during the period in brackets)")
                    .append(early ? "; the context row is the CPU from " + warm + " s to " + (warm + idle) + " s, while the JIT still compiles the polling's code" : "")
                    .append(". Launcher options: `")
                    .append(String.join(" ", launcherOptions)).append("` (packaging/jvm-options, used by `javafx:run` and jpackage) and the ")
                    .append("launcher's environment `").append(LauncherEnvironment.read()).append("` (packaging/nightwatch-launcher.sh, ")
                    .append("installed as /usr/bin/nightwatch).\n\n")
                    .append("| JVM options | CPU | RSS |\n|---|---|---|\n")
                    .append(String.format(Locale.ROOT, "| (JVM defaults) | %s | %d MiB (%d) |%n", pct(bare.cpuPercent()), bare.rssMiB(), bare.peakRssMiB()))
                    .append(String.format(Locale.ROOT, "| %s | %s | %d MiB (%d) |%n%n", String.join(" ", launcherOptions),
                            pct(tunedWindow.cpuPercent()), tunedWindow.rssMiB(), tunedWindow.peakRssMiB()));

            // ---- 200 tiles: the emulated fleet fed at 1 Hz, compact and as tiles
            List<FleetBench.Result> fleet = FleetBench.measure(withOptions, work, Duration.ofSeconds(warm), Duration.ofSeconds(idle));
            for (FleetBench.Result r : fleet) lines.add(fleetLine(r, fleet.get(1)));
            details.append(FleetBench.details(fleet, warm, idle));
        } finally {
            TsdbData.deleteTree(work);
        }
        String block = block(lines, details.toString(), mib, reps);
        System.out.println(block);
        write(Path.of("docs/benchmarks.md"), block);
        System.exit(0);
    }

    /** Compact is the fleet-size default and is held to the target; tiles are its reference. */
    private static Line fleetLine(FleetBench.Result r, FleetBench.Result tiles) {
        if (r.mode().equals("compact switch")) {
            long worst = r.switchMillis().stream().mapToLong(Long::longValue).max().orElse(-1);
            return new Line("200 tiles, view switches (compact), slowest to its next frame", worst + " ms", "–", "–", "(context)", null);
        }
        boolean compact = r.mode().equals("compact");
        return new Line("200 tiles at 1 Hz, " + (compact ? "compact view" : "tile view") + ", CPU", pct(r.figure().cpuPercent()),
                compact ? "tile view " + pct(tiles.figure().cpuPercent()) : "–",
                compact ? String.format(Locale.ROOT, "%.2f×", r.figure().cpuPercent() / tiles.figure().cpuPercent()) : "–",
                compact ? "≤ 5 % of a core" : "(context)", compact ? r.figure().cpuPercent() <= 5.0 : null);
    }

    private static Line copyLine(BackupBench.Row r) {
        boolean restore = r.what().startsWith("restore");
        boolean context = r.target().startsWith("(");
        double ratio = restore ? r.ours() / r.theirs() : r.ratio();
        return new Line(r.what() + ", " + r.engine(),
                String.format(Locale.ROOT, "%.2f s (%.0f MiB/s)", r.ours(), r.mib() / r.ours()),
                String.format(Locale.ROOT, "%s %.2f s", r.reference(), r.theirs()),
                String.format(Locale.ROOT, restore ? "%.2f× the time" : "%.2f× the speed", ratio), r.target(),
                context ? null : restore ? ratio <= 1.5 : ratio >= 0.8);
    }

    private static Line ingestLine(String what, double seconds, boolean noneLost, boolean context) {
        return new Line(what + (noneLost ? ", none lost" : ", **some lost**"), String.format(Locale.ROOT, "%.2f s (%.0f alerts/s)", seconds, 10_000 / seconds),
                "target 5 s", String.format(Locale.ROOT, "%.2f× the target", seconds / 5), context ? "(context)" : "≤ 5 s, none lost",
                context ? null : seconds <= 5 && noneLost);
    }

    static String pct(double p) {
        return String.format(Locale.ROOT, "%.2f %%", p);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String block(List<Line> lines, String details, int mib, int reps) throws Exception {
        StringBuilder s = new StringBuilder(START).append('\n');
        s.append("Measured by `flock /tmp/nw-engine.lock ./mvnw -Pbench verify` (BenchSuite ").append(mib).append(" MiB, ").append(reps)
                .append(" repetitions) on ").append(LocalDate.now()).append(", every figure beside its reference in the same run.\n\n");
        s.append("Machine: ").append(BackupBench.machine()).append(".\n\n");
        s.append("| Measurement | Nightwatch | Reference | Ratio | Target | Met |\n|---|---|---|---|---|---|\n");
        for (Line l : lines) {
            s.append("| ").append(l.measurement()).append(" | ").append(l.nightwatch()).append(" | ").append(l.reference()).append(" | ")
                    .append(l.ratio()).append(" | ").append(l.target()).append(" | ")
                    .append(l.met() == null ? "–" : l.met() ? "yes" : "**no**").append(" |\n");
        }
        s.append('\n').append(details);
        s.append(END).append('\n');
        return s.toString();
    }

    /** Replaces the suite's block, keeping what is written around it. */
    static void write(Path file, String block) throws Exception {
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n";
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start >= 0 && end > start) text = text.substring(0, start) + block + text.substring(end + END.length() + 1);
        else text = text + (text.endsWith("\n\n") ? "" : "\n") + block;
        Files.writeString(file, text);
        System.out.println("wrote " + file.toAbsolutePath());
    }
}
