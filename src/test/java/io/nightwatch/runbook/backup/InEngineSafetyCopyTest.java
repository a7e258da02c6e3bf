package io.nightwatch.runbook.backup;

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
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The restore's safety copy stays inside the engine (a move on the service's own volume), on the real Redis of the
 * testbed: a restore that fails half-way (a set file swapped after its verification, a service that dies on the
 * restored data at its health gate) puts the old data back, nothing of Nightwatch's is left in the data directory,
 * and after a successful restore the message says where the old data is and how to put it back (the command works).
 */
@EngineTest
class InEngineSafetyCopyTest {

    private static final String REDIS = "sva-studio-redis";
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

    @BeforeEach
    void referenceServices() {
        engine.runReferenceServices();
    }

    /** A set of Redis holding "session:old", then Redis moves on: "session:new" is only in today's data. */
    private static Path setThenNewData(Path dir) throws Exception {
        try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
            redis.flushAll();
            redis.set("session:old", "from the set");
        }
        Path root = dir.resolve("backups");
        Map<String, String> params = Map.of("services", "redis", "to", root.toString());
        RunResult b = runner(dir).run(new BackupRunbook(profile, Map.of(), h -> gateway, root, Clock.systemUTC()).build(params), params,
                new RunListener() { });
        assertEquals(RunResult.Outcome.SUCCEEDED, b.outcome(), b.message());
        try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
            redis.set("session:new", "today's data");
        }
        return BackupSets.list(root).get(0).dir();
    }

    private static RunbookRunner runner(Path dir) {
        return new RunbookRunner(dir.resolve("runs"), Clock.systemUTC());
    }

    private static RunResult restore(Path dir, Path set, RunListener listener) {
        Map<String, String> params = Map.of("set", set.toString(), "services", "redis");
        return runner(dir).run(new RestoreRunbook(profile, Map.of(), h -> gateway, Clock.systemUTC()).build(params), params, listener);
    }

    /** The names directly in /data, read through the archive API. */
    private static TreeSet<String> dataEntries() throws Exception {
        TreeSet<String> names = new TreeSet<>();
        try (InputStream in = gateway.copyOut(REDIS, "/data"); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextTarEntry()) != null; ) {
                String[] parts = e.getName().split("/");
                if (parts.length >= 2) names.add(parts[1]);
            }
        }
        return names;
    }

    /** Redis is up again with today's data, and only Redis' own files are in /data. */
    private static void assertTodaysDataIsBack() throws Exception {
        assertTrue(gateway.inspect(REDIS).orElseThrow().running(), "started again");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String now = null;
        while (System.nanoTime() < deadline) {
            try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
                now = redis.get("session:new");
                break;
            } catch (RuntimeException loading) {
                Thread.sleep(200);
            }
        }
        assertEquals("today's data", now, "the old data is intact");
        assertTrue(dataEntries().stream().noneMatch(n -> n.startsWith(".nightwatch-")), "no safety or discard folder left: " + dataEntries());
    }

    @Test
    @Timeout(180)
    void aSetFileSwappedAfterItsVerificationIsCaughtMidWayAndTheOldDataIsPutBack(@TempDir Path dir) throws Exception {
        Path set = setThenNewData(dir);
        List<String> entriesDuringReplace = new ArrayList<>();
        RunResult r = restore(dir, set, new RunListener() {
            @Override
            public void stepStarted(int index, Step s) {
                if (!s.id().equals("replace-data-redis")) return;
                try {
                    entriesDuringReplace.addAll(dataEntries());
                    try (RandomAccessFile f = new RandomAccessFile(set.resolve("redis/dump.rdb").toFile(), "rw")) {
                        f.seek(f.length() - 1);
                        int b = f.read();
                        f.seek(f.length() - 1);
                        f.write(b ^ 0x01);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        assertEquals(RunResult.Outcome.FAILED_COMPENSATED, r.outcome(), r.message());
        assertTrue(r.message().contains("changed since the set was verified"), r.message());
        assertEquals(1, entriesDuringReplace.size(), "the data directory held only the safety folder: " + entriesDuringReplace);
        assertTrue(entriesDuringReplace.get(0).startsWith(InEngineSafetyCopy.PREFIX), entriesDuringReplace.toString());
        assertFalse(r.message().contains("Warning"), "the safety copy is back, nothing left to do: " + r.message());
        assertTodaysDataIsBack();
    }

    @Test
    @Timeout(240)
    void aServiceFailingItsHealthGateOnTheRestoredDataGetsItsOldDataBack(@TempDir Path dir) throws Exception {
        Path set = setThenNewData(dir);
        // A set that verifies (right size, SHA-256 and RDB header) but that Redis cannot load: it exits at start.
        byte[] broken = ("REDIS0011" + "x".repeat(64)).getBytes(StandardCharsets.US_ASCII);
        Files.write(set.resolve("redis/dump.rdb"), broken);
        BackupManifest m = BackupManifest.read(set);
        BackupManifest.ServiceBackup redis = m.services().get(0);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(broken));
        List<FileEntry> files = redis.files().stream().map(f -> f.path().equals("dump.rdb") ? new FileEntry(f.path(), broken.length, sha) : f).toList();
        new BackupManifest(m.format(), m.setId(), m.sourceHost(), m.engine(), m.startedAt(), m.finishedAt(),
                List.of(new BackupManifest.ServiceBackup(redis.service(), redis.kind(), redis.container(), redis.image(), redis.dataPath(),
                        redis.method(), files, redis.facts()))).writeAtomically(set);
        assertTrue(SetVerifier.verify(set, b -> { }).ok(), "the set verifies");

        RunResult r = restore(dir, set, new RunListener() { });

        assertEquals(RunResult.Outcome.FAILED_COMPENSATED, r.outcome(), r.message());
        assertTrue(r.message().contains("\"Start redis and wait until it is healthy\" failed"), r.message());
        assertTodaysDataIsBack();
    }

    @Test
    @Timeout(180)
    void afterASuccessfulRestoreTheMessageSaysWhereTheOldDataIsAndItsCommandPutsItBack(@TempDir Path dir) throws Exception {
        Path set = setThenNewData(dir);
        RunResult r = restore(dir, set, new RunListener() { });
        assertEquals(RunResult.Outcome.SUCCEEDED, r.outcome(), r.message());
        try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
            assertEquals("from the set", redis.get("session:old"));
            assertNull(redis.get("session:new"), "restored to the set");
        }
        String prefix = "To go back to it instead, with " + REDIS + " stopped: `";
        String line = r.message().lines().filter(l -> l.contains(prefix)).findFirst().orElseThrow(() -> new AssertionError(r.message()));
        assertTrue(line.contains("/data/" + InEngineSafetyCopy.PREFIX), line);
        String rest = r.message().substring(r.message().indexOf(prefix) + prefix.length());
        String command = rest.substring(0, rest.indexOf('`'));

        engine.docker("stop", REDIS);
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "finished");
        assertEquals(0, p.exitValue(), command + "\n" + out);
        engine.docker("start", REDIS);
        assertTodaysDataIsBack();
    }
}
