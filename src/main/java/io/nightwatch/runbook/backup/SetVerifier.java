package io.nightwatch.runbook.backup;

import io.nightwatch.text.Texts;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Re-reads a backup set and checks it: the set is exactly what its manifest lists (plain files only; no symbolic
 * link, hard link, device or unlisted file; no path leading out), every file's size and SHA-256 match, each
 * Prometheus block has its {@code meta.json}, index and chunks, each Redis file its RDB header. Every problem is
 * named, so an operator knows exactly what is damaged. Nothing in the set is followed or trusted.
 */
public final class SetVerifier {

    public static final String RESULT_FILE = "verified.json";
    static final long MAX_META_BYTES = 1L << 20;
    private static final int MAX_DEPTH = 64;
    /** A few files hashed at once: SHA-256 is the work, and a second thread gets its share of a busy machine too. */
    private static final int HASH_THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    /**
     * Read size, one buffer per hashing thread, reused from file to file. Under G1's humongous threshold on a small
     * heap (half a 1 MiB region): a fresh 1 MiB buffer per file cost more than hashing a TSDB's small files.
     */
    static final int READ_SIZE = 256 << 10;
    /** Top-level names in a data directory that a restore keeps for itself (safety, discard, staging folders). */
    static final String RESERVED = ".nightwatch-";
    private static final long PROGRESS_STEP = 4L << 20;

    /** @param newestPrometheusMillis the latest maxTime of all Prometheus blocks (0 when none) */
    public record Report(boolean ok, List<String> problems, long bytes, int files, long newestPrometheusMillis, Instant at) {
        /** A report that the set cannot be checked at all, for {@code reason}. */
        static Report damaged(String reason) {
            return new Report(false, List.of(reason), 0, 0, 0, Instant.now());
        }
    }

    private static final Texts T = Texts.of(SetVerifier.class);

    private SetVerifier() {}

    public static Report verify(Path setDir, LongConsumer progress) throws IOException {
        return verify(setDir, progress, null);
    }

    /** As {@link #verify(Path, LongConsumer)}, noting in {@code hashed} (if given) each file that hashed right. */
    static Report verify(Path setDir, LongConsumer progress, VerifiedFiles hashed) throws IOException {
        Optional<Report> notASet = notASet(setDir);
        if (notASet.isPresent()) return notASet.get();
        Report report;
        try {
            report = check(setDir, BackupManifest.read(setDir), progress, hashed);
        } catch (IOException unreadable) {
            report = Report.damaged(unreadable.getMessage());
        }
        SetFiles.writeAtomically(setDir, RESULT_FILE, BackupManifest.JSON.writeValueAsBytes(report));
        return report;
    }

    /** Why {@code setDir} is no set to check at all (missing, a link or a file, no manifest); empty when it is one. */
    private static Optional<Report> notASet(Path setDir) throws IOException {
        Optional<BasicFileAttributes> folder = SetFiles.attributes(setDir);
        if (folder.isEmpty()) return Optional.of(Report.damaged(T.get("verify.noFolder", setDir)));
        if (!folder.get().isDirectory()) {
            return Optional.of(Report.damaged(setDir.getFileName() + ": "
                    + T.get(folder.get().isSymbolicLink() ? "verify.symlink" : "verify.notAFolder")));
        }
        if (SetFiles.attributes(setDir.resolve(BackupManifest.FILE)).isEmpty()) {
            return Optional.of(Report.damaged(T.get("verify.incomplete", BackupManifest.FILE)));
        }
        return Optional.empty();
    }

    /**
     * The set's structure without reading file contents: the manifest, exactly the listed plain files with their
     * sizes (no link, device or unlisted file), no top-level name Nightwatch keeps for itself, the Prometheus blocks'
     * meta.json, index and chunks, the RDB headers. For a restore whose upload hashes every file itself; writes no
     * {@value #RESULT_FILE}, since no byte was hashed.
     */
    static Report structure(Path setDir) throws IOException {
        Optional<Report> notASet = notASet(setDir);
        if (notASet.isPresent()) return notASet.get();
        try {
            return check(setDir, BackupManifest.read(setDir), n -> { }, null, null, null);
        } catch (IOException unreadable) {
            return Report.damaged(unreadable.getMessage());
        }
    }

    /** The result a previous verification left in the set, when it is a plain, small, well-formed file. */
    public static Optional<Report> lastResult(Path setDir) {
        try {
            Report r = BackupManifest.READER.readValue(SetFiles.readBounded(setDir.resolve(RESULT_FILE), MAX_META_BYTES), Report.class);
            return r == null || r.problems() == null ? Optional.empty() : Optional.of(r);
        } catch (IOException | RuntimeException untrusted) {
            return Optional.empty(); // a link, a device, garbage: counts as not verified
        }
    }

