package io.nightwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The {@code status} command as a script sees it: a separate process, stdout, exit codes. */
@EngineTest
class StatusCliIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestEngine engine;

    @BeforeAll
    static void startTestbed() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    private static ProcessBuilder nightwatch(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.nightwatch.Nightwatch"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DOCKER_HOST");
        pb.environment().put("HOME", System.getProperty("java.io.tmpdir")); // no operator profile of this machine
        pb.environment().remove("XDG_CONFIG_HOME");
        return pb;
    }

    @Test
    void jsonDocumentCarriesEveryTileAndTheExitCode() throws Exception {
        Process p = nightwatch("status", "--host", engine.dockerHost().toString(), "--json").redirectErrorStream(false).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), "four reference services are absent here → DOWN → exit 2\n" + stdout);
        JsonNode doc = JSON.readTree(stdout);
        assertTrue(doc.path("engines").get(0).path("reachable").asBoolean());
        JsonNode prometheus = find(doc, "prometheus");
        assertEquals("UP", prometheus.path("state").asText());
        assertEquals("direct", prometheus.path("transport").asText());
        assertEquals("2.42.0", prometheus.path("version").asText());
        assertEquals(536870912L, prometheus.path("containerFacts").path("memoryLimitBytes").asLong());
        assertEquals(1.0, prometheus.path("containerFacts").path("cpuLimit").asDouble());
        assertTrue(prometheus.path("memoryUsedBytes").asLong() > 0);
        assertTrue(prometheus.path("latencyMs").isNumber());
        assertEquals("DOWN", find(doc, "loki").path("state").asText());
        assertEquals("no container sva-studio-loki on local", find(doc, "loki").path("reason").asText());
    }

    @Test
    void textOutputHasOneLinePerService() throws Exception {
        Process p = nightwatch("status", "--host", engine.dockerHost().toString()).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        List<String> lines = stdout.lines().toList();
        assertTrue(lines.get(0).startsWith("engine local"), stdout);
        assertEquals(7, lines.stream().filter(l -> l.matches("^(UP|DOWN|DEGRADED|UNKNOWN) .*")).count(), stdout);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("UP") && l.contains("redis") && l.contains("PING → PONG")), stdout);
    }

    @Test
    void textOutputInGermanNamesTheSameServicesInGermanWords() throws Exception {
        Process p = nightwatch("status", "--lang", "de", "--host", engine.dockerHost().toString()).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), "the exit codes do not change with the language\n" + stdout);
        List<String> lines = stdout.lines().toList();
        assertTrue(lines.get(0).startsWith("Engine local"), stdout);
        assertEquals(7, lines.stream().filter(l -> l.matches("^(läuft|ausgefallen|eingeschränkt|unbekannt) .*")).count(), stdout);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("läuft") && l.contains("redis")), stdout);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ausgefallen") && l.contains("loki")), stdout);
    }

    @Test
    void watchPrintsOneJsonLinePerChangeWithinASecondOfAKill() throws Exception {
        Process p = nightwatch("status", "--watch", "--json", "--interval", "30", "--host", engine.dockerHost().toString()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) lines.add(line);
            } catch (Exception ignored) {
                // process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            awaitLine(lines, n -> n.path("service").asText().equals("redis") && n.path("state").asText().equals("UP"), Duration.ofSeconds(30));
            Thread.sleep(300);
            engine.docker("kill", "sva-studio-alertmanager");
            Instant killed = Instant.now();
            JsonNode down = awaitLine(lines, n -> n.path("service").asText().equals("alertmanager")
                    && n.path("state").asText().equals("DOWN"), Duration.ofSeconds(5));
            Instant reported = Instant.now();
            assertEquals("UP", down.path("previous").asText());
            Instant stamped = Instant.parse(down.path("time").asText());
            long latencyMs = Duration.between(killed, reported).toMillis();
            assertTrue(latencyMs <= 1000, "DOWN line arrived " + latencyMs + " ms after docker kill");
            assertFalse(stamped.isBefore(killed.minusSeconds(1)), "ISO-8601 time of the change: " + stamped);
            System.out.printf("[status --watch] alertmanager DOWN line %d ms after docker kill%n", latencyMs);
        } finally {
            p.destroy(); // SIGTERM: the command stops cleanly
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "status --watch stops on SIGTERM");
            engine.runReferenceServices();
        }
    }

    private static JsonNode awaitLine(BlockingQueue<String> lines, java.util.function.Predicate<JsonNode> match, Duration limit)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) fail("no matching line within " + limit);
            String line = lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) continue;
            JsonNode node = JSON.readTree(line);
            if (match.test(node)) return node;
        }
    }

    private static JsonNode find(JsonNode doc, String service) {
        for (JsonNode s : doc.path("services")) if (s.path("service").asText().equals(service)) return s;
        throw new AssertionError("no " + service + " in " + doc);
    }
}
