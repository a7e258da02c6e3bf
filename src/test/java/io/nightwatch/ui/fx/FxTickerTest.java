package io.nightwatch.ui.fx;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ticker without a toolkit: ticks reach the "FX thread" while playing, none run after stop. */
class FxTickerTest {

    @Test
    void ticksWhilePlayingAndNotAfterStop() throws Exception {
        ConcurrentLinkedQueue<Runnable> fx = new ConcurrentLinkedQueue<>();
        AtomicInteger ran = new AtomicInteger();
        FxTicker ticker = new FxTicker(Duration.ofMillis(20), ran::incrementAndGet, fx::add);

        ticker.play();
        ticker.play(); // a second play schedules nothing more
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ran.get() < 3 && System.nanoTime() < deadline) {
            Runnable r = fx.poll();
            if (r != null) r.run();
            else Thread.sleep(5);
        }
        assertTrue(ran.get() >= 3, "ticks arrive while playing: " + ran.get());

        ticker.stop();
        int atStop = ran.get();
        Thread.sleep(100);
        for (Runnable r; (r = fx.poll()) != null; ) r.run(); // hand-overs queued before stop run nothing
        assertEquals(atStop, ran.get(), "no tick runs after stop");
    }

    @Test
    void aChangeTickerWakesTheFxThreadOnlyWhenWhatItWatchesChanged() throws Exception {
        ConcurrentLinkedQueue<Runnable> fx = new ConcurrentLinkedQueue<>();
        AtomicInteger watched = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        FxTicker ticker = new FxTicker(Duration.ofMillis(10), () -> {
            reads.incrementAndGet();
            return "updated 03:1" + watched.get(); // an age line worded by the minute
        }, ran::incrementAndGet, fx::add);

        ticker.play();
        runUntil(fx, () -> reads.get() >= 10);
        assertEquals(1, ran.get(), "ten ticks of the same line: one hand-over, the first");

        watched.set(2); // the minute turned
        runUntil(fx, () -> ran.get() == 2);
        int readsAtChange = reads.get();
        runUntil(fx, () -> reads.get() >= readsAtChange + 5);
        assertEquals(2, ran.get(), "nothing more until the line changes again");

        ticker.stop();
        ticker.play(); // shown again: the first tick runs even though the line reads as before
        runUntil(fx, () -> ran.get() == 3);
        ticker.stop();
    }

    @Test
    void eachTickComesWhenTheTickerWasToldAfterThePreviousOne() throws Exception {
        ConcurrentLinkedQueue<Runnable> fx = new ConcurrentLinkedQueue<>();
        java.util.List<Long> readAt = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicLong gap = new java.util.concurrent.atomic.AtomicLong(300);
        AtomicInteger asked = new AtomicInteger();
        FxTicker ticker = new FxTicker(() -> {
            asked.incrementAndGet();
            return Duration.ofMillis(gap.get());
        }, () -> {
            readAt.add(System.nanoTime());
            return readAt.size();
        }, () -> { }, fx::add, true);

        ticker.play();
        runUntil(fx, () -> readAt.size() >= 2);
        long apart = (readAt.get(1) - readAt.get(0)) / 1_000_000;
        assertTrue(apart >= 290, "the second tick waited the time given after the first: " + apart + " ms");
        gap.set(10); // e.g. the line turned stale: count seconds from now on
        runUntil(fx, () -> readAt.size() >= 8);
        ticker.stop();
        int atStop = asked.get();
        Thread.sleep(100);
        assertTrue(asked.get() <= atStop + 1, "asked once more at most (a tick under way), then no more: " + atStop + " → " + asked.get());
    }

    @Test
    void stoppedAndPlayedAgainDuringATickItStillTicksOnce() throws Exception {
        java.util.concurrent.CountDownLatch inTick = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        FxTicker ticker = new FxTicker(() -> Duration.ofMillis(50), () -> {
            if (reads.incrementAndGet() == 1) {
                inTick.countDown();
                try {
                    release.await(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return reads.get();
        }, () -> { }, r -> { }, true);

        ticker.play();
        assertTrue(inTick.await(5, java.util.concurrent.TimeUnit.SECONDS));
        ticker.stop(); // the view hidden and shown again while the first tick runs
        ticker.play();
        release.countDown();
        Thread.sleep(200);
        int start = reads.get();
        Thread.sleep(1000);
        int inASecond = reads.get() - start;
        ticker.stop();
        assertTrue(inASecond <= 22, "one chain of ticks 50 ms apart (about 20 a second), not two: " + inASecond);
    }

    /** Runs the "FX thread" queue until {@code done} holds, at most 5 s. */
    private static void runUntil(ConcurrentLinkedQueue<Runnable> fx, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not done within 5 s");
            for (Runnable r; (r = fx.poll()) != null; ) r.run();
            Thread.sleep(2);
        }
        for (Runnable r; (r = fx.poll()) != null; ) r.run();
    }

    @Test
    void refusesANonPositiveInterval() {
        assertThrows(IllegalArgumentException.class, () -> new FxTicker(Duration.ZERO, () -> { }, Runnable::run));
    }
}
