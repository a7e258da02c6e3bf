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
 * The restore stages the set beside the running service's data and swaps it in after the stop, keeping the old data
 * as a safety copy on the same volume, on the real Redis of the testbed: a damaged set file fails the staging while
 * Redis still runs (never stopped, its data untouched, no staging folder left); a service that dies on the restored
 * data at its health gate gets its old data back; nothing of Nightwatch's is left in the data directory,
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
    void theRestoreStagesBeforeItStopsAndSwapsAfter(@TempDir Path dir) throws Exception {
        Path set = setThenNewData(dir);
        Map<String, String> params = Map.of("set", set.toString(), "services", "redis");
        List<String> ids = new RestoreRunbook(profile, Map.of(), h -> gateway, Clock.systemUTC()).build(params).steps().stream()
                .map(Step::id).toList();
        assertEquals(List.of("check-set", "stage-redis"), ids.subList(0, 2), ids.toString());
        assertTrue(ids.indexOf("stop-redis") < ids.indexOf("swap-redis") && ids.indexOf("swap-redis") < ids.indexOf("start-redis"), ids.toString());
        assertFalse(ids.contains("verify-set") || ids.contains("safety-copy-redis") || ids.contains("replace-data-redis"), ids.toString());
    }

    @Test
    @Timeout(180)
    void aDamagedSetFileFailsWhileStagedAndTheServiceIsNeverStopped(@TempDir Path dir) throws Exception {
        Path set = setThenNewData(dir);
        // the RDB header and the size stay right: only the SHA-256 can tell
        try (RandomAccessFile f = new RandomAccessFile(set.resolve("redis/dump.rdb").toFile(), "rw")) {
            f.seek(f.length() - 1);
            int b = f.read();
            f.seek(f.length() - 1);
            f.write(b ^ 0x01);
        }
        Object startedBefore = gateway.inspect(REDIS).orElseThrow().startedAt();
        List<String> started = new ArrayList<>();
        RunResult r = restore(dir, set, new RunListener() {
            @Override
            public void stepStarted(int index, Step s) {
                started.add(s.id());
            }
        });

        assertEquals(RunResult.Outcome.FAILED_COMPENSATED, r.outcome(), r.message());
        assertTrue(r.message().contains("redis/dump.rdb: checksum mismatch"), r.message());
        assertEquals(List.of("check-set", "stage-redis"), started, "nothing after the staging ran");
        assertFalse(r.message().contains("Warning"), "the staging folder is gone, nothing left to do: " + r.message());
        assertTrue(gateway.inspect(REDIS).orElseThrow().running(), "never stopped");
        assertEquals(startedBefore, gateway.inspect(REDIS).orElseThrow().startedAt(), "never restarted");
        try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
            assertEquals("today's data", redis.get("session:new"), "its data is untouched");
        }
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
        TreeSet<String> entries = dataEntries();
        assertEquals(1, entries.stream().filter(n -> n.startsWith(InEngineSafetyCopy.PREFIX)).count(), "the safety folder is kept: " + entries);
        assertTrue(entries.stream().noneMatch(n -> n.startsWith(RestoreSteps.StageData.PREFIX)), "no staging folder left: " + entries);
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

    /** Runs {@link RestoreCrashChild} and kills it once the swap's moves are done but not journaled; the run it left. */
    private static io.nightwatch.runbook.InterruptedRun crashAfterTheSwapMoved(Path dir, Path set) throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(javaBin, "-Xmx128m", "-cp", classPath, RestoreCrashChild.class.getName(),
                dir.resolve("runs").toString(), set.toString(), engine.dockerHost().toString())
                .redirectError(dir.resolve("child.err").toFile()).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("BLOCKED")) {
                // the child's other output
            }
            assertEquals("BLOCKED", line, "the child never reached the swap: " + Files.readString(dir.resolve("child.err")));
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(20, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            if (child.isAlive()) child.destroyForcibly();
        }
        List<io.nightwatch.runbook.InterruptedRun> found = runner(dir).interrupted();
        assertEquals(1, found.size(), "the killed run is found");
        assertEquals(java.util.Optional.of("swap-redis"), found.get(0).stoppedInStep());
        return found.get(0);
    }

    private static io.nightwatch.runbook.RunbookRegistry registry() {
        return new io.nightwatch.runbook.RunbookRegistry(List.of(new RestoreRunbook(profile, Map.of(), h -> gateway, Clock.systemUTC())));
    }

    @Test
    @Timeout(240)
    void aCrashAfterTheSwapMovedResumesToTheSetsData(@TempDir Path dir) throws Exception {
        Path set = setThenNewData(dir);
        io.nightwatch.runbook.InterruptedRun run = crashAfterTheSwapMoved(dir, set);

        // the swap runs again over its own finished work: it must not set the restored files aside as "old data"
        RunResult r = runner(dir).resume(run, registry(), new RunListener() { });
        assertEquals(RunResult.Outcome.SUCCEEDED, r.outcome(), r.message());
        try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
            assertEquals("from the set", redis.get("session:old"));
            assertNull(redis.get("session:new"), "restored to the set");
        }
        TreeSet<String> entries = dataEntries();
        assertTrue(entries.stream().noneMatch(n -> n.startsWith(RestoreSteps.StageData.PREFIX)), "no staging folder left: " + entries);
        assertEquals(1, entries.stream().filter(n -> n.startsWith(InEngineSafetyCopy.PREFIX)).count(), entries.toString());
    }

    @Test
    @Timeout(240)
    void aCrashAfterTheSwapMovedAbortsToTodaysData(@TempDir Path dir) throws Exception {
        Path set = setThenNewData(dir);
        io.nightwatch.runbook.InterruptedRun run = crashAfterTheSwapMoved(dir, set);

        RunResult r = runner(dir).abort(run, registry(), new RunListener() { });
        assertNotEquals(RunResult.Outcome.FAILED_COMPENSATION_INCOMPLETE, r.outcome(), r.message());
        assertFalse(r.message().contains("DID NOT COMPLETE"), r.message());
        assertTodaysDataIsBack();
    }
}
