package io.nightwatch.runbook.backup;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Re-reads a backup set and checks it: every file's size and SHA-256 against the manifest, each Prometheus
 * block's {@code meta.json}, the Redis RDB header. The first problem per file is named, so an operator knows
 * exactly what is damaged.
 */
public final class SetVerifier {

    public static final String RESULT_FILE = "verified.json";

    /** @param newestPrometheusMillis the latest maxTime of all Prometheus blocks (0 when none) */
    public record Report(boolean ok, List<String> problems, long bytes, int files, long newestPrometheusMillis, Instant at) {}

    private SetVerifier() {}

    public static Report verify(Path setDir, LongConsumer progress) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(setDir.resolve(BackupManifest.FILE))) {
            return new Report(false, List.of("incomplete: no " + BackupManifest.FILE + " (the backup did not finish)"), 0, 0, 0, Instant.now());
        }
        BackupManifest manifest = BackupManifest.read(setDir);
        long bytes = 0;
        int files = 0;
        long newest = 0;
        byte[] buffer = new byte[1 << 20];
        for (BackupManifest.ServiceBackup service : manifest.services()) {
            Path dir = setDir.resolve(service.service());
            for (FileEntry f : service.files()) {
                Path file = dir.resolve(f.path()).normalize();
                if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
                    problems.add(service.service() + "/" + f.path() + ": missing");
                    continue;
                }
                long size = Files.size(file);
                if (size != f.size()) {
                    problems.add(service.service() + "/" + f.path() + ": size " + size + " instead of " + f.size());
                    continue;
                }
                MessageDigest sha = TarExtractor.sha256();
                try (InputStream in = Files.newInputStream(file)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        sha.update(buffer, 0, n);
                        bytes += n;
                        progress.accept(bytes);
                    }
                }
                if (!HexFormat.of().formatHex(sha.digest()).equals(f.sha256())) {
                    problems.add(service.service() + "/" + f.path() + ": checksum mismatch (the file changed or is damaged)");
                }
                files++;
            }
            if (service.kind().equals("prometheus")) newest = Math.max(newest, checkBlocks(dir, problems));
            if (service.kind().equals("redis")) checkRdb(dir, problems);
        }
        Report report = new Report(problems.isEmpty(), List.copyOf(problems), bytes, files, newest, Instant.now());
        BackupManifest.JSON.writeValue(setDir.resolve(RESULT_FILE).toFile(), report);
        return report;
    }

    /** Each block directory needs a readable meta.json with a ULID and a time range, an index and chunks. */
    private static long checkBlocks(Path dir, List<String> problems) throws IOException {
        long newest = 0;
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> blocks = Files.list(dir)) {
            for (Path block : blocks.filter(Files::isDirectory).toList()) {
                Path meta = block.resolve("meta.json");
                String name = "prometheus/" + block.getFileName();
                if (!Files.isRegularFile(meta)) {
                    problems.add(name + ": no meta.json");
                    continue;
                }
                try {
                    JsonNode m = BackupManifest.JSON.readTree(meta.toFile());
                    long min = m.path("minTime").asLong(-1);
                    long max = m.path("maxTime").asLong(-1);
                    if (m.path("ulid").asText("").isEmpty() || min < 0 || max <= min) {
                        problems.add(name + "/meta.json: no ulid or no valid time range");
                    }
                    newest = Math.max(newest, max);
                } catch (IOException e) {
                    problems.add(name + "/meta.json: not JSON (" + e.getMessage() + ")");
                }
                if (!Files.isRegularFile(block.resolve("index"))) problems.add(name + ": no index");
                if (!Files.isDirectory(block.resolve("chunks"))) problems.add(name + ": no chunks/");
            }
        }
        return newest;
    }

    /** An RDB file starts with "REDIS" and a four-digit format version. */
    private static void checkRdb(Path dir, List<String> problems) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path rdb : files.filter(p -> p.getFileName().toString().endsWith(".rdb")).toList()) {
                byte[] head = new byte[9];
                try (InputStream in = Files.newInputStream(rdb)) {
                    int n = in.readNBytes(head, 0, 9);
                    String text = new String(head, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
                    if (n < 9 || !text.matches("REDIS\\d{4}")) problems.add("redis/" + rdb.getFileName() + ": not an RDB file (header '" + text.replaceAll("\\P{Print}", "?") + "')");
                }
            }
        }
    }
}
