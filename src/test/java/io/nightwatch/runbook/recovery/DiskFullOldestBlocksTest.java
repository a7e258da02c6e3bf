package io.nightwatch.runbook.recovery;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.Step;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The real Prometheus whose data volume really fills with its own TSDB blocks: six 2-hour blocks of a day ago, made
 * by the real {@code promtool tsdb create-blocks-from openmetrics}, on a tmpfs only 1 MiB larger than they are.
 * disk-full with {@code delete-oldest yes} deletes the oldest blocks through the admin API ({@code delete_series},
 * {@code clean_tombstones}) until 40 % is free, and the flow monitor shows samples appended again. Compaction of the
 * seeded blocks is switched off (min = max block duration) so the blocks stay the test's.
 */
@EngineTest
class DiskFullOldestBlocksTest {

    private static final int SERIES = 120;
    private static final int STEP_SECONDS = 10;
    private static final int BLOCKS = 6;

    @Test
    void theOldestBlocksAreDeletedThroughTheAdminApiUntilTheTargetIsFree(@TempDir Path dir) throws Exception {
        TestEngine engine = TestEngine.shared();
        Path blocks = seedBlocks(dir);
        long seeded;
        try (Stream<Path> files = Files.walk(blocks)) {
            seeded = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        long volume = seeded + 1024 * 1024;
        Path config = Files.createDirectories(dir.resolve("prometheus"));
        Files.writeString(config.resolve("prometheus.yml"), "global:\n  scrape_interval: 2s\nscrape_configs:\n"
                + "  - job_name: prometheus\n    static_configs:\n      - targets: ['127.0.0.1:9090']\n");
        engine.docker("rm", "-f", "-v", "sva-studio-prometheus");
        engine.docker("run", "-d", "--name", "sva-studio-prometheus", "--network", "host",
                "--label", "com.docker.compose.project=sva-studio", "--label", "com.docker.compose.service=prometheus",
                "--mount", "type=tmpfs,destination=/prometheus,tmpfs-size=" + volume,
                "-v", config + ":/etc/prometheus:ro", "-v", blocks + ":/seed:ro",
                "--entrypoint", "/bin/sh", TestEngine.PROMETHEUS, "-c", "busybox cp -r /seed/. /prometheus/ && exec /usr/bin/prometheus \"$@\"", "sh",
                "--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus",
                "--storage.tsdb.min-block-duration=2h", "--storage.tsdb.max-block-duration=2h",
                "--web.listen-address=127.0.0.1:9090", "--web.enable-admin-api");
        try {
            awaitReady();
            double before = freePercent(engine);
            assertTrue(before < 25, "the volume is nearly full: " + before + " % free");
            int blocksBefore = blockCount(engine);
            assertEquals(BLOCKS, blocksBefore, "Prometheus loaded the seeded blocks");

            StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString())
                    .withTimings(Duration.ofMillis(500), Duration.ofSeconds(2));
            VerifyRecovered.Timing timing = new VerifyRecovered.Timing(Duration.ofSeconds(60),
                    new FlowSettings(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofMinutes(1), false));
            try (DockerGateway gateway = DockerGateway.connect(EngineAddress.resolve(profile.hosts().get(0), Map.of()))) {
                RecoveryRunbook.Context context = new RecoveryRunbook.Context(profile, Map.of(), h -> gateway, dir.resolve("backups"), timing);
                Map<String, String> params = Map.of("service", "prometheus", "target-free", "40", "delete-oldest", "yes");
                List<String> output = new CopyOnWriteArrayList<>();
                RunResult r = new RunbookRunner(dir.resolve("runs"), Clock.systemUTC()).run(
                        Recoveries.find(context, "disk-full").orElseThrow().build(params), params, new RunListener() {
                            @Override
                            public void output(Step s, String line) { output.add(s.id() + ": " + line); }
                        });
                String all = String.join("\n", output);
                assertEquals(RunResult.Outcome.SUCCEEDED, r.outcome(), r.message() + "\n" + all);
                assertTrue(all.contains("oldest block(s) up to"), all);
                assertTrue(all.contains("delete-oldest-prometheus: deleted every series' samples before"), all);
                assertTrue(all.contains("delete-oldest-prometheus: tombstones cleaned"), all);
                assertTrue(all.contains("prometheus.samples-appended FLOWING"), all);
            }
            double after = freePercent(engine);
            assertTrue(after >= 40, "space is back: " + after + " % free (was " + before + ")");
            int blocksAfter = blockCount(engine);
            assertTrue(blocksAfter < blocksBefore && blocksAfter >= 1, "the oldest blocks are gone, the newest stays: " + blocksAfter);
        } finally {
            engine.docker("rm", "-f", "-v", "sva-studio-prometheus");
        }
    }

    /** Six 2-hour blocks of random samples (they do not compress) ending a day ago, written by the real promtool. */
    private static Path seedBlocks(Path dir) throws Exception {
        Path input = dir.resolve("seed.om");
        long blockSeconds = 2 * 3600;
        long start = (Instant.now().minus(Duration.ofHours(36)).getEpochSecond() / blockSeconds) * blockSeconds;
        Random random = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(input)) {
            w.write("# TYPE nw_filler gauge\n");
            for (int s = 0; s < SERIES; s++) {
                for (long t = start; t < start + BLOCKS * blockSeconds; t += STEP_SECONDS) {
                    w.write("nw_filler{series=\"" + s + "\"} " + random.nextDouble() + " " + t + "\n");
                }
            }
            w.write("# EOF\n");
        }
        Path out = Files.createDirectories(dir.resolve("blocks"));
        Process p = new ProcessBuilder("promtool", "tsdb", "create-blocks-from", "openmetrics", "-q", input.toString(), out.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "promtool ends within 2 min");
        assertEquals(0, p.exitValue(), "promtool (Debian's prometheus package) made the blocks: " + said);
        Files.delete(input);
        return out;
    }

    private static double freePercent(TestEngine engine) {
        String[] f = engine.docker("exec", "sva-studio-prometheus", "sh", "-c", "df -k /prometheus | tail -1").trim().split("\\s+");
        return 100.0 * Long.parseLong(f[3]) / Long.parseLong(f[1]);
    }

    private static int blockCount(TestEngine engine) {
        String ls = engine.docker("exec", "sva-studio-prometheus", "sh", "-c", "ls -d /prometheus/*/meta.json 2>/dev/null; true").strip();
        return ls.isEmpty() ? 0 : ls.split("\n").length;
    }

    private static void awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:9090/-/ready")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return;
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(300);
        }
        fail("Prometheus did not start within 30 s");
    }
}
