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
    void refusesANonPositiveInterval() {
        assertThrows(IllegalArgumentException.class, () -> new FxTicker(Duration.ZERO, () -> { }, Runnable::run));
    }
}
