package io.nightwatch.runbook.backup;

import io.nightwatch.text.Texts;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Packs a directory into a tar stream on the fly (a writer thread feeds a pipe), for the engine's archive API.
 * Only plain files and folders are packed, opened without following links; a backup set is packed from exactly
 * what its manifest lists, each file checked against its size and SHA-256 as it is read. Any problem makes the
 * stream fail instead of ending, so the engine never takes a partial archive for a whole one.
 */
public final class TarPacker {

    private static final Texts T = Texts.of(TarPacker.class);

    /** The pipe's buffers, read into straight from the files: large, so hashing and the socket work in big strides. */
    private static final int BUFFER = 1 << 20;
    private static final int PIPE_BUFFERS = 4;

    private TarPacker() {}

    /** Numeric owner for tar headers: the engine applies it when it unpacks, so no chown runs in the container. */
    public record Owner(long uid, long gid) {
        public static final Owner ROOT = new Owner(0, 0);

        @Override
        public String toString() { return uid + ":" + gid; }
    }

    /** The files under {@code dir} (paths relative to it), skipping names for which {@code skip} says so; owned by root. */
    public static InputStream pack(Path dir, java.util.function.Predicate<Path> skip) throws IOException {
        return pack(dir, skip, Owner.ROOT);
    }

    /** The uid:gid of the first entry of a tar stream (the engine's archive of a path starts with the path itself). */
    public static java.util.Optional<Owner> ownerOfFirstEntry(InputStream tar) throws IOException {
        TarArchiveInputStream in = new TarArchiveInputStream(tar);
        TarArchiveEntry first = in.getNextTarEntry();
        return first == null ? java.util.Optional.empty() : java.util.Optional.of(new Owner(first.getLongUserId(), first.getLongGroupId()));
    }

