package io.nightwatch.runbook.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class BackupSetsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

    /** A small real set: one Redis file with its manifest, verified or not. */
    static Path set(Path root, String id, Instant started, boolean verify) throws Exception {
        Path dir = Files.createDirectories(root.resolve(id).resolve("redis")).getParent();
        byte[] rdb = "REDIS0011-fake-payload".getBytes(StandardCharsets.US_ASCII);
        Files.write(dir.resolve("redis/dump.rdb"), rdb);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rdb));
        new BackupManifest(1, id, "local", "unix:///var/run/docker.sock", started, started.plusSeconds(5),
                List.of(new BackupManifest.ServiceBackup("redis", "redis", "sva-studio-redis", "redis:7.2-alpine", "/data",
                        "redis BGSAVE + dump.rdb", List.of(new FileEntry("dump.rdb", rdb.length, sha)), Map.of("keys", "3"))))
                .writeAtomically(dir);
        if (verify) assertTrue(SetVerifier.verify(dir, b -> { }).ok());
        return dir;
    }

    @Test
    void listingShowsStateNewestFirst(@TempDir Path root) throws Exception {
        set(root, "20261120-030000-local", NOW.minus(Duration.ofDays(5)), true);
        set(root, "20261124-030000-local", NOW.minus(Duration.ofDays(1)), false);
        Files.createDirectories(root.resolve("20261125-025900-local/redis"));
        List<BackupSets.SetInfo> sets = BackupSets.list(root);
        assertEquals(List.of("20261125-025900-local", "20261124-030000-local", "20261120-030000-local"),
                sets.stream().map(BackupSets.SetInfo::id).toList().subList(0, 3).stream().sorted(java.util.Comparator.reverseOrder()).toList());
        BackupSets.SetInfo incomplete = sets.stream().filter(s -> !s.complete()).findFirst().orElseThrow();
        assertEquals("20261125-025900-local", incomplete.id());
        assertTrue(sets.stream().filter(s -> s.id().equals("20261120-030000-local")).findFirst().orElseThrow().verified());
        assertEquals("20261120-030000-local", BackupSets.newestVerified(root, "redis").orElseThrow().id());
    }

    @Test
    void retentionKeepsTheNewestAndNeverTheLastVerified(@TempDir Path root) throws Exception {
        set(root, "a-oldest-verified", NOW.minus(Duration.ofDays(40)), true);
        set(root, "b", NOW.minus(Duration.ofDays(3)), false);
        set(root, "c", NOW.minus(Duration.ofDays(2)), false);
        set(root, "d-newest", NOW.minus(Duration.ofDays(1)), false);
        List<Path> removed = BackupSets.applyRetention(root, 2, Duration.ofDays(30), NOW);
        assertEquals(List.of(root.resolve("b")), removed, "beyond the newest two, but the only verified set stays");
        assertTrue(Files.exists(root.resolve("a-oldest-verified")));
    }
}
