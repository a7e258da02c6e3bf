package io.nightwatch.alerts;

import io.nightwatch.bench.WebhookStorm;
import io.nightwatch.incident.IncidentRecorder;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.store.AlertQuery;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.IncidentEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Bursts through the real receiver into the real store; bounded in count and time, loopback only. */
class WebhookBurstTest {

    /**
     * Issue 16's storm: 1,000 Alertmanager posts of 10 alerts from 8 concurrent senders, during an open incident (so
     * every alert also goes onto its timeline, as in a real night). Every post answered 200, every alert stored once,
     * every alert on the timeline once. How fast is the benchmark's business (docs/benchmarks.md), not this test's.
     */
    @Test
    void stormOfTenThousandAlertsFromEightSendersIsStoredWithoutLoss(@TempDir Path dir) throws Exception {
        try (AlertStore store = AlertStore.open(dir.resolve("history.db"));
             AlertService service = new AlertService(ReferenceStack.profile().withServices(List.of()), store,
                     AlertSettings.defaults().withListen(Optional.of(new InetSocketAddress("127.0.0.1", 0))), Clock.systemUTC())) {
            long incident = store.incidents().openOrGet(IncidentRecorder.STACK, "storm", "test", Instant.now()).id();
            service.addListener(new IncidentRecorder(store.incidents(), Clock.systemUTC()));
            service.start(Optional.empty(), Optional.empty());
            WebhookStorm storm = new WebhookStorm(service.receiverPort().orElseThrow(), "Burst", 1_000, 10, 8);
            WebhookStorm.Result result = storm.run(Duration.ofMinutes(2));
            assertEquals(0, result.refused() + result.failed(), "every post answered 200");
            assertEquals(10_000, result.acknowledged().size());
            assertEquals(10_000, store.count(AlertQuery.builder().since(Instant.parse("2026-01-01T00:00:00Z")).text("storm alert").build()));
            Set<String> onTimeline = new HashSet<>();
            long fired = 0;
            for (IncidentEvent e : store.incidents().events(incident)) {
                if (e.kind() != IncidentEvent.Kind.ALERT_FIRED) continue;
                fired++;
                onTimeline.add(e.facts().get("alertname"));
            }
            assertEquals(10_000, fired, "one timeline event per alert");
            assertEquals(result.acknowledged(), onTimeline);
        }
    }

    /**
     * A child JVM runs {@code serve}; 8 senders post deliveries of 10 until it has acknowledged at least 2,000 alerts,
     * then it gets SIGKILL. Every alert answered 200 before the kill is in the history afterwards.
     */
    @Test
    void killDashNineMidStormLosesNoAcknowledgedAlert(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path db = dir.resolve("history.db");
        Path profile = dir.resolve("profile.yaml");
        Files.writeString(profile, "services: []\n");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.nightwatch.Nightwatch", "serve", "--profile", profile.toString(),
                "--db", db.toString(), "--listen", "127.0.0.1:" + port, "--log", dir.resolve("serve.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("serve.out").toFile());
        pb.environment().put("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock"));
        Process serve = pb.start();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        WebhookStorm storm = new WebhookStorm(port, "Crash", 4_000, 10, 8);
        ExecutorService sending = Executors.newSingleThreadExecutor();
        try {
            awaitListening(port, serve, dir);
            Future<WebhookStorm.Result> sent = sending.submit(() -> storm.run(Duration.ofMinutes(2), acknowledged));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (acknowledged.size() < 2_000 && System.nanoTime() < deadline && !sent.isDone()) Thread.sleep(5);
            serve.destroyForcibly(); // SIGKILL, mid-storm
            assertTrue(serve.waitFor(10, TimeUnit.SECONDS));
            storm.stop();
            WebhookStorm.Result result = sent.get(60, TimeUnit.SECONDS);
            assertTrue(result.acknowledged().size() < 40_000, "the kill landed mid-storm");
        } finally {
            serve.destroyForcibly();
            sending.shutdownNow();
        }
        assertTrue(acknowledged.size() >= 2_000, "the storm got going: " + acknowledged.size());
        try (AlertStore store = AlertStore.open(db)) {
            Set<String> stored = new HashSet<>();
            store.search(AlertQuery.builder().since(Instant.parse("2026-01-01T00:00:00Z")).text("storm alert").limit(100_000).build())
                    .forEach(a -> stored.add(a.alertname()));
            Set<String> lost = new TreeSet<>(acknowledged);
            lost.removeAll(stored);
            assertTrue(lost.isEmpty(), lost.size() + " acknowledged alerts lost, e.g. " + lost.stream().limit(5).toList());
            System.out.printf("[kill -9] %d acknowledged, %d stored%n", acknowledged.size(), stored.size());
        }
    }

    private static void awaitListening(int port, Process serve, Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!serve.isAlive()) fail("serve exited: " + Files.readString(dir.resolve("serve.out")));
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        fail("serve did not listen within 30 s: " + Files.readString(dir.resolve("serve.out")));
    }
}