    /** As {@link #pack(Path, java.util.function.Predicate)}, every entry owned by {@code owner} (numeric, no names). */
    public static InputStream pack(Path dir, java.util.function.Predicate<Path> skip, Owner owner) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> !p.equals(dir)).filter(p -> !skip.test(dir.relativize(p))).sorted().toList();
        }
        return start(dir, paths, Map.of(), owner, null, null);
    }

    /**
     * Checks, before anything is sent or changed, that each file {@code files} lists under {@code serviceDir} is a
     * plain file (no link, device or second name) with the manifest's size and SHA-256.
     *
     * @throws IOException naming the first file that differs: the set changed since it was verified
     */
    public static void checkSet(Path serviceDir, List<FileEntry> files) throws IOException {
        byte[] buffer = new byte[SetVerifier.READ_SIZE];
        for (FileEntry f : files) {
            Path file = SetFiles.entry(serviceDir, f.path());
            Optional<String> problem = SetVerifier.checkContent(file, f, n -> { }, buffer);
            if (problem.isPresent()) throw changed(f, problem.get());
        }
    }

    /** As {@link #packSet(Path, List, Owner)}, owned by root. */
    public static InputStream packSet(Path serviceDir, List<FileEntry> files) throws IOException {
        return packSet(serviceDir, files, Owner.ROOT);
    }

    /**
     * Exactly the files {@code files} lists under {@code serviceDir} (and the folders holding them), each re-checked
     * while it is read: a file swapped or changed since {@link #checkSet} makes the stream fail. Every entry is owned
     * by {@code owner}.
     */
    public static InputStream packSet(Path serviceDir, List<FileEntry> files, Owner owner) throws IOException {
        return packSet(serviceDir, files, owner, null);
    }

    /**
     * As {@link #packSet(Path, List, Owner)}; a file {@code verified} holds unchanged since its verification's hash is
     * sent without hashing it again (still checked unchanged once sent).
     */
    static InputStream packSet(Path serviceDir, List<FileEntry> files, Owner owner, VerifiedFiles verified) throws IOException {
        return packSet(serviceDir, files, owner, verified, null);
    }

    /**
     * As {@link #packSet(Path, List, Owner, VerifiedFiles)}, every entry inside the folder {@code folder} (its own entry
     * first, same owner), for an upload beside the data rather than into it. A file that differs from the manifest is
     * named as "{service}/{path}" and called damaged: nothing verified it before.
     */
    static InputStream stageSet(Path serviceDir, String service, List<FileEntry> files, Owner owner, VerifiedFiles verified, String folder)
            throws IOException {
        return packSet(serviceDir, files, owner, verified, new Staging(folder, service));
    }

    /** Where a staged upload goes, and the name its files are shown under. */
    private record Staging(String folder, String service) {}

    /** The packer's own failure behind a stream from this class (a damaged file, say), if it failed. */
    static Optional<IOException> failureOf(InputStream tar) {
        if (tar instanceof Packed p && p.failure.get() != null) {
            IOException failed = p.failure.get();
            return Optional.of(failed.getCause() instanceof IOException own ? own : failed);
        }
        return Optional.empty();
    }

    private static InputStream packSet(Path serviceDir, List<FileEntry> files, Owner owner, VerifiedFiles verified, Staging staging)
            throws IOException {
        Map<Path, FileEntry> expected = new LinkedHashMap<>();
        TreeSet<Path> paths = new TreeSet<>();
        for (FileEntry f : files) {
            Path file = SetFiles.entry(serviceDir, f.path());
            expected.put(file, f);
            paths.add(file);
            for (Path parent = file.getParent(); parent != null && !parent.equals(serviceDir); parent = parent.getParent()) paths.add(parent);
        }
        return start(serviceDir, new ArrayList<>(paths), expected, owner, verified, staging);
    }

    private static InputStream start(Path dir, List<Path> paths, Map<Path, FileEntry> expected, Owner owner, VerifiedFiles verified,
                                     Staging staging) throws IOException {
        BufferPipe pipe = new BufferPipe(PIPE_BUFFERS, BUFFER);
        BufferPipe.Sink sink = pipe.sink();
        AtomicReference<IOException> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                String prefix = staging == null ? "" : staging.folder() + "/";
                if (staging != null) sink.write(TarHeaders.entry(staging.folder(), true, 0, System.currentTimeMillis() / 1000, owner));
                for (Path p : paths) {
                    BasicFileAttributes attrs = SetFiles.attributes(p).orElseThrow(() -> new IOException(dir.relativize(p) + ": missing"));
                    FileEntry wanted = expected.get(p);
                    if (!attrs.isDirectory()) {
                        Optional<String> notPlain = SetFiles.notPlainFile(p, attrs);
                        if (notPlain.isPresent()) throw new IOException(dir.relativize(p) + ": " + notPlain.get() + "; not packed");
                    }
                    String name = prefix + dir.relativize(p).toString().replace('\\', '/');
                    long size = attrs.isDirectory() ? 0 : wanted != null ? wanted.size() : attrs.size();
                    sink.write(TarHeaders.entry(name, attrs.isDirectory(), size, attrs.lastModifiedTime().toMillis() / 1000, owner));
                    if (!attrs.isDirectory()) {
                        copy(p, size, wanted, sink, verified, staging);
                        sink.write(new byte[TarHeaders.padding(size)]);
                    }
                }
                sink.write(TarHeaders.end());
                sink.close();
            } catch (IOException | RuntimeException e) {
                // handed to the reader as an error, never as a clean end
                IOException io = new IOException("packing " + dir + " failed: " + e.getMessage(), e);
                failure.set(io);
                sink.fail(io);
            }
        }, "nightwatch-tar-pack");
        writer.setDaemon(true);
        writer.start();
        return new Packed(pipe.source(), failure);
    }

    /** The packed stream: read as the packer fills it (the upload needs no read-ahead of its own); closing reports a failure. */
    private static final class Packed extends java.io.FilterInputStream implements io.nightwatch.docker.ProducedAhead {
        private final AtomicReference<IOException> failure;

        Packed(InputStream source, AtomicReference<IOException> failure) {
            super(source);
            this.failure = failure;
        }

        @Override
        public void close() throws IOException {
            IOException failed = failure.get(); // before closing: a failure caused by this close is not one
            super.close();
            // a fresh exception: the reader may have thrown {@code failed} itself, and try-with-resources adds this to it
            if (failed != null) throw new IOException(failed.getMessage(), failed);
        }
    }

    /**
     * Sends exactly {@code size} bytes of {@code file}, opened without following links; with {@code wanted}, the
     * bytes must also hash to the manifest's SHA-256.
     */
    private static void copy(Path file, long size, FileEntry wanted, BufferPipe.Sink sink, VerifiedFiles verified, Staging staging)
            throws IOException {
        // Hashed right moments ago and unchanged since: one hash per restore is enough (the change time tells a write).
        boolean trusted = wanted != null && verified != null && verified.unchanged(file);
        MessageDigest sha = wanted != null && !trusted ? TarExtractor.sha256() : null;
        long sent = 0;
        try (FileChannel ch = SetFiles.openPlain(file)) {
            if (ch.size() != size) throw changedOrGone(file, wanted, T.get("verify.size", ch.size(), size), staging);
            int n;
            // read straight into the pipe's buffers, hashed there: one pass over the file, no copy on the way
            while (sent < size && (n = sink.readFrom(ch, (int) Math.min(Integer.MAX_VALUE, size - sent), sha)) > 0) sent += n;
        }
        if (sent != size) throw changedOrGone(file, wanted, T.get("verify.size", sent, size), staging);
        if (trusted && !verified.unchanged(file)) throw changed(wanted, T.get("pack.changedWhileSent"), staging);
        if (sha != null && !HexFormat.of().formatHex(sha.digest()).equals(wanted.sha256())) {
            throw changed(wanted, T.get("pack.checksum"), staging);
        }
    }

    private static IOException changedOrGone(Path file, FileEntry wanted, String what, Staging staging) {
        return wanted != null ? changed(wanted, what, staging) : new IOException(T.get("pack.changedWhilePacked", file, what));
    }

    private static IOException changed(FileEntry f, String what, Staging staging) {
        if (staging == null) return changed(f, what);
        return new IOException(T.get("pack.damaged", staging.service() + "/" + SetFiles.printable(f.path()), what));
    }

    private static IOException changed(FileEntry f, String what) {
        return new IOException(T.get("pack.changedSinceVerified", SetFiles.printable(f.path()), what));
    }
}
