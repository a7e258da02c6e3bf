package io.nightwatch.ui.fx;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one way the window does work that may block (a store query, an engine call, a runbook run): a view model takes
 * a {@link Lane} (its work, in the order asked, one task at a time) from the window's shared, bounded pool of daemon
 * threads; answers and problems come back on the FX thread through {@link FxBridge}. In the spirit of JabRef's
 * {@code BackgroundTask}/{@code TaskExecutor}, smaller.
 *
 * <p>Why lanes and not one thread per model: the pool bounds the threads the window starts whatever the number of
 * views and wizards, and a lane keeps the order a model relies on (a note written, then the incident read again).
 */
public final class Background {

    /** Threads of the shared pool: one per lane that works at the same moment (alerts 2, incidents, 4 wizards, launcher). */
    static final int THREADS = 8;

    private static final class Shared {
        static final Background INSTANCE = new Background(pool(THREADS), timer(), FxBridge.FX_THREAD);
    }

    private final Executor pool;
    private final ScheduledExecutorService timer;
    private final Executor fxThread;

    /** For tests: any pool, timer and "FX thread" (a queue they run by hand). */
    Background(Executor pool, ScheduledExecutorService timer, Executor fxThread) {
        this.pool = Objects.requireNonNull(pool);
        this.timer = Objects.requireNonNull(timer);
        this.fxThread = Objects.requireNonNull(fxThread);
    }

    /** The window's pool. Its threads are daemons and end when idle, so nothing needs shutting down. */
    public static Background shared() {
        return Shared.INSTANCE;
    }

    /**
     * A new lane on this pool.
     *
     * @param name      for thread names in a thread dump ("alerts-store")
     * @param onProblem receives, on the FX thread, why a task failed in words: the view's problem line
     */
    public Lane lane(String name, Consumer<String> onProblem) {
        return new Lane(name, pool, timer, this, onProblem);
    }

    <T> FxBridge<T> bridge(Consumer<? super T> onFxThread) {
        return new FxBridge<>(onFxThread, fxThread);
    }

    /** A bridge that drops a value equal to the last one published (see {@link FxBridge#ofChanges}). */
    <T> FxBridge<T> changesBridge(Consumer<? super T> onFxThread) {
        return new FxBridge<>(onFxThread, fxThread, true);
    }

    /** A failure in words for a problem line: its message, or its type when it has none. */
    public static String describe(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Executor pool(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "nightwatch-ui-" + count.incrementAndGet());
            t.setDaemon(true); // the window never keeps the JVM alive; a run in progress is in the journal
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ScheduledExecutorService timer() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nightwatch-ui-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Work that may throw; its failure goes to the lane's problem line. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** A question answered in the background. */
    @FunctionalInterface
    public interface Question<T> {
        T answer() throws Exception;
    }

    /** For delays given in {@link Duration}s. */
    static long millis(Duration d) {
        return Math.max(0, d.toMillis());
    }
}
