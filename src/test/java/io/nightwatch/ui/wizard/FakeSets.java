package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.backup.BackupManifest;
import io.nightwatch.runbook.backup.FileEntry;
import io.nightwatch.runbook.backup.SetVerifier;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Backup sets on disk as the real runbook leaves them: complete and verified, unverified, damaged, incomplete. */
final class FakeSets {

    private FakeSets() {}

    /** A complete set with a Redis dump and a Prometheus block file, verified by the real {@link SetVerifier}. */
    static Path verified(Path root, String id, Instant started) throws Exception {
        Path dir = complete(root, id, started);
        SetVerifier.verify(dir, bytes -> { });
        return dir;
    }

    /** Complete, never verified. */
    static Path complete(Path root, String id, Instant started) throws Exception {
        Path dir = root.resolve(id);
        List<BackupManifest.ServiceBackup> services = new ArrayList<>();
        long max = started.toEpochMilli();
        services.add(service(dir, "prometheus", "prometheus", "prometheus tsdb snapshot", "/prometheus", Map.of(
                "01HXBLOCK/meta.json", "{\"ulid\":\"01HXBLOCK\",\"minTime\":" + (max - 7_200_000) + ",\"maxTime\":" + max + "}",
                "01HXBLOCK/index", "i".repeat(2_000),
                "01HXBLOCK/chunks/000001", "x".repeat(48_000)), Map.of("newestBlockMaxTime", String.valueOf(max))));
        services.add(service(dir, "redis", "redis", "redis BGSAVE + dump.rdb", "/data",
                Map.of("dump.rdb", "REDIS0011" + "k".repeat(3_000)), Map.of("keys", "51")));
        new BackupManifest(1, id, "local", "unix:///var/run/docker.sock", started, started.plusSeconds(4), services).writeAtomically(dir);
        return dir;
    }

    /** Verified once, then a file changed: the verification names it. */
    static Path damaged(Path root, String id, Instant started) throws Exception {
        Path dir = complete(root, id, started);
        Files.writeString(dir.resolve("redis/dump.rdb"), "REDIS0011" + "X".repeat(3_000));
        SetVerifier.verify(dir, bytes -> { });
        return dir;
    }

    /** A backup that stopped before its manifest. */
    static Path incomplete(Path root, String id) throws Exception {
        Path dir = root.resolve(id).resolve("redis");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("dump.rdb"), "REDIS0011");
        return dir.getParent();
    }

    private static BackupManifest.ServiceBackup service(Path set, String name, String kind, String method, String dataPath,
                                                        Map<String, String> contents, Map<String, String> facts) throws Exception {
        List<FileEntry> files = new ArrayList<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(contents).entrySet()) {
            Path f = set.resolve(name).resolve(e.getKey());
            Files.createDirectories(f.getParent());
            byte[] bytes = e.getValue().getBytes(StandardCharsets.US_ASCII);
            Files.write(f, bytes);
            files.add(new FileEntry(e.getKey(), bytes.length, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))));
        }
        return new BackupManifest.ServiceBackup(name, kind, "sva-studio-" + name, kind + ":latest", dataPath, method, files, facts);
    }
}
