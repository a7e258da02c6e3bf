package io.nightwatch.runbook.backup;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/** Packs a directory into a tar stream on the fly (a writer thread feeds a pipe), for the engine's archive API. */
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
        PipedInputStream in = new PipedInputStream(1 << 20);
        PipedOutputStream pipe = new PipedOutputStream(in);
        AtomicReference<IOException> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(pipe)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                List<Path> paths;
                try (Stream<Path> walk = Files.walk(dir)) {
                    paths = walk.filter(p -> !p.equals(dir)).filter(p -> !skip.test(dir.relativize(p))).sorted().toList();
                }
                for (Path p : paths) {
                    String name = dir.relativize(p).toString().replace('\\', '/');
                    TarArchiveEntry entry = new TarArchiveEntry(p.toFile(), Files.isDirectory(p) ? name + "/" : name);
                    entry.setUserId(owner.uid());
                    entry.setGroupId(owner.gid());
                    entry.setUserName("");
                    entry.setGroupName("");
                    tar.putArchiveEntry(entry);
                    if (Files.isRegularFile(p)) Files.copy(p, tar);
                    tar.closeArchiveEntry();
                }
                tar.finish();
            } catch (IOException e) {
                failure.set(e);
            }
        }, "nightwatch-tar-pack");
        writer.setDaemon(true);
        writer.start();
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                super.close();
                if (failure.get() != null) throw failure.get();
            }
        };
    }
}
