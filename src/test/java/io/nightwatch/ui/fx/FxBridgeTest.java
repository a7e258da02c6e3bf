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

    @Test
    void aChangesOnlyBridgeDoesNotWakeTheFxThreadForAnEqualValue() {
        ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
        List<String> delivered = new ArrayList<>();
        FxBridge<String> bridge = new FxBridge<>(delivered::add, queue::add, true);

        bridge.publish("3 up");
        queue.poll().run();
        bridge.publish(new String("3 up")); // equal, not the same instance: an idle poll's fresh snapshot
        assertEquals(0, queue.size(), "an unchanged value queues no hand-over");

        bridge.publish("2 up");
        bridge.publish("3 up"); // back to the shown value while a hand-over waits: that one must deliver it
        queue.poll().run();
        assertEquals(List.of("3 up", "3 up"), delivered, "the newest value wins even when it equals an older one");

        bridge.forgetLast();
        bridge.publish("3 up");
        assertEquals(1, queue.size(), "after forgetLast the same value is handed over again");
    }

    @Test
    void aPlainBridgeDeliversRepeatedSignals() {
        ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
        List<Boolean> delivered = new ArrayList<>();
        FxBridge<Boolean> bridge = new FxBridge<>(delivered::add, queue::add);
        bridge.publish(true);
        queue.poll().run();
        bridge.publish(true);
        queue.poll().run();
        assertEquals(List.of(true, true), delivered, "a tick publishes the same value and needs every one");
    }
}
