package io.nightwatch.runbook.backup;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.io.RandomAccessFile;
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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Backup and restore round trips on the real Prometheus and Redis of the testbed, and the faults that matter. */
@EngineTest
class BackupRestoreIntegrationTest {

    private static TestEngine engine;
    private static DockerGateway gateway;
    private static StackProfile profile;

    @BeforeAll
    static void start() {
        engine = TestEngine.shared();
        profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString());
        gateway = DockerGateway.connect(EngineAddress.resolve(profile.hosts().get(0), Map.of()));
    }

    @AfterAll
    static void close() {
        if (gateway != null) gateway.close();
    }

    private BackupRunbook backup(Path root) {
        return new BackupRunbook(profile, Map.of(), h -> gateway, root, Clock.systemUTC());
    }

    private RestoreRunbook restore() {
        return new RestoreRunbook(profile, Map.of(), h -> gateway, Clock.systemUTC());
    }

    private static RunResult run(Path journals, Runbook runbook, Map<String, String> params) {
        return new RunbookRunner(journals, Clock.systemUTC()).run(runbook, params, new RunListener() { });
    }

    private static Path onlySet(Path root) throws Exception {
        try (Stream<Path> sets = Files.list(root)) {
            return sets.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("safety-")).findFirst().orElseThrow();
        }
    }

    private static double seriesNow() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:9090/api/v1/query?query=count(%7B__name__%3D~%22.%2B%22%7D)")).build(), HttpResponse.BodyHandlers.ofString());
        var result = BackupManifest.JSON.readTree(r.body()).path("data").path("result");
        return result.size() == 0 ? 0 : result.get(0).path("value").path(1).asDouble();
    }

    @Test
    void prometheusAndRedisSurviveLosingTheirDataThroughBackupAndRestore(@TempDir Path dir) throws Exception {
        engine.runReferenceServices();
        try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
            for (int i = 0; i < 50; i++) redis.set("session:user-" + i, "token-" + i);
            redis.setex("login_state:abc", 600, "pending");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (seriesNow() < 10 && System.nanoTime() < deadline) Thread.sleep(500);
        assertTrue(seriesNow() >= 10, "Prometheus has scraped itself");

        Path root = dir.resolve("backups");
        Map<String, String> params = Map.of("services", "prometheus,redis", "to", root.toString());
        RunResult backedUp = run(dir.resolve("runs"), backup(root).build(params), params);
        assertEquals(RunResult.Outcome.SUCCEEDED, backedUp.outcome(), backedUp.message());
        Path set = onlySet(root);
        BackupSets.SetInfo info = BackupSets.describe(set);
        assertTrue(info.complete() && info.verified(), info.toString());
        BackupManifest manifest = info.manifest().orElseThrow();
        assertEquals("51", manifest.service("redis").orElseThrow().facts().get("keys"));
        assertTrue(manifest.service("prometheus").orElseThrow().files().stream().anyMatch(f -> f.path().endsWith("meta.json")));
        assertEquals("", engine.docker("exec", "sva-studio-prometheus", "ls", "/prometheus/snapshots").strip(), "the snapshot was removed");

        // The night's accident: both lose their data.
        try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
            redis.flushAll();
        }
        engine.docker("stop", "sva-studio-prometheus");
        engine.docker("run", "--rm", "--volumes-from", "sva-studio-prometheus", TestEngine.BUSYBOX, "sh", "-c", "rm -rf /prometheus/*");
        engine.docker("start", "sva-studio-prometheus");

        Map<String, String> restoreParams = Map.of("set", set.toString(), "services", "prometheus,redis");
        RunResult restored = run(dir.resolve("runs"), restore().build(restoreParams), restoreParams);
        assertEquals(RunResult.Outcome.SUCCEEDED, restored.outcome(), restored.message());
        try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
            assertEquals(51, redis.dbSize());
            assertEquals("token-7", redis.get("session:user-7"));
            assertTrue(redis.ttl("login_state:abc") > 0, "TTLs survive");
        }
        long newest = SetVerifier.verify(set, b -> { }).newestPrometheusMillis();
        HttpResponse<String> at = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:9090/api/v1/query?query=count(up)&time=" + (newest - 1) / 1000.0)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(at.body().contains("\"result\":[{"), "the snapshot's newest samples are queryable: " + at.body());
        assertTrue(Files.readString(restored.journal()).contains("run-finished"), "the RTO is in the journal");
    }

    @Test
    void aFlippedBitIsNamedAndTheRestoreTouchesNothing(@TempDir Path dir) throws Exception {
        engine.runReferenceServices();
        try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
            redis.set("session:keep", "me");
        }
        Path root = dir.resolve("backups");
        Map<String, String> params = Map.of("services", "prometheus,redis", "to", root.toString());
        assertEquals(RunResult.Outcome.SUCCEEDED, run(dir.resolve("runs"), backup(root).build(params), params).outcome());
        Path set = onlySet(root);
        Path rdb = set.resolve("redis/dump.rdb");
        try (RandomAccessFile f = new RandomAccessFile(rdb.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0x01);
        }
        SetVerifier.Report report = SetVerifier.verify(set, b -> { });
        assertFalse(report.ok());
        assertEquals(List.of("redis/dump.rdb: checksum mismatch (the file changed or is damaged)"), report.problems());

        try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
            redis.set("session:new", "after the backup");
        }
        // Prometheus' files are fine and staged first; Redis' damaged file must still leave both untouched.
        var promBefore = gateway.inspect("sva-studio-prometheus").orElseThrow().startedAt();
        var redisBefore = gateway.inspect("sva-studio-redis").orElseThrow().startedAt();
        Map<String, String> restoreParams = Map.of("set", set.toString(), "services", "prometheus,redis");
        RunResult r = run(dir.resolve("runs"), restore().build(restoreParams), restoreParams);
        assertEquals(RunResult.Outcome.FAILED_COMPENSATED, r.outcome(), r.message());
        assertTrue(r.message().contains("redis/dump.rdb: checksum mismatch"), r.message());
        assertTrue(r.message().contains("redis was not stopped"), r.message());
        try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
            assertEquals("after the backup", redis.get("session:new"), "nothing was touched");
        }
        assertEquals(promBefore, gateway.inspect("sva-studio-prometheus").orElseThrow().startedAt(), "Prometheus was never stopped");
        assertEquals(redisBefore, gateway.inspect("sva-studio-redis").orElseThrow().startedAt(), "Redis was never stopped");
        for (String[] c : new String[][] {{"sva-studio-prometheus", "/prometheus"}, {"sva-studio-redis", "/data"}}) {
            String names = engine.docker("run", "--rm", "--volumes-from", c[0], TestEngine.BUSYBOX, "ls", "-a", c[1]);
            assertFalse(names.contains(".nightwatch-"), "no staging folder left in " + c[0] + ": " + names);
        }
    }

    @Test
    void aFullDiskEndsClearlyAndLeavesNoSetBehind(@TempDir Path dir) throws Exception {
        engine.runReferenceServices();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (seriesNow() < 10 && System.nanoTime() < deadline) Thread.sleep(500);
        Path tiny = Files.createDirectories(dir.resolve("tiny"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", tiny.toString()).inheritIO().start();
        assertEquals(0, mount.waitFor(), "mount a 4 KiB tmpfs (the test runs as root)");
        try {
            Map<String, String> params = Map.of("services", "prometheus", "to", tiny.toString());
            RunResult r = run(dir.resolve("runs"), backup(tiny).build(params), params);
            assertNotEquals(RunResult.Outcome.SUCCEEDED, r.outcome());
            assertTrue(r.message().contains("No space left on device"), r.message());
            try (Stream<Path> left = Files.list(tiny)) {
                assertEquals(0, left.count(), "the incomplete set was removed");
            }
            assertEquals("", engine.docker("exec", "sva-studio-prometheus", "ls", "/prometheus/snapshots").strip(),
                    "the snapshot was cleaned up too");
        } finally {
            new ProcessBuilder("umount", tiny.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aSetWithoutManifestIsListedAsIncompleteAndNotRestorable(@TempDir Path dir) throws Exception {
        Path partial = Files.createDirectories(dir.resolve("20261125-030000-local/redis"));
        Files.writeString(partial.resolve("dump.rdb"), "REDIS0011");
        BackupSets.SetInfo info = BackupSets.list(dir).get(0);
        assertFalse(info.complete());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> restore().build(Map.of("set", partial.getParent().toString(), "services", "redis")));
        assertTrue(e.getMessage().contains("is not a complete backup set"), e.getMessage());
        assertNotNull(DockerHostSpec.LOCAL);
    }

    @Test
    void containerKilledMidBackupEndsWithAClearMessageAndNoSet(@TempDir Path dir) throws Exception {
        engine.runReferenceServices();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (seriesNow() < 10 && System.nanoTime() < deadline) Thread.sleep(500);
        Path root = dir.resolve("backups");
        Map<String, String> params = Map.of("services", "prometheus", "to", root.toString());
        try {
            RunResult r = new RunbookRunner(dir.resolve("runs"), Clock.systemUTC()).run(backup(root).build(params), params,
                    new RunListener() {
                        @Override
                        public void stepStarted(int index, io.nightwatch.runbook.Step s) {
                            if (s.id().startsWith("snapshot-")) engine.docker("kill", "sva-studio-prometheus");
                        }
                    });
            assertNotEquals(RunResult.Outcome.SUCCEEDED, r.outcome());
            assertTrue(r.message().contains("sva-studio-prometheus"), r.message());
            assertTrue(BackupSets.list(root).stream().noneMatch(BackupSets.SetInfo::complete), "no set claims to be complete");
        } finally {
            engine.runReferenceServices();
        }
    }

    /** Killed once its snapshot exists: the snapshot is consistent and the archive API reads stopped containers. */
    @Test
    void containerKilledAfterItsSnapshotStillGivesAVerifiedSetAndLeavesNoSnapshot(@TempDir Path dir) throws Exception {
        engine.runReferenceServices();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (seriesNow() < 10 && System.nanoTime() < deadline) Thread.sleep(500);
        Path root = dir.resolve("backups");
        Map<String, String> params = Map.of("services", "prometheus", "to", root.toString());
        try {
            RunResult r = new RunbookRunner(dir.resolve("runs"), Clock.systemUTC()).run(backup(root).build(params), params,
                    new RunListener() {
                        @Override
                        public void stepStarted(int index, io.nightwatch.runbook.Step s) {
                            if (s.id().startsWith("copy-")) engine.docker("kill", "sva-studio-prometheus");
                        }
                    });
            assertEquals(RunResult.Outcome.SUCCEEDED, r.outcome(), r.message());
            assertFalse(r.message().contains("Warning"), "the snapshot was removed by a helper from the image itself: " + r.message());
            assertTrue(BackupSets.describe(onlySet(root)).verified());
            assertEquals("", engine.docker("run", "--rm", "--volumes-from", "sva-studio-prometheus", TestEngine.BUSYBOX,
                    "ls", "/prometheus/snapshots").strip());
        } finally {
            engine.runReferenceServices();
        }
    }
}
