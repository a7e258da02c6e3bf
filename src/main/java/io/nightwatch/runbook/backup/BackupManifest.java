package io.nightwatch.runbook.backup;

import io.nightwatch.text.Texts;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a backup set holds. Written last and atomically: a set without {@code manifest.json} is incomplete and
 * never offered for restore. A manifest read from disk is hostile input until {@link #problems()} finds nothing.
 */
public record BackupManifest(int format, String setId, String sourceHost, String engine, Instant startedAt,
                             Instant finishedAt, List<ServiceBackup> services) {

    private static final Texts T = Texts.of(BackupManifest.class);

    public static final String FILE = "manifest.json";
    /** A set of 100 000 files needs about 20 MiB of manifest; anything beyond 64 MiB is not ours. */
    static final long MAX_MANIFEST_BYTES = 64L << 20;
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    /** For files read from a set: shallow, short strings, duplicate keys refused, no silent zero for a missing size. */
    static final ObjectMapper READER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(64 * 1024)
                    .maxNumberLength(40).maxDocumentLength(MAX_MANIFEST_BYTES).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * @param method how the data was taken ("prometheus tsdb snapshot", "redis BGSAVE + dump.rdb", …)
     * @param facts  what the restore checks against (e.g. "keys" for Redis, "newestBlockMaxTime" for Prometheus)
     */
    public record ServiceBackup(String service, String kind, String container, String image, String dataPath,
                                String method, List<FileEntry> files, Map<String, String> facts) {
        public ServiceBackup {
            facts = facts == null ? Map.of() : facts;
        }

        public long bytes() {
            return files == null ? 0 : files.stream().mapToLong(FileEntry::size).sum();
        }
    }

    public long bytes() {
        return services == null ? 0 : services.stream().mapToLong(ServiceBackup::bytes).sum();
    }

    public Optional<ServiceBackup> service(String name) {
        return services.stream().filter(s -> s.service().equals(name)).findFirst();
    }

    /**
     * What makes this manifest unusable, each named: a missing list, a service name that is not a plain folder name,
     * a file path that is absolute, not normalised or leads out, a duplicate, a negative size, a malformed SHA-256.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (startedAt == null) problems.add(T.get("manifestCheck.noStartedAt"));
        if (services == null) {
            problems.add(T.get("manifestCheck.noServices"));
            return problems;
        }
        if (services.isEmpty()) problems.add(T.get("manifestCheck.emptyServices"));
        Set<String> names = new HashSet<>();
        for (ServiceBackup s : services) {
            if (s == null) {
                problems.add(T.get("manifestCheck.nullService"));
                continue;
            }
            String name = SetFiles.printable(s.service());
            Optional<String> bad = SetFiles.nameProblem(s.service());
            if (bad.isPresent()) {
                problems.add(T.get("manifestCheck.badName", name, bad.get()));
                continue;
            }
            if (!names.add(s.service())) problems.add(name + ": " + T.get("manifestCheck.twice"));
            if (s.kind() == null) problems.add(name + ": " + T.get("manifestCheck.noKind"));
            if (s.files() == null) {
                problems.add(name + ": " + T.get("manifestCheck.noFiles"));
                continue;
            }
            Set<String> paths = new HashSet<>();
            for (FileEntry f : s.files()) {
                if (f == null) {
                    problems.add(name + ": " + T.get("manifestCheck.nullFile"));
                    continue;
                }
                String where = name + "/" + SetFiles.printable(f.path());
                SetFiles.pathProblem(f.path()).ifPresent(p -> problems.add(where + ": " + p));
                if (f.path() != null && !paths.add(f.path())) problems.add(where + ": " + T.get("manifestCheck.twice"));
                if (f.size() < 0) problems.add(where + ": " + T.get("manifestCheck.negative", f.size()));
                if (f.sha256() == null || !SHA256.matcher(f.sha256()).matches()) problems.add(where + ": " + T.get("manifestCheck.sha"));
            }
        }
        return problems;
    }

    /** Write to a temporary file, force it to disk, rename over the final name, force the directory. */
    public void writeAtomically(Path setDir) throws IOException {
        SetFiles.writeAtomically(setDir, FILE, JSON.writeValueAsBytes(this));
    }

    /** Reads and checks a set's manifest: bounded in size and depth, no link followed, every problem refused. */
    public static BackupManifest read(Path setDir) throws IOException {
        byte[] bytes;
        try {
            bytes = SetFiles.readBounded(setDir.resolve(FILE), MAX_MANIFEST_BYTES);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(FILE + " is missing");
        } catch (IOException e) {
            throw new IOException(FILE + ": " + e.getMessage());
        }
        BackupManifest manifest;
        try {
            manifest = READER.readValue(bytes, BackupManifest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // the parser's own words, without the source excerpt (the file's content is not echoed)
            throw new IOException(FILE + " is not a valid manifest: " + SetFiles.printable(e.getOriginalMessage()));
        }
        if (manifest == null) throw new IOException(FILE + " is not a valid manifest: empty");
        List<String> problems = manifest.problems();
        if (!problems.isEmpty()) {
            throw new IOException(FILE + " is not a valid manifest: " + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                    + (problems.size() > 5 ? " (and " + (problems.size() - 5) + " more)" : ""));
        }
        return manifest;
    }
}
