package io.nightwatch.ui.bench;

import io.nightwatch.flow.FlowState;
import io.nightwatch.flow.Series;
import io.nightwatch.ui.fx.FxBridge;
import io.nightwatch.ui.fx.Theme;
import io.nightwatch.ui.controls.Sparkline;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 100 sparklines of 450 points each, all updated once a second through the real {@link FxBridge}, for ~20 s.
 * Prints per second how long the FX thread was busy, measured three ways, and the longest gap between frames:
 * <ul>
 *   <li>{@code update}: wall time of the update work itself (the bridge's hand-over: 100 × {@code Sparkline.show});</li>
 *   <li>{@code css+layout}: wall time between the scene's pre- and post-layout pulse listeners, summed over pulses;</li>
 *   <li>{@code fx cpu}: CPU time the JavaFX Application Thread used in that second (everything it did, pulses and
 *       rendering hand-off included) — the figure to watch;</li>
 *   <li>{@code max gap}: the longest time between two consecutive AnimationTimer frames (60 Hz is 16.7 ms).</li>
 * </ul>
 * Run with {@code ./mvnw -Pbench -DskipTests test-compile exec:java} (headless Monocle, software pipeline);
 * arguments: [sparklines] [points] [seconds]. Not a test: it asserts nothing.
 */
public final class SparklineBench {

    private static final int WARM_UP_SECONDS = 2;

    private final int count;
    private final int points;
    private final int seconds;
    private final List<Sparkline> sparklines = new ArrayList<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong updateNanos = new AtomicLong();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong layoutNanos = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong maxGapNanos = new AtomicLong();
    private volatile long fxThreadId = -1;
    private volatile long layoutStart;
    private long lastFrame;

    /** One second's worth of new values for every sparkline: what a flow monitor publishes. */
    private record Batch(List<Series> series, List<FlowState> states) {}

    private SparklineBench(int count, int points, int seconds) {
        this.count = count;
        this.points = points;
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        headlessUnlessTold();
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int points = args.length > 1 ? Integer.parseInt(args[1]) : 450;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        new SparklineBench(count, points, seconds).run();
    }

    /** The same Monocle settings as the GUI tests, unless the command line chose others. */
    private static void headlessUnlessTold() {
        Map.of("glass.platform", "Monocle", "monocle.platform", "Headless", "prism.order", "sw", "prism.text", "t2k",
                "java.awt.headless", "true").forEach((k, v) -> {
                    if (System.getProperty(k) == null) System.setProperty(k, v);
                });
    }

    private void run() throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            fxThreadId = Thread.currentThread().getId();
            show();
            shown.countDown();
        });
        shown.await(20, TimeUnit.SECONDS);

        Rings rings = new Rings(count, points);
        FxBridge<Batch> bridge = new FxBridge<>(this::apply);
        ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bench-monitor"));
        monitor.scheduleAtFixedRate(() -> bridge.publish(rings.next()), 0, 1, TimeUnit.SECONDS);

        System.out.printf(Locale.ROOT, "%d sparklines × %d points, one update per second for %d s (%s pipeline, %s)%n",
                count, points, seconds, System.getProperty("prism.order"), System.getProperty("glass.platform", "native"));
        System.out.println(" sec   update ms   css+layout ms   fx cpu ms/s   frames   max gap ms   render cpu ms/s");
        long renderThread = threadNamed("QuantumRenderer");
        long lastFx = threads.getThreadCpuTime(fxThreadId);
        long lastRender = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread);
        List<double[]> rows = new ArrayList<>();
        for (int s = 1; s <= seconds; s++) {
            Thread.sleep(1000);
            long fx = threads.getThreadCpuTime(fxThreadId);
            long render = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread);
            double[] row = {s, updateNanos.getAndSet(0) / 1e6, layoutNanos.getAndSet(0) / 1e6, (fx - lastFx) / 1e6,
                    frames.getAndSet(0), maxGapNanos.getAndSet(0) / 1e6, (render - lastRender) / 1e6, updates.getAndSet(0)};
            lastFx = fx;
            lastRender = render;
            rows.add(row);
            System.out.printf(Locale.ROOT, "%4.0f %10.2f %15.2f %13.1f %8.0f %12.1f %17.1f%s%n", row[0], row[1], row[2], row[3],
                    row[4], row[5], row[6], s <= WARM_UP_SECONDS ? "   (warm-up)" : "");
        }
        monitor.shutdownNow();
        summarise(rows);
        long redraws = onFxWait(() -> sparklines.stream().mapToLong(Sparkline::getRedrawCount).sum());
        System.out.printf(Locale.ROOT, "canvas repaints: %d (%.1f per sparkline per second)%n", redraws,
                (double) redraws / count / seconds);
        Platform.exit();
    }

    private void show() {
        FlowPane pane = new FlowPane();
        pane.setHgap(8);
        pane.setVgap(8);
        pane.setStyle("-fx-padding: 8;");
        for (int i = 0; i < count; i++) {
            Sparkline sparkline = new Sparkline();
            sparkline.setSpan(java.time.Duration.ofSeconds(points));
            sparklines.add(sparkline);
        }
        pane.getChildren().addAll(sparklines);
        Scene scene = new Scene(pane, 1280, 800);
        Theme.DARK.applyTo(scene);
        scene.addPreLayoutPulseListener(() -> layoutStart = System.nanoTime());
        scene.addPostLayoutPulseListener(() -> layoutNanos.addAndGet(System.nanoTime() - layoutStart));
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (lastFrame != 0) maxGapNanos.accumulateAndGet(now - lastFrame, Math::max);
                lastFrame = now;
                frames.incrementAndGet();
            }
        }.start();
    }

    /** The bridge's hand-over on the FX thread: the work being measured. */
    private void apply(Batch batch) {
        long start = System.nanoTime();
        for (int i = 0; i < sparklines.size(); i++) sparklines.get(i).show(batch.series().get(i), batch.states().get(i));
        updateNanos.addAndGet(System.nanoTime() - start);
        updates.incrementAndGet();
    }

    private static void summarise(List<double[]> rows) {
        List<double[]> measured = rows.subList(Math.min(WARM_UP_SECONDS, rows.size()), rows.size());
        String[] names = {"update ms/s", "css+layout ms/s", "fx-thread cpu ms/s", "frames/s", "max frame gap ms", "render-thread cpu ms/s"};
        System.out.println("after warm-up (" + measured.size() + " s):");
        for (int c = 1; c <= 6; c++) {
            int col = c;
            double mean = measured.stream().mapToDouble(r -> r[col]).average().orElse(Double.NaN);
            double max = measured.stream().mapToDouble(r -> r[col]).max().orElse(Double.NaN);
            System.out.printf(Locale.ROOT, "  %-24s mean %8.2f   max %8.2f%n", names[c - 1], mean, max);
        }
    }

    private static long threadNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix))
                .mapToLong(Thread::getId).findFirst().orElse(-1);
    }

    private static <T> T onFxWait(java.util.concurrent.Callable<T> read) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(read);
        FxBridge<Runnable> once = new FxBridge<>(Runnable::run);
        once.publish(task);
        return task.get(10, TimeUnit.SECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Fixed rings of values, advanced once a second: new, immutable Series each time, as the core hands them out. */
    private static final class Rings {
        private final long[][] times;
        private final double[][] values;
        private int tick;

        Rings(int count, int points) {
            times = new long[count][points];
            values = new double[count][points];
            long now = System.currentTimeMillis();
            for (int i = 0; i < count; i++) {
                for (int p = 0; p < points; p++) {
                    times[i][p] = now - 1000L * (points - 1 - p);
                    values[i][p] = value(i, p);
                }
            }
            tick = points;
        }

        Batch next() {
            List<Series> series = new ArrayList<>(times.length);
            List<FlowState> states = new ArrayList<>(times.length);
            long now = System.currentTimeMillis();
            for (int i = 0; i < times.length; i++) {
                int n = times[i].length;
                System.arraycopy(times[i], 1, times[i], 0, n - 1);
                System.arraycopy(values[i], 1, values[i], 0, n - 1);
                times[i][n - 1] = now;
                values[i][n - 1] = value(i, tick);
                series.add(new Series(times[i].clone(), values[i].clone()));
                states.add(i % 10 == 0 ? FlowState.STALLED : i % 7 == 0 ? FlowState.IDLE : FlowState.FLOWING);
            }
            tick++;
            return new Batch(series, states);
        }

        private static double value(int i, int p) {
            if (i % 13 == 0 && p % 50 > 40) return Double.NaN; // some gaps
            return 100 + 60 * Math.sin((p + i * 7) / 9.0) + 25 * Math.sin(p * 1.7 + i);
        }
    }
}
