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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/**
 * disk-full with {@code retention 2d} on the testbed's real Prometheus (retention 7d): the image change runbook
 * recreates it from the same image with only that flag changed, the health gate passes, and the flow monitor shows
 * samples appended again.
 */
@EngineTest
class DiskFullRetentionTest {

    @Test
    void aLowerRetentionIsSetThroughTheImageChangeRunbookKeepingEveryOtherFlag(@TempDir Path dir) throws Exception {
        TestEngine engine = TestEngine.shared();
        engine.runReferenceServices();
        String before = engine.docker("inspect", "-f", "{{json .Config.Cmd}}", "sva-studio-prometheus").strip();
        assertTrue(before.contains("--storage.tsdb.retention.time=7d"), before);
        StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString())
                .withTimings(Duration.ofMillis(500), Duration.ofSeconds(2));
        try (DockerGateway gateway = DockerGateway.connect(EngineAddress.resolve(profile.hosts().get(0), Map.of()))) {
            RecoveryRunbook.Context context = new RecoveryRunbook.Context(profile, Map.of(), h -> gateway, dir.resolve("data/backups"),
                    RedisDownRecoveryTest.FAST);
            Map<String, String> params = Map.of("service", "prometheus", "target-free", "1", "retention", "2d");
            List<String> output = new CopyOnWriteArrayList<>();
            RunResult r = new RunbookRunner(dir.resolve("runs"), Clock.systemUTC()).run(
                    Recoveries.find(context, "disk-full").orElseThrow().build(params), params, new RunListener() {
                        @Override
                        public void output(Step s, String line) { output.add(s.id() + ": " + line); }
                    });
            String all = String.join("\n", output);
            assertEquals(RunResult.Outcome.SUCCEEDED, r.outcome(), r.message() + "\n" + all);
            assertTrue(all.contains("--storage.tsdb.retention.time=2d"), "the plan shows the changed flag: " + all);
            assertTrue(all.contains("prometheus.samples-appended FLOWING"), all);
        } finally {
            String kept = engine.docker("ps", "-aq", "--filter", "name=sva-studio-prometheus-kept-").strip();
            if (!kept.isEmpty()) engine.docker("rm", "-f", kept.split("\\s+")[0]);
        }
        String after = engine.docker("inspect", "-f", "{{json .Config.Cmd}}", "sva-studio-prometheus").strip();
        assertEquals(before.replace("\"--storage.tsdb.retention.time=7d\",", "").replace("]", ",\"--storage.tsdb.retention.time=2d\"]"), after,
                "only the retention changed");
        String flags = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:9090/api/v1/status/flags")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(flags.contains("\"storage.tsdb.retention.time\":\"2d\""), flags);
    }
}
