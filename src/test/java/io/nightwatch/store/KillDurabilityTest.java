package io.nightwatch.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 in the middle of a burst: every alert whose {@code record} had returned (and so would have been
 * answered 200) must be in the database after reopening.
 */
class KillDurabilityTest {

    private static final int KILL_AFTER = 1_500;

    @Test
    @Timeout(120)
    void everyAcknowledgedRecordSurvivesKill9(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("alerts.db");
        Process child = new ProcessBuilder(javaBinary(), "-Xmx256m", "-cp", classPath(),
                DurabilityChild.class.getName(), db.toString(), "4", "60")
                .redirectError(dir.resolve("child.err").toFile()).start();
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger count = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (!line.startsWith("OK ")) continue; // the child's log lines
                    String[] parts = line.split(" ");
                    acknowledged.put(Long.parseLong(parts[1]), parts[2]);
                    if (count.incrementAndGet() >= KILL_AFTER) enough.countDown();
                }
            } catch (java.io.IOException e) {
                // the pipe closes with the child
            }
        }, "child-stdout");
        reader.start();
        try {
            assertTrue(enough.await(60, TimeUnit.SECONDS), "the child recorded only " + count.get() + " alerts");
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close()
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        } finally {
            if (child.isAlive()) child.destroyForcibly();
        }
        reader.join(TimeUnit.SECONDS.toMillis(20));
        assertFalse(reader.isAlive());
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        try (AlertStore store = AlertStore.open(db)) {
            for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
                AlertOccurrence o = store.get(e.getKey()).orElse(null);
                assertTrue(o != null, "acknowledged alert " + e.getKey() + " is missing after kill -9");
                assertEquals(e.getValue(), o.fingerprint());
            }
            long stored = store.count(AlertQuery.all());
            assertTrue(stored >= acknowledged.size(), stored + " stored < " + acknowledged.size() + " acknowledged");
            System.out.printf("kill -9 after %d acknowledged records: all present (%d stored, the rest were in flight)%n",
                    acknowledged.size(), stored);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Surefire runs tests from a manifest-only jar; it names the real class path in this property. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