    private static Report check(Path setDir, BackupManifest manifest, LongConsumer progress, VerifiedFiles hashed) throws IOException {
        BlockingQueue<byte[]> buffers = new ArrayBlockingQueue<>(HASH_THREADS);
        for (int i = 0; i < HASH_THREADS; i++) buffers.add(new byte[READ_SIZE]);
        ExecutorService pool = Executors.newFixedThreadPool(HASH_THREADS, r -> {
            Thread t = new Thread(r, "nightwatch-verify");
            t.setDaemon(true);
            return t;
        });
        try {
            return check(setDir, manifest, progress, hashed, pool, buffers);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Files are hashed on a few threads (one file each), their problems reported in the manifest's order. Without a
     * {@code pool} nothing is hashed: only the structure is checked, and reserved names are refused.
     */
    private static Report check(Path setDir, BackupManifest manifest, LongConsumer progress, VerifiedFiles hashed, ExecutorService pool,
                                BlockingQueue<byte[]> buffers) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<Path, BasicFileAttributes> found = inventory(setDir, problems);
        Set<Path> listed = new HashSet<>();
        long[] bytes = {0};
        LongConsumer read = n -> {
            synchronized (bytes) {
                long before = bytes[0];
                bytes[0] += n;
                // told every few MiB, not every read: each report formats a line for the operator
                if (before == 0 || before / PROGRESS_STEP != bytes[0] / PROGRESS_STEP) progress.accept(bytes[0]);
            }
        };
        int files = 0;
        long newest = 0;
        for (BackupManifest.ServiceBackup service : manifest.services()) {
            List<Object> slots = new ArrayList<>(); // a problem found at once, or the hash of a file under way
            Path serviceRel = Path.of(service.service());
            BasicFileAttributes folder = found.get(serviceRel);
            if (folder != null && !folder.isDirectory()) {
                problems.add(service.service() + ": " + T.get(folder.isSymbolicLink() ? "verify.symlink" : "verify.notAFolder"));
                continue;
            }
            for (FileEntry f : service.files()) {
                Path rel = serviceRel.resolve(f.path());
                listed.add(rel);
                String name = service.service() + "/" + f.path();
                BasicFileAttributes attrs = found.get(rel);
                if (attrs == null) {
                    slots.add(name + ": " + T.get("verify.missing"));
                    continue;
                }
                Optional<String> notPlain = SetFiles.notPlainFile(setDir.resolve(rel), attrs);
                if (notPlain.isPresent()) {
                    slots.add(name + ": " + notPlain.get());
                    continue;
                }
                if (attrs.size() != f.size()) {
                    slots.add(name + ": " + T.get("verify.size", attrs.size(), f.size()));
                    continue;
                }
                Path file = setDir.resolve(rel);
                if (pool == null) {
                    // the swap and its undo leave every ".nightwatch-" entry where it is: such a file would never arrive
                    if (f.path().startsWith(RESERVED)) slots.add(name + ": " + T.get("verify.reserved"));
                    files++;
                    bytes[0] += f.size();
                    continue;
                }
                slots.add(pool.submit(() -> {
                    Optional<Map<String, Object>> before = hashed == null ? Optional.empty() : VerifiedFiles.identity(file);
                    byte[] buffer = buffers.take(); // one per pool thread: never waits
                    Optional<String> content;
                    try {
                        content = checkContent(file, f, read, buffer);
                    } finally {
                        buffers.add(buffer);
                    }
                    if (content.isEmpty() && hashed != null) hashed.hashedWhile(file, before);
                    return content.map(p -> name + ": " + p);
                }));
                files++;
            }
            for (Object slot : slots) {
                if (slot instanceof String problem) problems.add(problem);
                else outcome(slot).ifPresent(problems::add);
            }
            if ("prometheus".equals(service.kind())) newest = Math.max(newest, checkBlocks(setDir, serviceRel, found, problems));
            if ("redis".equals(service.kind())) checkRdb(setDir, serviceRel, found, problems);
        }
        Set<Path> services = new HashSet<>();
        manifest.services().forEach(s -> services.add(Path.of(s.service())));
        for (var e : new TreeMap<>(found).entrySet()) {
            Path rel = e.getKey();
            if (listed.contains(rel) || services.contains(rel) || rel.equals(Path.of(BackupManifest.FILE)) || rel.equals(Path.of(RESULT_FILE))) continue;
            // folders are allowed inside a service's folder (a Prometheus block, chunks/): they carry no data themselves
            if (e.getValue().isDirectory() && services.contains(rel.getName(0))) continue;
            BasicFileAttributes a = e.getValue();
            String what = T.get(a.isSymbolicLink() ? "verify.symlink" : a.isDirectory() ? "verify.aFolder"
                    : a.isRegularFile() ? "verify.aFile" : "verify.device");
            problems.add(rel + ": " + T.get("verify.unlisted", what));
        }
        return new Report(problems.isEmpty(), List.copyOf(problems), bytes[0], files, newest, Instant.now());
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> outcome(Object hashing) throws IOException {
        try {
            return ((Future<Optional<String>>) hashing).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(T.get("verify.interrupted"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Every entry under the set, described without following links, keyed by its path relative to the set. */
    private static Map<Path, BasicFileAttributes> inventory(Path setDir, List<String> problems) throws IOException {
        Map<Path, BasicFileAttributes> found = new LinkedHashMap<>();
        Files.walkFileTree(setDir, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(setDir)) found.put(setDir.relativize(dir), attrs);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                found.put(setDir.relativize(file), attrs);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                problems.add(setDir.relativize(file) + ": " + T.get("verify.unreadable", e.getClass().getSimpleName()));
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    /** Reads the file (no link followed) and compares its length and SHA-256 with the manifest's. */
    static Optional<String> checkContent(Path file, FileEntry expected, LongConsumer read) throws IOException {
        return checkContent(file, expected, read, new byte[READ_SIZE]);
    }

    /** As {@link #checkContent(Path, FileEntry, LongConsumer)}, reading through {@code buffer}. */
    static Optional<String> checkContent(Path file, FileEntry expected, LongConsumer read, byte[] buffer) throws IOException {
        MessageDigest sha = TarExtractor.sha256();
        long total = 0;
        try (FileChannel ch = SetFiles.openPlain(file)) {
            ByteBuffer buf = ByteBuffer.wrap(buffer);
            int n;
            while ((n = ch.read(buf.clear())) > 0) {
                sha.update(buffer, 0, n);
                total += n;
                read.accept(n);
                if (total > expected.size()) return Optional.of(T.get("verify.longer", expected.size()));
            }
        } catch (IOException e) {
            return Optional.of(T.get("verify.unreadable", e.getMessage()));
        }
        if (total != expected.size()) return Optional.of(T.get("verify.size", total, expected.size()));
        if (!HexFormat.of().formatHex(sha.digest()).equals(expected.sha256())) {
            return Optional.of(T.get("verify.checksum"));
        }
        return Optional.empty();
    }

    /** Each block directory needs a readable meta.json with a ULID and a time range, an index and chunks. */
    private static long checkBlocks(Path setDir, Path service, Map<Path, BasicFileAttributes> found, List<String> problems) {
        long newest = 0;
        for (var e : new TreeMap<>(found).entrySet()) {
            Path block = e.getKey();
            if (!e.getValue().isDirectory() || block.getNameCount() != 2 || !block.startsWith(service)) continue;
            String name = block.toString();
            BasicFileAttributes meta = found.get(block.resolve("meta.json"));
            if (meta == null || !meta.isRegularFile()) {
                problems.add(name + ": " + T.get("verify.noMeta"));
                continue;
            }
            try {
                JsonNode m = BackupManifest.READER.readTree(SetFiles.readBounded(setDir.resolve(block).resolve("meta.json"), MAX_META_BYTES));
                long min = m.path("minTime").asLong(-1);
                long max = m.path("maxTime").asLong(-1);
                if (m.path("ulid").asText("").isEmpty() || min < 0 || max <= min) {
                    problems.add(name + "/meta.json: " + T.get("verify.badMeta"));
                }
                newest = Math.max(newest, max);
            } catch (IOException e2) {
                problems.add(name + "/meta.json: " + T.get("verify.notJson", e2.getClass().getSimpleName()));
            }
            BasicFileAttributes index = found.get(block.resolve("index"));
            if (index == null || !index.isRegularFile()) problems.add(name + ": " + T.get("verify.noIndex"));
            BasicFileAttributes chunks = found.get(block.resolve("chunks"));
            if (chunks == null || !chunks.isDirectory()) problems.add(name + ": " + T.get("verify.noChunks"));
        }
        return newest;
    }

    /** An RDB file starts with "REDIS" and a four-digit format version. */
    private static void checkRdb(Path setDir, Path service, Map<Path, BasicFileAttributes> found, List<String> problems) {
        for (var e : new TreeMap<>(found).entrySet()) {
            Path rdb = e.getKey();
            if (!e.getValue().isRegularFile() || rdb.getNameCount() != 2 || !rdb.startsWith(service)
                    || !rdb.getFileName().toString().endsWith(".rdb")) continue;
            try (FileChannel ch = SetFiles.openPlain(setDir.resolve(rdb))) {
                ByteBuffer head = ByteBuffer.allocate(9);
                while (head.hasRemaining() && ch.read(head) > 0) {
                    // the header only
                }
                String text = new String(head.array(), 0, head.position(), java.nio.charset.StandardCharsets.US_ASCII);
                if (head.position() < 9 || !text.matches("REDIS\\d{4}")) {
                    problems.add(rdb + ": " + T.get("verify.notRdb", text.replaceAll("\\P{Print}", "?")));
                }
            } catch (IOException e2) {
                problems.add(rdb + ": " + T.get("verify.unreadable", e2.getMessage()));
            }
        }
    }
}
