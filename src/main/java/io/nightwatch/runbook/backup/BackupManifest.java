package io.nightwatch.runbook.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a backup set holds. Written last and atomically: a set without {@code manifest.json} is incomplete and
 * never offered for restore.
 */
public record BackupManifest(int format, String setId, String sourceHost, String engine, Instant startedAt,
                             Instant finishedAt, List<ServiceBackup> services) {

    public static final String FILE = "manifest.json";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param method how the data was taken ("prometheus tsdb snapshot", "redis BGSAVE + dump.rdb", …)
     * @param facts  what the restore checks against (e.g. "keys" for Redis, "newestBlockMaxTime" for Prometheus)
     */
    public record ServiceBackup(String service, String kind, String container, String image, String dataPath,
                                String method, List<FileEntry> files, Map<String, String> facts) {
        public long bytes() {
            return files.stream().mapToLong(FileEntry::size).sum();
        }
    }

    public long bytes() {
        return services.stream().mapToLong(ServiceBackup::bytes).sum();
    }

    public java.util.Optional<ServiceBackup> service(String name) {
        return services.stream().filter(s -> s.service().equals(name)).findFirst();
    }

    /** Write to a temporary file, force it to disk, rename over the final name, force the directory. */
    public void writeAtomically(Path setDir) throws IOException {
        Path tmp = setDir.resolve(FILE + ".tmp");
        byte[] bytes = JSON.writeValueAsBytes(this);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        Files.move(tmp, setDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(setDir, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // some file systems cannot sync a directory; the rename is still atomic
        }
    }

    public static BackupManifest read(Path setDir) throws IOException {
        try {
            return JSON.readValue(setDir.resolve(FILE).toFile(), BackupManifest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(setDir.resolve(FILE) + " is not a valid manifest: " + e.getOriginalMessage());
        }
    }
}
