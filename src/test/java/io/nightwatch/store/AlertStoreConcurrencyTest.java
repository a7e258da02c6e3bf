package io.nightwatch.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.nightwatch.store.Alerts.alert;
import static io.nightwatch.store.Alerts.at;
import static io.nightwatch.store.Alerts.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A webhook burst from many threads, with readers searching meanwhile: nothing lost, nothing doubled. */
class AlertStoreConcurrencyTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 1_250;

    @Test
    @Timeout(180)
    void tenThousandAlertsFromEightThreadsAreAllStored(@TempDir Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
        try (AlertStore store = Alerts.open(dir)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Set<Long>>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    Set<Long> ids = new HashSet<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        IncomingAlert a = alert(labels("alertname", "Burst", "thread", "t" + thread, "n", "n" + i,
                                "severity", i % 2 == 0 ? "critical" : "warning"))
                                .webhook(AlertState.FIRING).startsAt(at(i)).receivedAt(at(i)).build();
                        assertEquals(RecordResult.Outcome.INSERTED, store.record(a).outcome());
                        // Every delivery is repeated once, as Alertmanager does on a retry: no double count.
                        assertEquals(RecordResult.Outcome.UNCHANGED, store.record(a).outcome());
                        ids.add(store.record(a).id());
                    }
                    return ids;
                }));
            }
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong reads = new AtomicLong();
            Future<?> reader = pool.submit(() -> {
                start.await();
                while (!done.get()) {
                    store.search(AlertQuery.builder().severity("critical").limit(50).build());
                    store.count(AlertQuery.builder().text("t3").build());
                    reads.incrementAndGet();
                }
                return null;
            });
            start.countDown();
            Set<Long> all = new HashSet<>();
            for (Future<Set<Long>> w : writers) all.addAll(w.get());
            done.set(true);
            reader.get();

            assertEquals(THREADS * PER_THREAD, all.size());
            assertEquals(THREADS * PER_THREAD, store.count(AlertQuery.all()));
            assertEquals(THREADS * PER_THREAD / 2, store.count(AlertQuery.builder().severity("critical").build()));
            assertEquals(PER_THREAD, store.count(AlertQuery.builder().text("t5").build()));
            assertTrue(reads.get() > 0);
        } finally {
            pool.shutdownNow();
        }
    }
}
