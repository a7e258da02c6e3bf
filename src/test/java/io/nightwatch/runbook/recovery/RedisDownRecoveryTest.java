package io.nightwatch.runbook.recovery;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.backup.BackupRunbook;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/** The real Redis of the testbed loses its data while down; redis-down brings the sessions back from the newest verified set. */
@EngineTest
class RedisDownRecoveryTest {

    static final VerifyRecovered.Timing FAST = new VerifyRecovered.Timing(Duration.ofSeconds(60),
            new FlowSettings(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofMinutes(1), false));

    @Test
    void redisWhoseDataIsDeletedComesBackWithItsSessionsProvenByTheFlowMonitor(@TempDir Path dir) throws Exception {
        TestEngine engine = TestEngine.shared();
        engine.runReferenceServices();
        StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString())
                .withTimings(Duration.ofMillis(500), Duration.ofSeconds(2));
        try (DockerGateway gateway = DockerGateway.connect(EngineAddress.resolve(profile.hosts().get(0), Map.of()))) {
            try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
                for (int i = 0; i < 40; i++) redis.setex("session:user-" + i, 3600, "token-" + i);
            }
            Path root = dir.resolve("backups");
            Map<String, String> backupParams = Map.of("services", "redis", "to", root.toString());
            RunResult backedUp = new RunbookRunner(dir.resolve("runs"), Clock.systemUTC())
                    .run(new BackupRunbook(profile, Map.of(), h -> gateway, root, Clock.systemUTC()).build(backupParams), backupParams, new RunListener() { });
            assertEquals(RunResult.Outcome.SUCCEEDED, backedUp.outcome(), backedUp.message());

            // The night: Redis goes down and its dump is gone with it.
            engine.docker("stop", "sva-studio-redis");
            engine.docker("run", "--rm", "--volumes-from", "sva-studio-redis", TestEngine.BUSYBOX, "sh", "-c", "rm -f /data/*");

            RecoveryRunbook.Context context = new RecoveryRunbook.Context(profile, Map.of(), h -> gateway, root, FAST);
            RecoveryRunbook definition = Recoveries.find(context, "redis-down").orElseThrow();
            Map<String, String> params = Map.of("service", "redis");
            Runbook runbook = definition.build(params);
            List<String> output = new CopyOnWriteArrayList<>();
            RunResult r = new RunbookRunner(dir.resolve("runs"), Clock.systemUTC()).run(runbook, params, new RunListener() {
                @Override
                public void output(Step s, String line) { output.add(s.id() + ": " + line); }
            });
            assertEquals(RunResult.Outcome.SUCCEEDED, r.outcome(), r.message() + "\n" + String.join("\n", output));
            try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
                assertEquals(40, redis.dbSize());
                assertTrue(redis.ttl("session:user-3") > 0, "TTLs survive");
            }
            String all = String.join("\n", output);
            assertTrue(all.contains("diagnose-redis: Redis does not answer"), all);
            assertTrue(all.contains("the data is gone, restoring the set"), all);
            assertTrue(all.contains("40 keys, 40 with a TTL"), all);
            assertTrue(all.contains("sessions created since the backup are lost"), all);
            assertTrue(all.contains("verify-redis: recovered: redis UP"), all);
            assertTrue(all.contains("redis.ops FLOWING"), all);
        }
    }
}
