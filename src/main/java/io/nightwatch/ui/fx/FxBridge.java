package io.nightwatch.ui.fx;

import javafx.application.Platform;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one door from background threads to the FX thread. Values published in a burst are coalesced: at most one
 * hand-over is queued at a time and it delivers the newest value, so a flood of snapshots never floods the FX queue
 * and the screen never shows an older state after a newer one.
 *
 * @param <T> an immutable value (a snapshot); it is read on the FX thread after being written on another
 */
public final class FxBridge<T> {

    /** The FX thread as an executor: the only place that names {@code Platform.runLater}. */
    static final Executor FX_THREAD = Platform::runLater;

    private final AtomicReference<T> newest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<? super T> onFxThread;
    private final Executor fxThread;

    /** @param onFxThread receives the newest value on the FX thread */
    public FxBridge(Consumer<? super T> onFxThread) {
        this(onFxThread, FX_THREAD);
    }

    /** For tests that count hand-overs without a toolkit. */
    FxBridge(Consumer<? super T> onFxThread, Executor fxThread) {
        this.onFxThread = Objects.requireNonNull(onFxThread);
        this.fxThread = Objects.requireNonNull(fxThread);
    }

    /** Callable from any thread; returns at once. */
    public void publish(T value) {
        newest.set(Objects.requireNonNull(value));
        if (!scheduled.compareAndSet(false, true)) return; // a queued hand-over will pick this value up
        try {
            fxThread.execute(this::deliver);
        } catch (IllegalStateException toolkitGone) {
            scheduled.set(false); // the window was closed while a monitor still reported: nothing to show it on
        }
    }

    private void deliver() {
        // Clear the flag before taking the value: a publish racing with us then queues a fresh hand-over
        // instead of leaving its value behind.
        scheduled.set(false);
        T value = newest.getAndSet(null);
        if (value != null) onFxThread.accept(value);
    }
}
