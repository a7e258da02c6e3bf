package io.nightwatch.docker;

import io.nightwatch.runbook.backup.FileEntry;
import io.nightwatch.runbook.backup.TarExtractor;
import io.nightwatch.runbook.backup.TarPacker;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import io.nightwatch.testbed.Tls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The lean archive transport against the real test engines: the local one over its unix socket and a second one
 * over TCP with mutual TLS. Byte-identical round trips, and the engine's refusals as clear errors.
 */
@EngineTest
class ArchiveStreamsTest {

    private static final String CONTAINER = "nw-archive-test";
    private static TestEngine engine;
    private static Tls remote;

    @BeforeAll
    static void start() throws Exception {
        engine = TestEngine.shared();
        run(engine::docker);
        remote = engine.remoteTlsEngine();
        Path certs = remote.certPath();
        String load = "/usr/bin/docker -H " + engine.dockerHost() + " save " + TestEngine.BUSYBOX + " | /usr/bin/docker --tlsverify"
                + " --tlscacert " + certs.resolve("ca.pem") + " --tlscert " + certs.resolve("cert.pem") + " --tlskey " + certs.resolve("key.pem")
                + " -H " + remote.host() + " load";
        Process p = new ProcessBuilder("bash", "-c", load).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "image transfer to the TLS engine: " + out);
        run(remote::docker);
    }

    private static void run(java.util.function.Function<String[], String> docker) {
        docker.apply(new String[]{"rm", "-f", CONTAINER});
        docker.apply(new String[]{"run", "-d", "--name", CONTAINER, "--network", "none", TestEngine.BUSYBOX, "sleep", "3600"});
        docker.apply(new String[]{"exec", CONTAINER, "mkdir", "-p", "/data/in"});
    }

    @AfterAll
    static void stop() {
        if (engine != null) engine.docker("rm", "-f", CONTAINER);
        if (remote != null) remote.stop();
    }

    private static ArchiveStreams local() {
        return new ArchiveStreams(new EngineAddress(engine.dockerHost().toString(), false, Optional.empty()),
                Duration.ofSeconds(3), Duration.ofSeconds(15));
    }

    private static ArchiveStreams tls() {
        return new ArchiveStreams(new EngineAddress(remote.host().toString(), true, Optional.of(remote.certPath())),
                Duration.ofSeconds(3), Duration.ofSeconds(15));
    }

    /** 0 B, 1 B, just over 1 MiB (one full upload chunk and a bit) and a few MiB, one of them in a folder. */
    private static Path sample(Path dir) throws IOException {
        Random random = new Random(16);
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.write(src.resolve("empty"), new byte[0]);
        Files.write(src.resolve("one byte"), new byte[]{42});
        byte[] big = new byte[(1 << 20) + 17];
        random.nextBytes(big);
        Files.write(src.resolve("just-over-1MiB"), big);
        byte[] few = new byte[3 * (1 << 20) + 5];
        random.nextBytes(few);
        Files.write(Files.createDirectories(src.resolve("sub dir")).resolve("few-MiB"), few);
        return src;
    }

    private static void roundTrip(ArchiveStreams archive, Path dir, String target) throws Exception {
        Path src = sample(dir);
        try (InputStream tar = TarPacker.pack(src, p -> false)) {
            archive.put(CONTAINER, target, tar);
        }
        List<FileEntry> back;
        try (InputStream tar = archive.get(CONTAINER, target)) {
            back = TarExtractor.extract(tar, dir.resolve("back"), 1, n -> { });
        }
        assertEquals(4, back.size(), back.toString());
        for (FileEntry f : back) {
            Path original = src.resolve(f.path());
            assertEquals(-1, Files.mismatch(original, dir.resolve("back").resolve(f.path())), f.path() + " differs");
            assertEquals(Files.size(original), f.size());
            assertEquals(sha256(original), f.sha256(), f.path());
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void roundTripOverTheUnixSocketIsByteIdentical(@TempDir Path dir) throws Exception {
        roundTrip(local(), dir, "/data/in");
    }

    @Test
    void roundTripOverTcpWithTlsIsByteIdentical(@TempDir Path dir) throws Exception {
        roundTrip(tls(), dir, "/data/in");
    }

    @Test
    void usesTheEnginesApiVersion() {
        assertTrue(local().prefix().matches("/v1\\.\\d+"), local().prefix());
    }

    @Test
    void pathsWithSpacesAndOddCharactersAreEncoded(@TempDir Path dir) throws Exception {
        engine.docker("exec", CONTAINER, "mkdir", "-p", "/data/odd name ?&#%+é");
        roundTrip(local(), dir, "/data/odd name ?&#%+é");
    }

    @Test
    void aMissingPathIsAClearErrorWithTheEnginesWords() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> local().get(CONTAINER, "/no/such/path"));
        assertTrue(e.getMessage().contains("not found") && e.getMessage().contains("/no/such/path"), e.getMessage());
        IllegalStateException tlsToo = assertThrows(IllegalStateException.class, () -> tls().get(CONTAINER, "/no/such/path"));
        assertTrue(tlsToo.getMessage().contains("not found"), tlsToo.getMessage());
    }

    @Test
    void aMissingContainerIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> local().get("nw-no-such-container", "/data"));
        assertTrue(e.getMessage().toLowerCase().contains("no such container"), e.getMessage());
    }

    @Test
    void anUploadIntoAMissingFolderIsRefusedBeforeAnythingIsSent(@TempDir Path dir) throws Exception {
        Path src = sample(dir);
        try (InputStream tar = TarPacker.pack(src, p -> false)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> local().put(CONTAINER, "/no/such/folder", tar));
            assertTrue(e.getMessage().contains("not found") && e.getMessage().contains("/no/such/folder"), e.getMessage());
        }
    }

    @Test
    void aStoppedContainerStillTakesAndGivesItsFiles(@TempDir Path dir) throws Exception {
        engine.docker("rm", "-f", "nw-archive-stopped");
        engine.docker("create", "--name", "nw-archive-stopped", "--network", "none", TestEngine.BUSYBOX, "sleep", "1");
        try {
            Path src = sample(dir);
            try (InputStream tar = TarPacker.pack(src, p -> false)) {
                local().put("nw-archive-stopped", "/tmp", tar);
            }
            try (InputStream tar = local().get("nw-archive-stopped", "/tmp/sub dir/few-MiB")) {
                List<FileEntry> back = TarExtractor.extract(tar, dir.resolve("back"), 0, n -> { });
                assertEquals(sha256(src.resolve("sub dir/few-MiB")), back.get(0).sha256());
            }
        } finally {
            engine.docker("rm", "-f", "nw-archive-stopped");
        }
    }

    @Test
    void aFailingSourceAbortsTheUploadAndSaysWhy() {
        InputStream broken = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 2048) return 0;
                throw new IOException("disk gone");
            }
        };
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> local().put(CONTAINER, "/data/in", broken));
        assertTrue(e.getMessage().contains("disk gone"), e.getMessage());
    }

    @Test
    void anEngineThatIsNotThereIsUnreachable(@TempDir Path dir) {
        ArchiveStreams nowhere = new ArchiveStreams(new EngineAddress("unix://" + dir.resolve("none.sock"), false, Optional.empty()),
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        EngineUnreachableException e = assertThrows(EngineUnreachableException.class, () -> nowhere.get(CONTAINER, "/data"));
        assertTrue(e.getMessage().startsWith("engine unreachable at unix://"), e.getMessage());
    }
}
