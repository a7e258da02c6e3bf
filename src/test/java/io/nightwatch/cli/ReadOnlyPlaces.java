package io.nightwatch.cli;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Makes files and folders read-only for the test's user, and writable again afterwards. Permission bits do not
 * stop root (CI containers often run as root), so there the file is made immutable ({@code chattr +i}, which binds
 * root too); where neither works the test is skipped with the reason.
 */
final class ReadOnlyPlaces implements AutoCloseable {

    private record Made(Path path, Set<PosixFilePermission> before, boolean immutable) {}

    private final Deque<Made> made = new ArrayDeque<>();

    void makeReadOnly(Path p) throws IOException, InterruptedException {
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(p);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-x------" : "r--------"));
        boolean immutable = false;
        if (Files.isWritable(p)) immutable = chattr("+i", p);
        made.push(new Made(p, before, immutable));
        Assumptions.assumeFalse(Files.isWritable(p), "cannot make " + p + " read-only as this user (root without chattr +i)");
    }

    private static boolean chattr(String flag, Path p) throws IOException, InterruptedException {
        Process chattr;
        try {
            chattr = new ProcessBuilder("chattr", flag, p.toString()).redirectErrorStream(true).start();
        } catch (IOException noChattr) {
            return false;
        }
        chattr.getInputStream().readAllBytes();
        if (!chattr.waitFor(10, TimeUnit.SECONDS)) {
            chattr.destroyForcibly();
            return false;
        }
        return chattr.exitValue() == 0;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        while (!made.isEmpty()) {
            Made m = made.pop();
            if (m.immutable()) chattr("-i", m.path());
            Files.setPosixFilePermissions(m.path(), m.before());
        }
    }
}
