package io.nightwatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 16's 200 tiles: the real window over the emulated fleet ({@link FleetFeed}, 20 hosts × 10 services fed at
 * 1 Hz) on an Xvfb display, with the launcher's JVM options; CPU and RSS as {@link WindowIdleBench} measures them, once
 * compact, once as tiles, and once compact while switching views every 5 s (the switch time to its next frame).
 */
public final class FleetBench {

    /** One density's figures; {@code switchMillis} empty unless views were switched. */
    public record Result(String mode, WindowIdleBench.Figure figure, List<Long> switchMillis) {}

    private FleetBench() {}

    public static List<Result> measure(List<String> javaWithOptions, Path work, Duration warm, Duration period) throws Exception {
        String classPath = System.getProperty("java.class.path");
        List<Result> results = new ArrayList<>();
        for (String mode : List.of("compact", "tiles", "compact switch")) {
            List<String> app = new ArrayList<>(List.of("-cp", classPath, FleetFeed.class.getName()));
            app.addAll(List.of(mode.split(" ")));
            Path home = work.resolve("fleet-" + mode.replace(' ', '-'));
            WindowIdleBench.Figure f = WindowIdleBench.measure(javaWithOptions, app, List.of(), LauncherEnvironment.read(), home, warm, period);
            List<Long> switches = Files.readAllLines(home.resolve("window.out")).stream().filter(l -> l.startsWith("SWITCH "))
                    .map(l -> Long.parseLong(l.replaceAll("\\D+", ""))).toList();
            results.add(new Result(mode, f, switches));
            System.out.printf(Locale.ROOT, "fleet %s: %s CPU, %d MiB RSS, switches %s%n", mode, BenchSuite.pct(f.cpuPercent()), f.rssMiB(), switches);
        }
        return results;
    }

    /** The section of docs/benchmarks.md that says how these were measured. */
    static String details(List<Result> results, int warm, int idle) {
        StringBuilder b = new StringBuilder("<a id=\"fleet-200\"></a>\n### 200 tiles\n\nThe real window over an emulated fleet of 20 hosts × 10 "
                + "services (`FleetFeed`: the main window and its view models, a snapshot with new memory figures and probe times published "
                + "every second from a background thread, as the health monitor does), on an Xvfb display with the launcher options; after ")
                .append(warm).append(" s of warm-up, CPU over ").append(idle).append(" s. Compact is what a fleet of this size opens in (more "
                + "than 40 services); the tile view is the reference. The last run switches Health → Flow → Alerts every 5 s and takes the time "
                + "from each switch to its next laid-out frame.\n\n| Mode | CPU | RSS | Switches (ms) |\n|---|---|---|---|\n");
        for (Result r : results) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %d MiB | %s |%n", r.mode(), BenchSuite.pct(r.figure().cpuPercent()), r.figure().rssMiB(),
                    r.switchMillis().isEmpty() ? "–" : r.switchMillis().toString()));
        }
        return b.append('\n').toString();
    }

    /** Standalone: {@code java -cp <test class path> io.nightwatch.bench.FleetBench [warm s] [period s]}. */
    public static void main(String[] args) throws Exception {
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int period = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> options = new ArrayList<>(List.of(java));
        options.addAll(LauncherOptions.window());
        measure(options, Files.createTempDirectory("nightwatch-fleetbench"), Duration.ofSeconds(warm), Duration.ofSeconds(period));
    }
}
