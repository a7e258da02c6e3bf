package io.nightwatch.runbook.backup;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Unpacks the engine's tar stream to disk in one pass, computing each file's SHA-256 while writing it: the
 * copy is read once, memory stays at one buffer, and the checksums describe exactly the bytes on disk. Only plain
 * files and folders are written, never through a link.
 */
public final class TarExtractor {

    private static final int BUFFER = 1 << 20;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private TarExtractor() {}

    /**
     * @param stripComponents leading path parts to drop (the engine names the copied directory itself first)
     * @param progress        called with the bytes written so far
     */
    public static List<FileEntry> extract(InputStream tar, Path destination, int stripComponents, LongConsumer progress)
            throws IOException {
        Files.createDirectories(destination);
        Path root = destination.toAbsolutePath().normalize();
        Path realRoot = root.toRealPath();
        List<FileEntry> files = new ArrayList<>();
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        // Large reads from the engine's socket: the tar reader asks for 10 KiB at a time, and each read through the
        // unix-socket transport has a fixed cost.
        try (TarArchiveInputStream in = new TarArchiveInputStream(new java.io.BufferedInputStream(tar, BUFFER))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextTarEntry()) != null) {
                String name = strip(entry.getName(), stripComponents);
                if (name.isEmpty()) continue;
                // A restore's safety, discard and staging folders on the volume are not the service's data.
                if (InEngineSafetyCopy.isRestoreFolder(name)) continue;
                Path target = root.resolve(name).normalize();
                if (!target.startsWith(root)) throw new IOException("archive entry escapes the target: " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                if (!entry.isFile()) continue; // symlinks and devices are not data
                Files.createDirectories(target.getParent());
                if (!target.getParent().toRealPath().startsWith(realRoot)) {
                    throw new IOException("archive entry " + entry.getName() + " would be written through a link outside " + destination);
                }
                MessageDigest sha = sha256();
                long size = 0;
                // Written to a new temporary file beside it (created exclusively, no link followed) and renamed over the
                // name: a link already there is replaced, never written through.
                Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".part");
                try {
                    try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS)) {
                        int n;
                        while ((n = in.read(buffer)) > 0) {
                            out.write(buffer, 0, n);
                            sha.update(buffer, 0, n);
                            size += n;
                            total += n;
                            progress.accept(total);
                        }
                    }
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                files.add(new FileEntry(root.relativize(target).toString(), size, HexFormat.of().formatHex(sha.digest())));
            }
        }
        return files;
    }

    static String strip(String name, int components) {
        String path = name.startsWith("./") ? name.substring(2) : name;
        for (int i = 0; i < components; i++) {
            int slash = path.indexOf('/');
            if (slash < 0) return "";
            path = path.substring(slash + 1);
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
