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
 * and the screen never shows an older state after a newer one. A bridge made by {@link #ofChanges} also drops a value
 * equal to the last one published before it wakes the FX thread: an idle stack that answers the same every poll then
 * costs the window nothing. (Not the default: a bridge used as a tick, publishing the same value as a signal, needs every one.)
 *
 * @param <T> an immutable value (a snapshot); it is read on the FX thread after being written on another
 */
public final class FxBridge<T> {

    /** The FX thread as an executor: the only place that names {@code Platform.runLater}. */
    static final Executor FX_THREAD = Platform::runLater;

    private final AtomicReference<T> newest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** The value the screen shows or is about to show; guarded by {@code this}. */
    private T lastPublished;
    private final Consumer<? super T> onFxThread;
    private final Executor fxThread;
    private final boolean changesOnly;

    /** @param onFxThread receives the newest value on the FX thread */
    public FxBridge(Consumer<? super T> onFxThread) {
        this(onFxThread, FX_THREAD, false);
    }

    /** A bridge that hands over only values that differ ({@code equals}) from the last one published. */
    public static <T> FxBridge<T> ofChanges(Consumer<? super T> onFxThread) {
        return new FxBridge<>(onFxThread, FX_THREAD, true);
    }

    /** For tests that count hand-overs without a toolkit. */
    FxBridge(Consumer<? super T> onFxThread, Executor fxThread) {
        this(onFxThread, fxThread, false);
    }

    FxBridge(Consumer<? super T> onFxThread, Executor fxThread, boolean changesOnly) {
        this.onFxThread = Objects.requireNonNull(onFxThread);
        this.fxThread = Objects.requireNonNull(fxThread);
        this.changesOnly = changesOnly;
    }

    /** Callable from any thread; returns at once. */
    public void publish(T value) {
        Objects.requireNonNull(value);
        synchronized (this) { // compare and set as one step, or two racing publishers could leave an older value shown
            if (changesOnly && value.equals(lastPublished)) return;
            lastPublished = value;
            newest.set(value);
        }
        if (!scheduled.compareAndSet(false, true)) return; // a queued hand-over will pick this value up
        try {
            fxThread.execute(this::deliver);
        } catch (IllegalStateException toolkitGone) {
            scheduled.set(false);
            synchronized (this) {
                lastPublished = null; // nothing was shown: the same value published again must not be dropped
            } // the window was closed while a monitor still reported: nothing to show it on
        }
    }

    /** The next value goes through even if equal to the last (the screen showed something else since: a problem line). */
    synchronized void forgetLast() {
        lastPublished = null;
    }

    private void deliver() {
        // Clear the flag before taking the value: a publish racing with us then queues a fresh hand-over
        // instead of leaving its value behind.
        scheduled.set(false);
        T value = newest.getAndSet(null);
        if (value != null) onFxThread.accept(value);
    }
}
