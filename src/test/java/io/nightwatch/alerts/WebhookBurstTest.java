package io.nightwatch.alerts;

import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.store.AlertQuery;
import io.nightwatch.store.AlertStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

/** Bursts through the real receiver into the real store; bounded in count and time, loopback only. */
class WebhookBurstTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static String payload(String prefix, int from, int count) {
        StringBuilder alerts = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            if (alerts.length() > 0) alerts.append(',');
            alerts.append("{\"status\":\"firing\",\"labels\":{\"alertname\":\"").append(prefix).append(i)
                    .append("\",\"severity\":\"warning\",\"component\":\"burst\"},\"annotations\":{\"summary\":\"burst alert\"},")
                    .append("\"startsAt\":\"2026-11-25T03:00:00Z\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"\",")
                    .append("\"fingerprint\":\"").append(String.format("%016x", (long) prefix.hashCode() * 1_000_003L + i)).append("\"}");
        }
        return "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"default\",\"groupLabels\":{},\"commonLabels\":{},"
                + "\"commonAnnotations\":{},\"externalURL\":\"\",\"groupKey\":\"{}\",\"truncatedAlerts\":0,\"alerts\":[" + alerts + "]}";
    }

    private int post(int port, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/alerts"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void tenThousandAlertsAreStoredWithoutLoss(@TempDir Path dir) throws Exception {
        try (AlertStore store = AlertStore.open(dir.resolve("history.db"));
             AlertService service = new AlertService(ReferenceStack.profile().withServices(List.of()), store,
                     AlertSettings.defaults().withListen(Optional.of(new InetSocketAddress("127.0.0.1", 0))), Clock.systemUTC())) {
            service.start(Optional.empty(), Optional.empty());
            int port = service.receiverPort().orElseThrow();
            ExecutorService senders = Executors.newFixedThreadPool(4);
            List<Future<Integer>> sent = new ArrayList<>();
            for (int batch = 0; batch < 100; batch++) {
                int from = batch * 100;
                sent.add(senders.submit(() -> post(port, payload("Burst", from, 100))));
            }
            for (Future<Integer> f : sent) assertEquals(200, f.get(60, TimeUnit.SECONDS));
            senders.shutdown();
            assertEquals(10_000, store.count(AlertQuery.builder().since(Instant.parse("2026-01-01T00:00:00Z")).text("burst").build()));
        }
    }

    @Test
    void killDashNineMidBurstLosesNoAcknowledgedDelivery(@TempDir Path dir) throws Exception {
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
        try {
            awaitListening(port, serve, dir);
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService senders = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                int thread = t;
                senders.submit(() -> {
                    for (int batch = 0; batch < 400 && !stop.get(); batch++) {
                        int from = (thread * 400 + batch) * 25;
                        try {
                            if (post(port, payload("Crash", from, 25)) == 200) {
                                for (int i = from; i < from + 25; i++) acknowledged.add("Crash" + i);
                            }
                        } catch (Exception e) {
                            return null; // the server died mid-request: that delivery was not acknowledged
                        }
                    }
                    return null;
                });
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (acknowledged.size() < 2_000 && System.nanoTime() < deadline) Thread.sleep(20);
            serve.destroyForcibly(); // SIGKILL, mid-burst
            assertTrue(serve.waitFor(10, TimeUnit.SECONDS));
            stop.set(true);
            senders.shutdown();
            assertTrue(senders.awaitTermination(30, TimeUnit.SECONDS));
        } finally {
            serve.destroyForcibly();
        }
        assertTrue(acknowledged.size() >= 100, "the burst got going: " + acknowledged.size());
        try (AlertStore store = AlertStore.open(db)) {
            Set<String> stored = ConcurrentHashMap.newKeySet();
            store.search(AlertQuery.builder().since(Instant.parse("2026-01-01T00:00:00Z")).text("burst").limit(100_000).build())
                    .forEach(a -> stored.add(a.alertname()));
            Set<String> lost = new java.util.TreeSet<>(acknowledged);
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
