package io.nightwatch.runbook.backup;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
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
        return start(dir, paths, Map.of(), owner);
    }

    /**
     * Checks, before anything is sent or changed, that each file {@code files} lists under {@code serviceDir} is a
     * plain file (no link, device or second name) with the manifest's size and SHA-256.
     *
     * @throws IOException naming the first file that differs: the set changed since it was verified
     */
    public static void checkSet(Path serviceDir, List<FileEntry> files) throws IOException {
        for (FileEntry f : files) {
            Path file = SetFiles.entry(serviceDir, f.path());
            Optional<String> problem = SetVerifier.checkContent(file, f, n -> { });
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
        Map<Path, FileEntry> expected = new LinkedHashMap<>();
        TreeSet<Path> paths = new TreeSet<>();
        for (FileEntry f : files) {
            Path file = SetFiles.entry(serviceDir, f.path());
            expected.put(file, f);
            paths.add(file);
            for (Path parent = file.getParent(); parent != null && !parent.equals(serviceDir); parent = parent.getParent()) paths.add(parent);
        }
        return start(serviceDir, new ArrayList<>(paths), expected, owner);
    }

    private static InputStream start(Path dir, List<Path> paths, Map<Path, FileEntry> expected, Owner owner) throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 20);
        PipedOutputStream pipe = new PipedOutputStream(in);
        AtomicReference<IOException> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            TarArchiveOutputStream tar = new TarArchiveOutputStream(pipe);
            try {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (Path p : paths) {
                    BasicFileAttributes attrs = SetFiles.attributes(p).orElseThrow(() -> new IOException(dir.relativize(p) + ": missing"));
                    FileEntry wanted = expected.get(p);
                    if (!attrs.isDirectory()) {
                        Optional<String> notPlain = SetFiles.notPlainFile(p, attrs);
                        if (notPlain.isPresent()) throw new IOException(dir.relativize(p) + ": " + notPlain.get() + "; not packed");
                    }
                    String name = dir.relativize(p).toString().replace('\\', '/');
                    TarArchiveEntry entry = new TarArchiveEntry(p.toFile(), attrs.isDirectory() ? name + "/" : name);
                    if (!attrs.isDirectory()) entry.setSize(wanted != null ? wanted.size() : attrs.size());
                    entry.setUserId(owner.uid());
                    entry.setGroupId(owner.gid());
                    entry.setUserName("");
                    entry.setGroupName("");
                    tar.putArchiveEntry(entry);
                    if (!attrs.isDirectory()) copy(p, entry.getSize(), wanted, tar);
                    tar.closeArchiveEntry();
                }
                tar.finish();
            } catch (IOException | RuntimeException e) {
                // recorded before the pipe closes, so the reader sees the failure, never a clean end
                failure.set(e instanceof IOException io ? io : new IOException(e.getMessage(), e));
            } finally {
                try {
                    if (failure.get() != null) pipe.close();
                    else tar.close();
                } catch (IOException ignored) {
                    // the reader went away
                }
            }
        }, "nightwatch-tar-pack");
        writer.setDaemon(true);
        writer.start();
        return new java.io.FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                return checked(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return checked(super.read(b, off, len));
            }

            private int checked(int n) throws IOException {
                if (n < 0 && failure.get() != null) throw new IOException("packing " + dir + " failed: " + failure.get().getMessage(), failure.get());
                return n;
            }

            @Override
            public void close() throws IOException {
                super.close();
                if (failure.get() != null) throw failure.get();
            }
        };
    }

    /**
     * Sends exactly {@code size} bytes of {@code file}, opened without following links; with {@code wanted}, the
     * bytes must also hash to the manifest's SHA-256.
     */
    private static void copy(Path file, long size, FileEntry wanted, OutputStream tar) throws IOException {
        MessageDigest sha = TarExtractor.sha256();
        long sent = 0;
        try (FileChannel ch = SetFiles.openPlain(file)) {
            if (ch.size() != size) throw changedOrGone(file, wanted, "size " + ch.size() + " instead of " + size);
            ByteBuffer buf = ByteBuffer.allocate(1 << 20);
            int n;
            while (sent < size && (n = ch.read(buf.clear().limit((int) Math.min(buf.capacity(), size - sent)))) > 0) {
                buf.flip();
                sha.update(buf.duplicate());
                Channels.newChannel(tar).write(buf);
                sent += n;
            }
        }
        if (sent != size) throw changedOrGone(file, wanted, "size " + sent + " instead of " + size);
        if (wanted != null && !HexFormat.of().formatHex(sha.digest()).equals(wanted.sha256())) {
            throw changed(wanted, "checksum mismatch");
        }
    }

    private static IOException changedOrGone(Path file, FileEntry wanted, String what) {
        return wanted != null ? changed(wanted, what) : new IOException(file + " changed while packed: " + what);
    }

    private static IOException changed(FileEntry f, String what) {
        return new IOException(SetFiles.printable(f.path()) + " changed since the set was verified (" + what + "); nothing restored from it");
    }
}
