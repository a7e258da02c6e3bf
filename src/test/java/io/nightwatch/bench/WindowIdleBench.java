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

    /**
     * One measured window: CPU as % of one core over the period, RSS at its end and its peak during it; {@code earlyCpuPercent}
     * the CPU over an earlier period while the JIT still compiles (NaN when not measured).
     */
    public record Figure(String options, double cpuPercent, long rssMiB, long peakRssMiB, double seconds, double earlyCpuPercent) {}

    /** One window to start: the java command and its JVM options, what follows them, its arguments, extra environment, its home. */
    public record Setup(List<String> java, List<String> app, List<String> windowArgs, java.util.Map<String, String> env, Path home) {}

    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux
    static final Duration STAGGER = Duration.ofSeconds(15);

    private WindowIdleBench() {}

    /**
     * @param java       the java command and its JVM options
     * @param app        what follows them: {@code -jar nightwatch.jar}, or {@code -cp … io.nightwatch.Nightwatch}
     * @param windowArgs e.g. {@code --profile FILE --host URI}
     * @param env        set for the window on top of the bench's own (the launcher's, {@link LauncherEnvironment})
     */
    public static Figure measure(List<String> java, List<String> app, List<String> windowArgs, java.util.Map<String, String> env,
                                 Path home, Duration warmUp, Duration period) throws Exception {
        return measureTogether(List.of(new Setup(java, app, windowArgs, env, home)), Duration.ZERO, Duration.ZERO, warmUp, period).get(0);
    }

    /**
     * The windows side by side, each on its own display, measured over the same periods: CPU over {@code earlyLength}
     * from {@code earlyFrom} after the start (a zero length: not measured), then CPU and RSS over {@code period} after
     * {@code warmUp}, all from the first one's start. Idle windows use a few percent of one core together: on two cores
     * they do not hold each other up. Each starts {@link #STAGGER} after the one before, so the first listed is the one
     * that listens for webhooks on 127.0.0.1:5001 (the others find the address taken and run without a receiver).
     */
    public static List<Figure> measureTogether(List<Setup> setups, Duration earlyFrom, Duration earlyLength, Duration warmUp,
                                               Duration period) throws Exception {
        if (earlyFrom.plus(earlyLength).compareTo(warmUp) > 0) throw new IllegalArgumentException("the early period must end before the warm-up does");
        List<Running> windows = new ArrayList<>();
        try {
            long started = System.nanoTime();
            for (Setup setup : setups) {
                if (!windows.isEmpty()) Thread.sleep(STAGGER.toMillis());
                windows.add(Running.start(setup));
            }
            long[] earlyTicks = new long[windows.size()];
            java.util.Arrays.fill(earlyTicks, -1);
            if (!earlyLength.isZero()) {
                long[] before = new long[windows.size()];
                sleepUntil(started + earlyFrom.toNanos());
                for (int i = 0; i < windows.size(); i++) before[i] = windows.get(i).ticks();
                sleepUntil(started + earlyFrom.plus(earlyLength).toNanos());
                for (int i = 0; i < windows.size(); i++) earlyTicks[i] = windows.get(i).ticks() - before[i];
            }
            sleepUntil(started + warmUp.toNanos());
            long[] ticks0 = new long[windows.size()];
            for (int i = 0; i < windows.size(); i++) ticks0[i] = windows.get(i).ticks();
            long t0 = System.nanoTime();
            long[] peak = new long[windows.size()];
            while (System.nanoTime() < t0 + period.toNanos()) {
                for (int i = 0; i < windows.size(); i++) peak[i] = Math.max(peak[i], windows.get(i).rss());
                Thread.sleep(1_000);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<Figure> figures = new ArrayList<>();
            for (int i = 0; i < windows.size(); i++) {
                Running w = windows.get(i);
                long ticks = w.ticks() - ticks0[i];
                long rss = w.rss();
                double earlyCpu = earlyTicks[i] < 0 ? Double.NaN : 100.0 * earlyTicks[i] / CLOCK_TICKS / earlyLength.toSeconds();
                List<String> java = setups.get(i).java();
                figures.add(new Figure(String.join(" ", java.subList(1, java.size())), 100.0 * ticks / CLOCK_TICKS / seconds, rss / 1024,
                        Math.max(peak[i], rss) / 1024, seconds, earlyCpu));
            }
            return figures;
        } finally {
            for (Running w : windows) w.close();
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
    }

    /** A window on its own Xvfb display. */
    private record Running(Process xvfb, Process window, Path home) implements AutoCloseable {

        static Running start(Setup setup) throws Exception {
            Path home = setup.home();
            Files.createDirectories(home);
            Process xvfb = startXvfb(home);
            String display = Files.readString(home.resolve("display")).strip();
            try {
                List<String> command = new ArrayList<>(setup.java());
                command.addAll(setup.app());
                command.addAll(setup.windowArgs());
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(home.resolve("window.out").toFile());
                pb.environment().put("DISPLAY", ":" + display);
                pb.environment().put("HOME", home.toString()); // its own alert history and no operator profile
                for (String v : List.of("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "DOCKER_HOST", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "GDK_GL")) {
                    pb.environment().remove(v);
                }
                pb.environment().putAll(setup.env());
                return new Running(xvfb, pb.start(), home);
            } catch (Exception e) {
                xvfb.destroy();
                throw e;
            }
        }

        long ticks() throws IOException {
            if (!window.isAlive()) throw new IllegalStateException("the window ended: " + Files.readString(home.resolve("window.out")));
            return cpuTicks(window.pid());
        }

        long rss() throws IOException {
            return rssKiB(window.pid());
        }

        @Override
        public void close() throws InterruptedException {
            window.destroy();
            if (!window.waitFor(20, TimeUnit.SECONDS)) window.destroyForcibly();
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
