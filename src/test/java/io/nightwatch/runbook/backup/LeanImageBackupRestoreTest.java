package io.nightwatch.runbook.backup;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.Step;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.Endpoint;
import io.nightwatch.stack.ProbeProtocol;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
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

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Backup and restore of Prometheus on lean images (real Prometheus, real engine): one with only /bin/sh (busybox
 * without links, so no rm, chown or df binaries) and one with no shell at all. Both run as nobody (65534) like
 * prom/prometheus, so the owner of restored files decides whether Prometheus can write again.
 */
@EngineTest
class LeanImageBackupRestoreTest {

    private static final String SH = TestEngine.LEAN_SH_ONLY;
    private static final String BARE = TestEngine.LEAN_NO_SHELL;
    private static TestEngine engine;
    private static DockerGateway gateway;

    @BeforeAll
    static void start() {
        engine = TestEngine.shared();
        gateway = DockerGateway.connect(EngineAddress.resolve(host(Optional.empty()), Map.of()));
    }

    @AfterAll
    static void close() {
        if (gateway != null) gateway.close();
    }

    @BeforeEach
    void leanServices() throws Exception {
        engine.runLeanServices();
        awaitSeries(TestEngine.LEAN_SH_ONLY_PORT);
        awaitSeries(TestEngine.LEAN_NO_SHELL_PORT);
    }

    private static DockerHostSpec host(Optional<String> helperImage) {
        DockerHostSpec h = DockerHostSpec.fromEnvironment("local").withAddress(engine.dockerHost().toString());
        return helperImage.map(h::withHelperImage).orElse(h);
    }

    /** A profile pointing at the lean containers; with a helper image for the host or without. */
    static StackProfile profile(Optional<String> helperImage) {
        return new StackProfile(List.of(host(helperImage)), List.of(
                spec("prom-sh", SH, TestEngine.LEAN_SH_ONLY_PORT), spec("prom-bare", BARE, TestEngine.LEAN_NO_SHELL_PORT)),
                Duration.ofSeconds(2), Duration.ofSeconds(2), "lean images test");
    }

    static ServiceSpec spec(String name, String container, int port) {
        Endpoint health = new Endpoint(ProbeProtocol.HTTP, "127.0.0.1", port, port, "/-/healthy");
        return new ServiceSpec(name, ServiceKind.PROMETHEUS, "local", container, health,
                Optional.of(new Endpoint(ProbeProtocol.HTTP, "127.0.0.1", port, port, "/metrics")), Optional.of("/prometheus"),
                Optional.empty(), false);
    }

    private static RunResult run(Path journals, io.nightwatch.runbook.Runbook runbook, Map<String, String> params, RunListener listener) {
        return new RunbookRunner(journals, Clock.systemUTC()).run(runbook, params, listener);
    }

    private static RunResult backup(Path dir, StackProfile profile, String service, RunListener listener) {
        Map<String, String> params = Map.of("services", service, "to", dir.resolve("backups").toString());
        return run(dir.resolve("runs"), new BackupRunbook(profile, Map.of(), h -> gateway, dir.resolve("backups"), Clock.systemUTC())
                .build(params), params, listener);
    }

    private static RunResult restore(Path dir, StackProfile profile, Path set, String service, RunListener listener) {
        Map<String, String> params = Map.of("set", set.toString(), "services", service);
        return run(dir.resolve("runs"), new RestoreRunbook(profile, Map.of(), h -> gateway, Clock.systemUTC()).build(params), params, listener);
    }

    private static BackupSets.SetInfo onlyVerifiedSet(Path dir) throws Exception {
        List<BackupSets.SetInfo> sets = BackupSets.list(dir.resolve("backups"));
        assertEquals(1, sets.size(), sets.toString());
        assertTrue(sets.get(0).complete() && sets.get(0).verified(), "complete and verified: " + sets.get(0));
        return sets.get(0);
    }

