package io.nightwatch.ui.fx;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bridge's contract without a toolkit: one queued hand-over per burst, and the newest value always arrives. */
class FxBridgeTest {

    @Test
    void aBurstQueuesOneHandOverThatDeliversTheNewest() {
        ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
        List<Integer> delivered = new ArrayList<>();
        FxBridge<Integer> bridge = new FxBridge<>(delivered::add, queue::add);

        for (int i = 1; i <= 1000; i++) bridge.publish(i);
        assertEquals(1, queue.size());
        queue.poll().run();
        assertEquals(List.of(1000), delivered);

        bridge.publish(1001);
        assertEquals(1, queue.size(), "after a delivery the next value queues a fresh hand-over");
        queue.poll().run();
        assertEquals(List.of(1000, 1001), delivered);
    }

    @Test
    void concurrentPublishersNeverStrandTheLastValue() throws Exception {
        ExecutorService fx = Executors.newSingleThreadExecutor();
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        FxBridge<Integer> bridge = new FxBridge<>(delivered::add, fx);
        List<Thread> publishers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 100_000;
            publishers.add(new Thread(() -> {
                for (int i = 0; i < 20_000; i++) bridge.publish(base + i);
            }));
        }
        publishers.forEach(Thread::start);
        for (Thread p : publishers) p.join();
        bridge.publish(-1);
        fx.shutdown();
        assertTrue(fx.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(-1, delivered.get(delivered.size() - 1), "the newest value is the last one shown");
    }
}
