package io.nightwatch.ui.fx;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One view model's background work: tasks run one at a time, in the order asked, on the shared pool of
 * {@link Background}. Results reach the FX thread through {@link FxBridge}; a failure reaches the view's problem line
 * in words. After {@link #close} nothing more runs and nothing more is applied.
 *
 * <p>Callable from any thread.
 */
public final class Lane {

    private static final Logger LOG = LoggerFactory.getLogger(Lane.class);

    private final String name;
    private final Executor pool;
    private final ScheduledExecutorService timer;
    private final Background background;
    private final FxBridge<String> problems;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean active;
    private Thread working;
    private volatile boolean closed;

    Lane(String name, Executor pool, ScheduledExecutorService timer, Background background, Consumer<String> onProblem) {
        this.name = Objects.requireNonNull(name);
        this.pool = pool;
        this.timer = timer;
        this.background = background;
        Objects.requireNonNull(onProblem);
        this.problems = background.bridge(text -> {
            if (!closed) onProblem.accept(text);
        });
    }

    /** Runs {@code work} after what was asked before; a failure goes to the problem line. False when closed. */
    public boolean run(Background.Work work) {
        return enqueue(() -> {
            try {
                work.run();
            } catch (Exception e) {
                problem(e);
            }
        });
    }

    /** Runs {@code question}, then hands its answer to {@code onFx} on the FX thread (unless closed by then). */
    public <T> boolean run(Background.Question<T> question, Consumer<? super T> onFx) {
        FxBridge<T> bridge = background.bridge(value -> {
            if (!closed) onFx.accept(value);
        });
        return run(() -> bridge.publish(question.answer()));
    }

    /**
     * For a long task that reports as it goes (a runbook run): what it hands the returned consumer reaches
     * {@code onFx} on the FX thread, a burst coalesced to the newest report, nothing after {@link #close}.
     */
    public <T> Consumer<T> reporter(Consumer<? super T> onFx) {
        FxBridge<T> bridge = background.bridge(value -> {
            if (!closed) onFx.accept(value);
        });
        return bridge::publish;
    }

    /** A slot for the answer to a question asked again and again, where only the latest answer counts. */
    public <T> LatestAnswer<T> latest(Consumer<? super T> onFx) {
        return new LatestAnswer<>(this, onFx);
    }

    /** True once {@link #close} was called: answers are no longer applied. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Drops what is waiting, interrupts what runs and waits up to {@code wait} for it to end (a store about to be
     * closed must not be queried after). A runbook run is not stopped by this; its model cancels it first.
     */
    public void close(Duration wait) {
        Thread running;
        synchronized (this) {
            closed = true;
            queue.clear();
            running = working;
        }
        if (running == null || wait.isZero()) return;
        running.interrupt();
        long until = System.nanoTime() + wait.toNanos();
        synchronized (this) {
            while (working == running && System.nanoTime() < until) {
                try {
                    wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Closes without waiting: a running task ends on its own. */
    public void close() {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
    }

    Background background() {
        return background;
    }

    void problem(Throwable e) {
        LOG.debug("{}: {}", name, e.toString());
        problems.publish(Background.describe(e));
    }

    /** Queues {@code task} after {@code delay}; false when closed. */
    boolean enqueueAfter(Duration delay, Runnable task) {
        if (delay.isZero() || delay.isNegative()) return enqueue(task);
        if (closed) return false;
        try {
            timer.schedule(() -> enqueue(task), Background.millis(delay), TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    synchronized boolean enqueue(Runnable task) {
        if (closed) return false;
        queue.add(task);
        if (!active) next();
        return true;
    }

    private synchronized void next() {
        Runnable task = queue.poll();
        active = task != null;
        if (task == null) return;
        try {
            pool.execute(() -> runOne(task));
        } catch (RejectedExecutionException e) {
            active = false;
            queue.clear();
            closed = true;
        }
    }

    private void runOne(Runnable task) {
        synchronized (this) {
            working = Thread.currentThread();
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: a background task failed: {}", name, e.toString());
        } finally {
            synchronized (this) {
                working = null;
                Thread.interrupted(); // an interrupt meant for this task must not reach the pool's next one
                notifyAll();
                next();
            }
        }
    }
}