    /** What the snapshots folder holds, read through the archive API (no tool needed in the container). */
    private static List<String> snapshots(String container) throws Exception {
        List<String> names = new ArrayList<>();
        try (InputStream in = gateway.copyOut(container, "/prometheus/snapshots"); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextTarEntry()) != null; ) {
                String[] parts = e.getName().split("/");
                if (parts.length == 2 && e.isDirectory()) names.add(parts[1]);
            }
        }
        return names;
    }

    /** Every owner (uid:gid) under the path as the engine's archive API reports it, with an example entry each. */
    private static Map<String, String> owners(String container, String path) throws Exception {
        Map<String, String> owners = new java.util.TreeMap<>();
        try (InputStream in = gateway.copyOut(container, path); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextTarEntry()) != null; ) owners.putIfAbsent(e.getLongUserId() + ":" + e.getLongGroupId(), e.getName());
        }
        return owners;
    }

    /** The names directly in /prometheus, read through the archive API. */
    private static java.util.Set<String> topNames(String container) throws Exception {
        java.util.Set<String> names = new java.util.TreeSet<>();
        try (InputStream in = gateway.copyOut(container, "/prometheus"); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextTarEntry()) != null; ) {
                String[] parts = e.getName().split("/");
                if (parts.length >= 2) names.add(parts[1]);
            }
        }
        return names;
    }

    private static void wipe(String container) {
        engine.docker("stop", container);
        engine.docker("run", "--rm", "--volumes-from", container, TestEngine.BUSYBOX, "sh", "-c", "rm -rf /prometheus/*");
        engine.docker("start", container);
    }

    private static double series(int port, double at) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/query?query=count(%7B__name__%3D~%22.%2B%22%7D)" + (at > 0 ? "&time=" + at : ""))).build(),
                HttpResponse.BodyHandlers.ofString());
        var result = BackupManifest.JSON.readTree(r.body()).path("data").path("result");
        return result.size() == 0 ? 0 : result.get(0).path("value").path(1).asDouble();
    }

    private static void awaitSeries(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (series(port, 0) >= 10) return;
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(300);
        }
        fail("Prometheus on :" + port + " has no series after 30 s");
    }

    private static void awaitData(int port, Path set) throws Exception {
        long newest = SetVerifier.verify(set, b -> { }).newestPrometheusMillis();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (series(port, (newest - 1) / 1000.0) > 0) return;
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(300);
        }
        fail("the restored samples are not queryable on :" + port);
    }

    private static String line(String message, String containing) {
        return message.lines().filter(l -> l.contains(containing)).findFirst().orElseThrow(() -> new AssertionError(message));
    }

    /** The command the message gives to remove the snapshot by hand (between backquotes, as the window copies it). */
    private static String handCommand(String message) {
        String prefix = "Remove it by hand on that host: `";
        String l = line(message, prefix);
        String rest = l.substring(l.indexOf(prefix) + prefix.length());
        return rest.substring(0, rest.indexOf('`'));
    }

    /** Runs a command line exactly as the operator would paste it into a shell. */
    private static int runByHand(String commandLine) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", commandLine).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "finished");
        assertEquals(0, p.exitValue(), commandLine + "\n" + out);
        return p.exitValue();
    }

    @Test
    @Timeout(180)
    void shOnlyBackupKeepsTheVerifiedCopyWhenTheSnapshotCannotBeRemovedAndSaysHowToRemoveIt(@TempDir Path dir) throws Exception {
        assertThrows(RuntimeException.class, () -> engine.docker("exec", SH, "rm", "-rf", "/tmp/x"), "the image really has no rm binary");

        RunResult r = backup(dir, profile(Optional.empty()), "prom-sh", new RunListener() {
            @Override
            public void stepStarted(int index, Step s) {
                // Something the service's own user cannot delete (root-owned, read-only) pins the snapshot.
                if (s.id().startsWith("remove-snapshot-")) engine.docker("exec", "-u", "0", SH, "sh", "-c",
                        "for d in /prometheus/snapshots/*; do mkdir \"$d/pinned\" && touch \"$d/pinned/f\" && chmod 555 \"$d/pinned\"; done");
            }
        });

        assertEquals(RunResult.Outcome.SUCCEEDED, r.outcome(), r.message());
        onlyVerifiedSet(dir);
        List<String> left = snapshots(SH);
        assertEquals(1, left.size(), "the snapshot is still there");
        String command = handCommand(r.message());
        assertEquals("DOCKER_HOST=" + engine.dockerHost() + " docker exec -u 0 " + SH + " sh -c 'rm -rf -- \"$1\"' sh /prometheus/snapshots/"
                + left.get(0), command);

        runByHand(command);
        assertEquals(List.of(), snapshots(SH), "the command given removed it");
    }

    @Test
    @Timeout(240)
    void shOnlyRestoreGivesTheFilesTheDirectorysOwnerThroughTarHeadersAndItsUndoNeedsNoTool(@TempDir Path dir) throws Exception {
        RunResult b = backup(dir, profile(Optional.empty()), "prom-sh", new RunListener() { });
        assertEquals(RunResult.Outcome.SUCCEEDED, b.outcome(), b.message());
        assertFalse(b.message().contains("Warning"), b.message());
        assertEquals(List.of(), snapshots(SH), "removed with the container's sh (busybox rm)");
        Path set = onlyVerifiedSet(dir).dir();

        wipe(SH);
        RunResult restored = restore(dir, profile(Optional.empty()), set, "prom-sh", new RunListener() { });
        assertEquals(RunResult.Outcome.SUCCEEDED, restored.outcome(), restored.message());
        assertEquals(List.of("65534:65534"), List.copyOf(owners(SH, "/prometheus").keySet()),
                "every restored file has the data directory's owner: " + owners(SH, "/prometheus"));
        assertTrue(topNames(SH).stream().noneMatch(n -> n.startsWith(RestoreSteps.StageData.PREFIX)), "the staging folder is gone: " + topNames(SH));
        awaitData(TestEngine.LEAN_SH_ONLY_PORT, set);

        // The undo of a restore (cancelled once the data is replaced) puts the safety copy back, again without chown or rm.
        AtomicReference<RunbookRunner> runner = new AtomicReference<>(new RunbookRunner(dir.resolve("runs"), Clock.systemUTC()));
        Map<String, String> params = Map.of("set", set.toString(), "services", "prom-sh");
        RunResult cancelled = runner.get().run(new RestoreRunbook(profile(Optional.empty()), Map.of(), h -> gateway, Clock.systemUTC()).build(params),
                params, new RunListener() {
                    @Override
                    public void stepStarted(int index, Step s) {
                        if (s.id().startsWith("start-")) runner.get().cancel();
                    }
                });
        assertEquals(RunResult.Outcome.CANCELLED, cancelled.outcome(), cancelled.message());
        assertFalse(cancelled.message().contains("DID NOT COMPLETE"), cancelled.message());
        assertEquals(List.of("65534:65534"), List.copyOf(owners(SH, "/prometheus").keySet()), "the safety copy is back with its owner");
        awaitData(TestEngine.LEAN_SH_ONLY_PORT, set);
    }

    @Test
    @Timeout(240)
    void withoutAShellAHelperContainerRemovesTheSnapshotAndEmptiesTheDirectoryAndOwnershipStillHolds(@TempDir Path dir) throws Exception {
        assertThrows(RuntimeException.class, () -> engine.docker("exec", BARE, "sh", "-c", "true"), "the image really has no shell");
        StackProfile profile = profile(Optional.of(TestEngine.BUSYBOX));
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        RunResult b = backup(dir, profile, "prom-bare", new RunListener() {
            @Override
            public void output(Step s, String line) {
                lines.add(line);
            }
        });
        assertEquals(RunResult.Outcome.SUCCEEDED, b.outcome(), b.message());
        assertEquals(List.of(), snapshots(BARE));
        assertTrue(lines.stream().anyMatch(l -> l.contains("removed (helper container from " + TestEngine.BUSYBOX)), lines.toString());
        Path set = onlyVerifiedSet(dir).dir();
        assertEquals("", engine.docker("ps", "-aq", "--filter", "label=io.nightwatch.helper=true").strip(), "no helper container is left");

        wipe(BARE);
        RunResult restored = restore(dir, profile, set, "prom-bare", new RunListener() { });
        assertEquals(RunResult.Outcome.SUCCEEDED, restored.outcome(), restored.message());
        assertEquals(List.of("65534:65534"), List.copyOf(owners(BARE, "/prometheus").keySet()), owners(BARE, "/prometheus").toString());
        awaitData(TestEngine.LEAN_NO_SHELL_PORT, set);
    }

    @Test
    @Timeout(180)
    void withoutAShellOrHelperImageTheCopyIsKeptAndTheRestoreRefusesBeforeTouchingTheData(@TempDir Path dir) throws Exception {
        StackProfile profile = profile(Optional.empty());
        RunResult b = backup(dir, profile, "prom-bare", new RunListener() { });
        assertEquals(RunResult.Outcome.SUCCEEDED, b.outcome(), b.message());
        Path set = onlyVerifiedSet(dir).dir();
        List<String> left = snapshots(BARE);
        assertEquals(1, left.size());
        String warning = line(b.message(), "Remove it by hand on that host: ");
        assertTrue(warning.contains("no helper image is named for this host"), warning);
        assertTrue(handCommand(b.message()).endsWith("docker run --rm --network none --volumes-from " + BARE
                + " busybox rm -rf -- /prometheus/snapshots/" + left.get(0)), warning);

        RunResult r = restore(dir, profile, set, "prom-bare", new RunListener() { });
        assertEquals(RunResult.Outcome.FAILED_COMPENSATED, r.outcome(), r.message());
        assertTrue(r.message().contains("helperImage"), r.message());
        assertTrue(gateway.inspect(BARE).orElseThrow().running(), "started again");
        awaitSeries(TestEngine.LEAN_NO_SHELL_PORT);
    }

    @Test
    @Timeout(180)
    void anUndoThatCannotRemoveTheSnapshotGivesTheExactCommandForThatEngine(@TempDir Path dir) throws Exception {
        Path tiny = java.nio.file.Files.createDirectories(dir.resolve("tiny"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", tiny.toString()).inheritIO().start();
        assertEquals(0, mount.waitFor(), "mount a 4 KiB tmpfs (the test runs as root)");
        try {
            Map<String, String> params = Map.of("services", "prom-bare", "to", tiny.toString());
            RunResult r = run(dir.resolve("runs"), new BackupRunbook(profile(Optional.empty()), Map.of(), h -> gateway, tiny, Clock.systemUTC())
                    .build(params), params, new RunListener() { });
            assertEquals(RunResult.Outcome.FAILED_COMPENSATION_INCOMPLETE, r.outcome(), r.message());
            List<String> left = snapshots(BARE);
            assertEquals(1, left.size());
            String command = handCommand(r.message());
            assertEquals("DOCKER_HOST=" + engine.dockerHost() + " docker run --rm --network none --volumes-from " + BARE
                    + " busybox rm -rf -- /prometheus/snapshots/" + left.get(0), command);
            // This engine has no image called busybox (nothing is pulled here): the testbed's busybox stands in for it.
            runByHand(command.replace(" busybox ", " " + TestEngine.BUSYBOX + " "));
            assertEquals(List.of(), snapshots(BARE));
        } finally {
            new ProcessBuilder("umount", tiny.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    @Timeout(180)
    void shOnlyADamagedSetFailsWhileStagedAndItsUndoRemovesTheStagingFolderWithTheContainersShell(@TempDir Path dir) throws Exception {
        RunResult b = backup(dir, profile(Optional.empty()), "prom-sh", new RunListener() { });
        assertEquals(RunResult.Outcome.SUCCEEDED, b.outcome(), b.message());
        Path set = onlyVerifiedSet(dir).dir();
        BackupManifest.ServiceBackup prom = BackupManifest.read(set).services().get(0);
        FileEntry index = prom.files().stream().filter(f -> f.path().endsWith("/index")).findFirst().orElseThrow();
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(set.resolve("prom-sh").resolve(index.path()).toFile(), "rw")) {
            f.seek(f.length() / 2);
            int x = f.read();
            f.seek(f.length() / 2);
            f.write(x ^ 0x01);
        }
        var startedBefore = gateway.inspect(SH).orElseThrow().startedAt();

        RunResult r = restore(dir, profile(Optional.empty()), set, "prom-sh", new RunListener() { });
        assertEquals(RunResult.Outcome.FAILED_COMPENSATED, r.outcome(), r.message());
        assertTrue(r.message().contains("prom-sh/" + index.path() + ": checksum mismatch"), r.message());
        assertFalse(r.message().contains("Warning"), "removed by the container's own sh: " + r.message());
        assertEquals(startedBefore, gateway.inspect(SH).orElseThrow().startedAt(), "never stopped");
        assertTrue(topNames(SH).stream().noneMatch(n -> n.startsWith(".nightwatch-")), "nothing of Nightwatch's left: " + topNames(SH));
        awaitSeries(TestEngine.LEAN_SH_ONLY_PORT);
    }
}
