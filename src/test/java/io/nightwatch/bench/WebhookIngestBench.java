package io.nightwatch.bench;

import io.nightwatch.store.AlertQuery;
import io.nightwatch.store.AlertStore;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Webhook ingest into a real {@code nightwatch serve} (a child JVM, as an operator runs it): 1,000 posts of 10 alerts
 * from 8 senders, then every acknowledged alert counted in the history. Loopback only.
 */
public final class WebhookIngestBench {

    /** One storm: wall time from the first post to the last answer, and how many alerts the history holds after it. */
    public record Figure(double seconds, int acknowledged, long stored, int refused, int failed) {}

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path work = Files.createTempDirectory("nightwatch-ingest");
        List<String> launcher = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "io.nightwatch.Nightwatch");
        for (int i = 0; i < reps; i++) System.out.println(storm(work.resolve("run-" + i), launcher));
    }

    /**
     * Starts serve ({@code launcher} is the command line up to the Nightwatch arguments, e.g. {@code java -jar
     * nightwatch.jar}), sends a warm-up storm and then the measured one, stops serve (SIGTERM), counts the measured
     * storm's alerts in the history.
     */
    public static Figure storm(Path dir, List<String> launcher) throws Exception {
        Files.createDirectories(dir);
        int port = freePort();
        Path db = dir.resolve("history.db");
        Process serve = startServe(dir, db, port, launcher);
        WebhookStorm.Result r;
        try {
            awaitListening(port, serve, dir);
            WebhookStorm storm = new WebhookStorm(port, "Storm", 1_000, 10, 8);
            storm.run(Duration.ofSeconds(20)); // warm-up of both JVMs' code paths, a different set of alerts
            r = new WebhookStorm(port, "Ingest", 1_000, 10, 8).run(Duration.ofMinutes(2));
        } finally {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) serve.destroyForcibly();
        }
        long stored;
        try (AlertStore store = AlertStore.open(db)) {
            stored = store.count(AlertQuery.builder().since(Instant.parse("2026-01-01T00:00:00Z")).text("ingest storm alert").build());
        }
        return new Figure(r.seconds(), r.acknowledged().size(), stored, r.refused(), r.failed());
    }

    static Process startServe(Path dir, Path db, int port, List<String> launcher) throws IOException {
        Path profile = dir.resolve("profile.yaml");
        Files.writeString(profile, "services: []\n");
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("serve",
                "--profile", profile.toString(), "--db", db.toString(), "--listen", "127.0.0.1:" + port,
                "--log", dir.resolve("serve.log").toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("serve.out").toFile());
        pb.environment().put("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock"));
        pb.environment().put("HOME", dir.toString());
        pb.environment().remove("XDG_CONFIG_HOME");
        pb.environment().remove("XDG_DATA_HOME");
        pb.environment().remove("XDG_STATE_HOME");
        return pb.start();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void awaitListening(int port, Process serve, Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!serve.isAlive()) throw new IllegalStateException("serve exited: " + Files.readString(dir.resolve("serve.out")));
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("serve did not listen within 30 s: " + Files.readString(dir.resolve("serve.out")));
    }
}
