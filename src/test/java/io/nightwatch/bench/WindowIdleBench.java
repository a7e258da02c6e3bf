package io.nightwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The window, idle: a real {@code nightwatch --profile FILE --host URI} in a child JVM on an Xvfb display (GTK, as
 * an operator's desktop runs it), warmed up, then its CPU time (from /proc/PID/stat) and resident set (VmRSS) over a
 * measuring period. Each JVM-option set in turn on the same stack, so their figures compare.
 */
public final class WindowIdleBench {

    /** One measured window: CPU as % of one core over the period, RSS at its end and its peak during it. */
    public record Figure(String options, double cpuPercent, long rssMiB, long peakRssMiB, double seconds) {}

    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    private WindowIdleBench() {}

    /**
     * @param java       the java command and its JVM options
     * @param app        what follows them: {@code -jar nightwatch.jar}, or {@code -cp … io.nightwatch.Nightwatch}
     * @param windowArgs e.g. {@code --profile FILE --host URI}
     * @param env        set for the window on top of the bench's own (the launcher's, {@link LauncherEnvironment})
     */
    public static Figure measure(List<String> java, List<String> app, List<String> windowArgs, java.util.Map<String, String> env,
                                 Path home, Duration warmUp, Duration period) throws Exception {
        Files.createDirectories(home);
        Process xvfb = startXvfb(home);
        String display = Files.readString(home.resolve("display")).strip();
        Process window = null;
        try {
            List<String> command = new ArrayList<>(java);
            command.addAll(app);
            command.addAll(windowArgs);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(home.resolve("window.out").toFile());
            pb.environment().put("DISPLAY", ":" + display);
            pb.environment().put("HOME", home.toString()); // its own alert history and no operator profile
            for (String v : List.of("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "DOCKER_HOST", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "GDK_GL")) {
                pb.environment().remove(v);
            }
            pb.environment().putAll(env);
            window = pb.start();
            long pid = window.pid();
            Thread.sleep(warmUp.toMillis());
            if (!window.isAlive()) throw new IllegalStateException("the window ended: " + Files.readString(home.resolve("window.out")));
            long ticks0 = cpuTicks(pid);
            long t0 = System.nanoTime();
            long peak = 0;
            long end = t0 + period.toNanos();
            while (System.nanoTime() < end) {
                peak = Math.max(peak, rssKiB(pid));
                Thread.sleep(1_000);
            }
            long ticks = cpuTicks(pid) - ticks0;
            double seconds = (System.nanoTime() - t0) / 1e9;
            long rss = rssKiB(pid);
            peak = Math.max(peak, rss);
            return new Figure(String.join(" ", java.subList(1, java.size())), 100.0 * ticks / CLOCK_TICKS / seconds, rss / 1024, peak / 1024, seconds);
        } finally {
            if (window != null) {
                window.destroy();
                if (!window.waitFor(20, TimeUnit.SECONDS)) window.destroyForcibly();
            }
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Xvfb on a free display number, which it writes to {@code home/display} once it is ready. */
    private static Process startXvfb(Path home) throws Exception {
        Path displayFile = home.resolve("display");
        Files.deleteIfExists(displayFile);
        // -displayfd: Xvfb picks a free display and writes its number when it accepts connections
        Process x = new ProcessBuilder("bash", "-c", "exec Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>\"$0\"",
                displayFile.toString()).redirectErrorStream(true).redirectOutput(home.resolve("xvfb.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (Files.exists(displayFile) && !Files.readString(displayFile).isBlank()) return x;
            if (!x.isAlive()) throw new IllegalStateException("Xvfb ended: " + Files.readString(home.resolve("xvfb.out")));
            Thread.sleep(50);
        }
        x.destroyForcibly();
        throw new IllegalStateException("Xvfb did not start within 20 s");
    }

    /** utime + stime of every thread of the process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static long rssKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        return 0;
    }
}
