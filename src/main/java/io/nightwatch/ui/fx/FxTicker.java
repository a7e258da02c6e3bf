package io.nightwatch.ui.fx;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs something on the FX thread every so often (an age line, a refresh), for views. Not a {@code Timeline}: a
 * playing Timeline keeps the FX pulse running at 60 Hz even with a 30 s key frame, which was most of the idle
 * window's CPU. Here a shared daemon timer wakes the FX thread once per tick and not in between; a ticker made by
 * {@link #onChange} wakes it only when what it watches reads differently than at the last tick.
 * Call {@link #play} and {@link #stop} on the FX thread.
 */
public final class FxTicker {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nightwatch-fx-ticker");
        t.setDaemon(true);
        return t;
    });

    private final Supplier<Duration> nextTick;
    private final Supplier<?> watched;
    private final FxBridge<Object> ticks;
    /** Written under {@code this}; read without it by the FX side of a tick. */
    private volatile ScheduledFuture<?> running;
    /** Counts plays and stops (under {@code this}): a tick of an earlier play schedules no next one. */
    private long generation;

    /** @param onFx runs on the FX thread each tick while playing */
    public FxTicker(Duration every, Runnable onFx) {
        this(every, onFx, FxBridge.FX_THREAD);
    }

    /**
     * A ticker for a line that changes more rarely than it must be checked (an age line worded by the minute that
     * turns stale within seconds): {@code watched} is read on the timer thread each tick (it must be thread-safe and
     * cheap), and {@code onFx} runs only when its value differs from the one read at the last tick that ran it.
     */
    public static FxTicker onChange(Duration every, Supplier<?> watched, Runnable onFx) {
        return new FxTicker(every, watched, onFx, FxBridge.FX_THREAD);
    }

    /**
     * As {@link #onChange(Duration, Supplier, Runnable)}, each tick after the time {@code nextTick} gives when asked
     * (after the previous tick, on the timer thread): a line that can only change at a known moment (turning stale)
     * is checked then, not every second. Each wake of an idle machine costs more than the check itself.
     */
    public static FxTicker onChange(Supplier<Duration> nextTick, Supplier<?> watched, Runnable onFx) {
        return new FxTicker(nextTick, watched, onFx, FxBridge.FX_THREAD, true);
    }

    FxTicker(Duration every, Runnable onFx, java.util.concurrent.Executor fxThread) {
        this(positive(every), () -> Boolean.TRUE, onFx, fxThread, false);
    }

    FxTicker(Duration every, Supplier<?> watched, Runnable onFx, java.util.concurrent.Executor fxThread) {
        this(positive(every), watched, onFx, fxThread, true);
    }

    FxTicker(Supplier<Duration> nextTick, Supplier<?> watched, Runnable onFx, java.util.concurrent.Executor fxThread, boolean changesOnly) {
        this.nextTick = Objects.requireNonNull(nextTick);
        this.watched = Objects.requireNonNull(watched);
        Objects.requireNonNull(onFx);
        java.util.function.Consumer<Object> tick = value -> {
            if (running != null) onFx.run(); // a tick queued just before stop() is not run
        };
        this.ticks = new FxBridge<>(tick, fxThread, changesOnly);
    }

    private static Supplier<Duration> positive(Duration every) {
        if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("tick interval must be positive: " + every);
        return () -> every;
    }

    /** Starts ticking (the first tick after one interval); playing again changes nothing. */
    public synchronized void play() {
        if (running != null) return;
        ticks.forgetLast(); // played again, the first tick runs whatever it reads: the screen may have moved meanwhile
        scheduleNext(++generation);
    }

    public synchronized void stop() {
        if (running == null) return;
        generation++;
        running.cancel(false);
        running = null;
    }

    /** One tick at a time, each after the previous one: a tick that took long does not bring the next ones closer. */
    private void scheduleNext(long ofPlay) {
        long millis = Math.max(1, nextTick.get().toMillis());
        running = TIMER.schedule(() -> tick(ofPlay), millis, TimeUnit.MILLISECONDS);
    }

    /** Not when stopped meanwhile, nor for a tick of a play that was stopped and played again while it ran. */
    private synchronized void tickDone(long ofPlay) {
        if (running != null && ofPlay == generation) scheduleNext(ofPlay);
    }

    private void tick(long ofPlay) {
        try {
            Object value = watched.get();
            if (value != null) ticks.publish(value);
        } catch (RuntimeException e) {
            // a failing read must not end the schedule (an exception would cancel it for good): tick as a plain ticker
            ticks.forgetLast();
            ticks.publish(Boolean.TRUE);
        } finally {
            tickDone(ofPlay);
        }
    }
}
