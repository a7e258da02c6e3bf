package io.nightwatch.testbed;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The testbed's directories under /tmp: creation, removal of leftovers from killed JVMs, and safe
 * deletion (never while something is still mounted below, or we would delete through a mount).
 */
final class TempDirs {

    static final String PREFIX = "nw-testbed-";
    private static final Path TMP = Path.of("/tmp");
    private static final String OWNER_FILE = "owner.pid";

    private TempDirs() {
    }

    /** A short name (unix socket paths are limited to 108 bytes) marked with our JVM's pid. */
    static Path create() throws IOException {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; attempt < 100; attempt++) {
            StringBuilder name = new StringBuilder(PREFIX);
            for (int i = 0; i < 4; i++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Path dir = TMP.resolve(name.toString());
            try {
                Files.createDirectory(dir);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            Files.writeString(dir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
            return dir;
        }
        throw new IOException("no free " + TMP + "/" + PREFIX + "XXXX name");
    }

    /** Stops engines and deletes directories left behind by JVMs that died without their hook. */
    static void reapStale() {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(TMP, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (ownerAlive(dir)) {
                    continue;
                }
                System.err.println("[testbed] cleaning up leftover " + dir);
                try (DirectoryStream<Path> engines = Files.newDirectoryStream(dir)) {
                    for (Path engine : engines) {
                        Dockerd.stopByPidfile(engine.resolve("docker.pid"));
                    }
                }
                unmountAndDelete(dir);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("[testbed] could not clean leftovers: " + e);
        }
    }

    private static boolean ownerAlive(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(OWNER_FILE)).strip());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            // No owner file yet: another JVM may be creating it right now, leave it alone.
            return true;
        }
    }

    /** Lazily unmounts whatever is still mounted below {@code dir}, then deletes it. */
    static void unmountAndDelete(Path dir) {
        // Only ever delete inside a /tmp/nw-testbed-* directory.
        if (!dir.startsWith(TMP) || dir.getNameCount() < 2
                || !dir.getName(1).toString().startsWith(PREFIX)) {
            throw new IllegalArgumentException("refusing to delete " + dir);
        }
        List<String> mounts;
        try {
            mounts = mountsBelow(dir);
        } catch (IOException e) {
            System.err.println("[testbed] not deleting " + dir + ", cannot read mounts: " + e);
            return;
        }
        for (String mount : mounts) {
            try {
                Cli.run(Map.of(), Duration.ofSeconds(10), "umount", "-l", mount);
            } catch (RuntimeException e) {
                System.err.println("[testbed] umount " + mount + ": " + e.getMessage());
            }
        }
        List<String> left;
        try {
            left = mountsBelow(dir);
        } catch (IOException e) {
            left = List.of("(unknown: " + e.getMessage() + ")");
        }
        if (!left.isEmpty()) {
            System.err.println("[testbed] not deleting " + dir + ", still mounted: " + left);
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("[testbed] could not delete " + dir + ": " + e);
        }
    }

    /** Mount points at or below {@code dir}, deepest first. */
    static List<String> mountsBelow(Path dir) throws IOException {
        List<String> result = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String[] fields = line.split(" ");
            if (fields.length < 2) {
                continue;
            }
            String mountPoint = unescape(fields[1]);
            if (Path.of(mountPoint).startsWith(dir)) {
                result.add(mountPoint);
            }
        }
        result.sort(Comparator.comparingInt(String::length).reversed());
        return result;
    }

    /** /proc/self/mounts writes space, tab, newline and backslash as octal escapes. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length()) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
