package io.nightwatch.runbook.recovery;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The real Prometheus on a data volume that really fills: a 48 MiB tmpfs mount at /prometheus, filled by a snapshot
 * folder a backup left behind. disk-full finds what uses the space, removes the leftover and proves ingestion with
 * the flow monitor.
 */
@EngineTest
class DiskFullRecoveryTest {

    @Test
    void aFullPrometheusVolumeIsSurveyedFreedAndProvenFlowing(@TempDir Path dir) throws Exception {
        TestEngine engine = TestEngine.shared();
        Path config = Files.createDirectories(dir.resolve("prometheus"));
        Files.writeString(config.resolve("prometheus.yml"), "global:\n  scrape_interval: 1s\nscrape_configs:\n"
                + "  - job_name: prometheus\n    static_configs:\n      - targets: ['127.0.0.1:9090']\n");
        engine.docker("rm", "-f", "-v", "sva-studio-prometheus");
        engine.docker("run", "-d", "--name", "sva-studio-prometheus", "--network", "host",
                "--label", "com.docker.compose.project=sva-studio", "--label", "com.docker.compose.service=prometheus",
                "--mount", "type=tmpfs,destination=/prometheus,tmpfs-size=50331648",
                "-v", config + ":/etc/prometheus:ro", TestEngine.PROMETHEUS,
                "--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus",
                "--web.listen-address=127.0.0.1:9090", "--web.enable-admin-api");
        try {
            awaitHealthy();
            // A backup interrupted before it removed its snapshot; it fills the volume to the last byte.
            engine.docker("exec", "sva-studio-prometheus", "sh", "-c",
                    "mkdir -p /prometheus/snapshots/20261206T031500Z-5f3a && dd if=/dev/zero of=/prometheus/snapshots/20261206T031500Z-5f3a/000001 bs=1M count=64 2>&1; true");
            String df = engine.docker("exec", "sva-studio-prometheus", "sh", "-c", "df -k /prometheus | tail -1");
            assertTrue(df.trim().split("\\s+")[3].matches("\\d{1,4}"), "the volume is really full: " + df);

            StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString())
                    .withTimings(Duration.ofMillis(500), Duration.ofSeconds(2));
            try (DockerGateway gateway = DockerGateway.connect(EngineAddress.resolve(profile.hosts().get(0), Map.of()))) {
                RecoveryRunbook.Context context = new RecoveryRunbook.Context(profile, Map.of(), h -> gateway, dir.resolve("backups"),
                        RedisDownRecoveryTest.FAST);
                Map<String, String> params = Map.of("service", "prometheus", "target-free", "20");
                List<String> output = new CopyOnWriteArrayList<>();
                RunResult r = new RunbookRunner(dir.resolve("runs"), Clock.systemUTC()).run(
                        Recoveries.find(context, "disk-full").orElseThrow().build(params), params, new RunListener() {
                            @Override
                            public void output(Step s, String line) { output.add(s.id() + ": " + line); }
                        });
                String all = String.join("\n", output);
                assertEquals(RunResult.Outcome.SUCCEEDED, r.outcome(), r.message() + "\n" + all);
                assertTrue(all.contains("1 leftover snapshot(s) take"), all);
                assertTrue(all.contains("removing the snapshots reaches 20 % free"), all);
                assertTrue(all.contains("/prometheus/snapshots"), all);
                assertTrue(all.contains("prometheus.samples-appended FLOWING"), all);
                String after = engine.docker("exec", "sva-studio-prometheus", "sh", "-c", "df -k /prometheus | tail -1");
                assertTrue(Long.parseLong(after.trim().split("\\s+")[3]) > 40_000, "space is back: " + after);
            }
        } finally {
            engine.docker("rm", "-f", "-v", "sva-studio-prometheus");
        }
    }

    private static void awaitHealthy() throws Exception {
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
