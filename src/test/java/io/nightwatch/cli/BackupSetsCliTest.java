package io.nightwatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** {@code backups} and {@code backup verify} over hand-made hostile sets, as separate processes (no engine needed). */
class BackupSetsCliTest {

    @TempDir
    Path home;

    private record Result(int exit, String out) {}

    private Result nightwatch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.nightwatch.Nightwatch"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    /** A one-file Redis set whose manifest lists {@code files} (JSON array body). */
    private static Path set(Path root, String id, String files) throws Exception {
        Path dir = Files.createDirectories(root.resolve(id).resolve("redis")).getParent();
        Files.writeString(dir.resolve("manifest.json"), "{\"format\":1,\"setId\":\"" + id + "\",\"sourceHost\":\"local\",\"engine\":\"unix:///x\","
                + "\"startedAt\":\"2026-11-25T03:00:00Z\",\"finishedAt\":\"2026-11-25T03:00:05Z\",\"services\":[{\"service\":\"redis\",\"kind\":\"redis\","
                + "\"container\":\"sva-studio-redis\",\"image\":\"redis\",\"dataPath\":\"/data\",\"method\":\"m\",\"files\":" + files + ",\"facts\":{}}]}");
        return dir;
    }

    @Test
    void oneBadSetIsListedAsDamagedAndTheOthersStillList() throws Exception {
        Path root = home.resolve("backups");
        byte[] rdb = "REDIS0011-payload".getBytes(StandardCharsets.US_ASCII);
        Path good = set(root, "20261124-030000-local", "[{\"path\":\"dump.rdb\",\"size\":" + rdb.length + ",\"sha256\":\""
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rdb)) + "\"}]");
        Files.write(good.resolve("redis/dump.rdb"), rdb);
        set(root, "20261125-030000-local", "null");

        Result list = nightwatch("backups", "--in", root.toString());
        assertEquals(0, list.exit(), list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("20261124-030000-local") && l.contains("unverified")), list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("20261125-030000-local") && l.contains("DAMAGED")
                && l.contains("(manifest.json is not a valid manifest: redis: no files list)")), list.out());
        assertFalse(list.out().contains("Exception"), list.out());

        Result verify = nightwatch("backup", "verify", root.resolve("20261125-030000-local").toString());
        assertEquals(1, verify.exit(), verify.out());
        assertTrue(verify.out().contains("DAMAGED"), verify.out());
        assertTrue(verify.out().contains("redis: no files list"), verify.out());
    }

    @Test
    void verifyNamesASymlinkedEntryAndNeverFollowsIt() throws Exception {
        Path root = home.resolve("backups");
        byte[] secret = Files.readAllBytes(Files.writeString(home.resolve("host-secret"), "root:x:0:0::/root:/bin/sh\n"));
        Path set = set(root, "20261125-030000-local", "[{\"path\":\"x\",\"size\":" + secret.length + ",\"sha256\":\""
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret)) + "\"}]");
        Files.createSymbolicLink(set.resolve("redis/x"), home.resolve("host-secret"));

        Result verify = nightwatch("backup", "verify", set.toString());
        assertEquals(1, verify.exit(), verify.out());
        assertTrue(verify.out().startsWith("DAMAGED"), verify.out());
        assertTrue(verify.out().contains("redis/x: a symbolic link (not followed)"), verify.out());
    }
}
