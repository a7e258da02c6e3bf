package io.nightwatch.runbook.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The set files one verification hashed, each with its identity then (device, inode, size, modification and change
 * time, read without following links, the same before and after the hash). A restore's packer sends a file whose
 * identity is still the same without hashing it a second time: any write or swap since changes the change time or the
 * inode. Kept in memory only: a resumed run has none, and its packer hashes every file again.
 */
final class VerifiedFiles {

    private static final String IDENTITY = "unix:dev,ino,size,lastModifiedTime,ctime";

    private final Map<Path, Map<String, Object>> hashed = new ConcurrentHashMap<>();

    /** The file's identity now; empty where the file system cannot tell (then nothing is trusted). */
    static Optional<Map<String, Object>> identity(Path file) {
        try {
            return Optional.of(Files.readAttributes(file, IDENTITY, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Records that {@code file} hashed right while its identity was {@code before}, if it still is. */
    void hashedWhile(Path file, Optional<Map<String, Object>> before) {
        if (before.isPresent() && before.equals(identity(file))) hashed.put(key(file), before.get());
    }

    /** Whether {@code file} is the one that was hashed right, unchanged since. */
    boolean unchanged(Path file) {
        Map<String, Object> then = hashed.get(key(file));
        return then != null && identity(file).map(then::equals).orElse(false);
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
