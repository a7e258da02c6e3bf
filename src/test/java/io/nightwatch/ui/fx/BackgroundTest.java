package io.nightwatch.ui.fx;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The background path without a toolkit: the "FX thread" is a queue this test runs by hand, the pool real threads.
 * Waits are bounded (5 s) and only wait for work to be done, they assert no timing.
 */
class BackgroundTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrentLinkedQueue<Runnable> fx = new ConcurrentLinkedQueue<>();
    private final Background background = new Background(pool, timer, fx::add);
    private final List<String> problems = new ArrayList<>();

    @AfterEach
    void stop() {
        pool.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void aNewerQuestionSupersedesTheAnswerToAnOlderOneEvenWhenThatArrivesLater() throws Exception {
        Lane lane = background.lane("test", problems::add);
        List<String> shown = new ArrayList<>();
        LatestAnswer<String> answer = lane.latest(shown::add);
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        answer.ask(() -> {
            slowStarted.countDown();
            release.await(5, TimeUnit.SECONDS);
            return "old";
        });
        assertTrue(slowStarted.await(5, TimeUnit.SECONDS));
        answer.ask(() -> "new"); // asked while the old one runs
        release.countDown();
        drainUntil(() -> shown.contains("new"));
        assertEquals(List.of("new"), shown, "the old answer is dropped");
    }

    @Test
    void aBurstOfRefreshesWhileOneWaitsCostsOneAnswer() throws Exception {
        Lane lane = background.lane("test", problems::add);
        AtomicInteger asked = new AtomicInteger();
        List<Integer> shown = new ArrayList<>();
        LatestAnswer<Integer> answer = lane.latest(shown::add);
        CountDownLatch gate = new CountDownLatch(1);
        lane.run(() -> gate.await(5, TimeUnit.SECONDS)); // keeps the lane busy while the burst comes
        answer.ask(asked::incrementAndGet);
        for (int i = 0; i < 100; i++) answer.refresh();
        gate.countDown();
        drainUntil(() -> !shown.isEmpty());
        lane.run(() -> { }); // a marker: once it ran, nothing of the burst is left behind it
        CountDownLatch done = new CountDownLatch(1);
        lane.run(done::countDown);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(1, asked.get(), "the waiting request answered the whole burst");
    }

    @Test
    void aFailureReachesTheProblemLineInWords() throws Exception {
        Lane lane = background.lane("test", problems::add);
        lane.run(() -> { throw new IllegalStateException("the store is locked"); });
        drainUntil(() -> !problems.isEmpty());
        assertEquals(List.of("the store is locked"), problems);
    }

    @Test
    void workRunsInTheOrderAskedAndNothingAfterClose() throws Exception {
        Lane lane = background.lane("test", problems::add);
        List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 50; i++) {
            int n = i;
            lane.run(() -> order.add(n));
        }
        CountDownLatch done = new CountDownLatch(1);
        lane.run(done::countDown);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(java.util.stream.IntStream.range(0, 50).boxed().toList(), order);

        List<String> shown = new ArrayList<>();
        LatestAnswer<String> answer = lane.latest(shown::add);
        answer.ask(() -> "before close");
        drainUntil(() -> !shown.isEmpty());
        lane.close(Duration.ofSeconds(1));
        assertFalse(lane.run(() -> order.add(-1)), "a closed lane takes no work");
        answer.ask(() -> "after close");
        Thread.sleep(50); // nothing is expected; give a wrongly queued task a chance to show
        fx.forEach(Runnable::run);
        assertEquals(List.of("before close"), shown);
    }

    @Test
    void aPeriodicRefreshReadsInTheBackgroundAndWakesTheFxThreadOnlyForAChange() throws Exception {
        Lane lane = background.lane("test", problems::add);
        AtomicInteger reads = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> stored = new java.util.concurrent.atomic.AtomicReference<>("one incident");
        List<String> shown = new ArrayList<>();
        LatestAnswer<String> answer = lane.latest(shown::add);
        answer.ask(() -> {
            reads.incrementAndGet();
            return stored.get();
        });
        answer.refreshEvery(Duration.ofMillis(10));
        drainUntil(() -> reads.get() >= 5); // the same list, read again and again
        assertEquals(List.of("one incident"), shown, "unchanged answers never reached the FX thread");

        stored.set("two incidents"); // another process opened one
        drainUntil(() -> shown.size() == 2);
        assertEquals(List.of("one incident", "two incidents"), shown);

        lane.close(Duration.ofSeconds(1));
        int atClose = reads.get();
        Thread.sleep(100); // nothing is expected; give a wrongly kept schedule a chance to read
        assertTrue(reads.get() <= atClose + 1, "the refreshing ends with the lane: " + atClose + " then " + reads.get());
    }

    /** Runs the "FX thread" queue until {@code condition} holds, at most 5 s. */
    private void drainUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("not done within 5 s");
            for (Runnable r; (r = fx.poll()) != null; ) r.run();
            Thread.sleep(5);
        }
    }
}
