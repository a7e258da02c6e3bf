package io.nightwatch.ui.fx;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs something on the FX thread every so often (an age line, a refresh), for views. Not a {@code Timeline}: a
 * playing Timeline keeps the FX pulse running at 60 Hz even with a 30 s key frame, which was most of the idle
 * window's CPU. Here a shared daemon timer wakes the FX thread once per tick and not in between.
 * Call {@link #play} and {@link #stop} on the FX thread.
 */
public final class FxTicker {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nightwatch-fx-ticker");
        t.setDaemon(true);
        return t;
    });

    private final Duration every;
    private final FxBridge<Boolean> ticks;
    private ScheduledFuture<?> running;

    /** @param onFx runs on the FX thread each tick while playing */
    public FxTicker(Duration every, Runnable onFx) {
        this(every, onFx, FxBridge.FX_THREAD);
    }

    FxTicker(Duration every, Runnable onFx, java.util.concurrent.Executor fxThread) {
        if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("tick interval must be positive: " + every);
        this.every = every;
        Objects.requireNonNull(onFx);
        this.ticks = new FxBridge<>(tick -> {
            if (running != null) onFx.run(); // a tick queued just before stop() is not run
        }, fxThread);
    }

    /** Starts ticking (the first tick after one interval); playing again changes nothing. */
    public void play() {
        if (running != null) return;
        long millis = every.toMillis();
        running = TIMER.scheduleAtFixedRate(() -> ticks.publish(Boolean.TRUE), millis, millis, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        if (running == null) return;
        running.cancel(false);
        running = null;
    }
}
