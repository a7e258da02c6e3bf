package io.nightwatch.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a report or fix file whole or not at all (temporary file, then a rename that replaces, never follows, a link). */
public final class ReportFiles {

    private ReportFiles() {}

    public static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            if (Files.isSymbolicLink(dir)) throw new IOException(dir + " is a symbolic link; Nightwatch writes only into real folders");
            Files.createDirectories(dir);
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) throw new IOException(file + " is a folder");
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
