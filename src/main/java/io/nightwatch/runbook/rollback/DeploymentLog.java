package io.nightwatch.runbook.rollback;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Nightwatch's own deployment journal ({@code deployments.jsonl} in the data dir): one JSON line per image change,
 * appended and fsynced. It answers "what did this service run before?" after the engine has forgotten (the old
 * container removed, the image re-tagged). A line that cannot be read is skipped, never fatal.
 */
public final class DeploymentLog {

    public static final String FILE = "deployments.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path file;

    public DeploymentLog(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    public Path file() { return file; }

    public synchronized void record(Deployment d) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] line = (JSON.writeValueAsString(d) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
    }

    /** The service's changes on that host, oldest first. */
    public List<Deployment> history(String host, String service) throws IOException {
        List<Deployment> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) return out;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            try {
                Deployment d = JSON.readValue(line, Deployment.class);
                if (d.host().equals(host) && d.service().equals(service)) out.add(d);
            } catch (IOException torn) {
                // a line torn by a crash mid-append: the rest of the history still counts
            }
        }
        return out;
    }

    /** The image the service ran before it was changed to {@code current}, by the newest such change. */
    public Optional<String> imageBefore(String host, String service, String current) throws IOException {
        List<Deployment> h = history(host, service);
        for (int i = h.size() - 1; i >= 0; i--) {
            if (h.get(i).toImage().equals(current)) return Optional.of(h.get(i).fromImage());
        }
        return Optional.empty();
    }
}
