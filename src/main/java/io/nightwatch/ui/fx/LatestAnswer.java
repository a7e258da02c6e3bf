package io.nightwatch.ui.fx;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Where the answer to a question asked again and again lands, so that only the latest one counts:
 * <ul>
 *   <li>{@link #ask} a new question: the answer to any earlier one, even if it arrives later, is dropped (the
 *   operator went back, or typed on). Asked while an earlier question still waits, it takes that one's place.</li>
 *   <li>{@link #refresh} asks the last question again; requests while one waits are merged into it, so a burst
 *   (a webhook flood) costs one answer, and an answer on its way still counts (it answers the same question).</li>
 *   <li>{@link #forget} drops any answer on its way.</li>
 * </ul>
 * Answers are applied on the FX thread (a null answer means nothing to apply); a question that throws goes to the lane's problem line, if still the latest.
 * Callable from any thread.
 */
public final class LatestAnswer<T> {

    private record Ticketed<T>(long ticket, T value) {}

    private final Lane lane;
    private final AtomicLong latest = new AtomicLong();
    private final AtomicReference<Background.Question<T>> question = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final FxBridge<Ticketed<T>> answers;

    LatestAnswer(Lane lane, Consumer<? super T> onFx) {
        this.lane = lane;
        Objects.requireNonNull(onFx);
        // a refresh that brings the same answer to the same question changes nothing on screen: no FX hand-over
        this.answers = lane.background().changesBridge(t -> {
            if (t.ticket() == latest.get() && !lane.isClosed()) onFx.accept(t.value());
        });
    }

    /** Asks {@code q}; only its answer will be applied (unless a newer question comes). */
    public void ask(Background.Question<T> q) {
        question.set(Objects.requireNonNull(q));
        latest.incrementAndGet();
        queue(Duration.ZERO);
    }

    /** Asks the last question again now; nothing happens before the first {@link #ask}. */
    public void refresh() {
        refreshAfter(Duration.ZERO);
    }

    /** Asks the last question again after {@code delay}, merged with any request already waiting. */
    public void refreshAfter(Duration delay) {
        if (question.get() != null) queue(delay);
    }

    /**
     * Asks the last question again every {@code period} until the lane is closed (a list another process may change):
     * the reads run in the background, and the FX thread only hears of an answer that differs from the last one.
     */
    public void refreshEvery(Duration period) {
        if (period.isZero() || period.isNegative()) throw new IllegalArgumentException("refresh period must be positive: " + period);
        lane.enqueueAfter(period, new Runnable() {
            @Override
            public void run() {
                refresh();
                lane.enqueueAfter(period, this); // false once closed: the refreshing ends with the lane
            }
        });
    }

    /** The answer on its way, if any, will not be applied. */
    public void forget() {
        latest.incrementAndGet();
    }

    private void queue(Duration delay) {
        if (!queued.compareAndSet(false, true)) return; // the waiting request will read the latest question too
        if (!lane.enqueueAfter(delay, this::answer)) queued.set(false);
    }

    private void answer() {
        queued.set(false); // first: a request from now on queues a fresh answer
        long ticket = latest.get();
        Background.Question<T> q = question.get();
        try {
            T value = q.answer();
            if (value != null) answers.publish(new Ticketed<>(ticket, value)); // null: nothing to show this time
        } catch (Exception e) {
            answers.forgetLast(); // the view shows a problem now: the next answer must replace it even if unchanged
            if (ticket == latest.get()) lane.problem(e);
        }
    }
}
