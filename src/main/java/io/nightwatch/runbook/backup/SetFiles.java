package io.nightwatch.runbook.backup;

import io.nightwatch.text.Texts;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * File access inside backup sets, which may come from another machine, a shared folder or an attacker: names from
 * outside never leave their folder, no symbolic link is followed, every read is bounded and every write goes to a
 * fresh temporary file in the same folder that is then renamed over the final name.
 */
final class SetFiles {

    private static final Texts T = Texts.of(SetFiles.class);

    static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SetFiles() {}

    /**
     * {@code root/name} for one folder or file name taken from a profile or a manifest (a service, a host): a name
     * that would end up anywhere but directly inside {@code root} is refused.
     */
    static Path child(Path root, String name) throws IOException {
        Optional<String> problem = nameProblem(name);
        if (problem.isPresent()) throw new IOException(T.get("files.refused", printable(name), problem.get()));
        Path base = root.toAbsolutePath().normalize();
        Path child = base.resolve(name).normalize();
        if (!child.startsWith(base) || !child.getParent().equals(base)) {
            throw new IOException(T.get("files.refused", printable(name), T.get("files.leadsOutside", root)));
        }
        return root.resolve(name);
    }

    /** Why {@code name} cannot be a single folder name inside a set (empty when it can). */
    static Optional<String> nameProblem(String name) {
        if (name == null || name.isEmpty()) return Optional.of(T.get("files.empty"));
        if (name.equals(".") || name.equals("..")) return Optional.of(T.get("files.notPlainName"));
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) return Optional.of(T.get("files.separator"));
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) return Optional.of(T.get("files.controlChars"));
        return Optional.empty();
    }

    /** Why a manifest's file path is not a plain, normalised path relative to its service folder (empty when it is). */
    static Optional<String> pathProblem(String path) {
        if (path == null || path.isEmpty()) return Optional.of(T.get("files.emptyPath"));
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) return Optional.of(T.get("files.controlCharsPath"));
        if (path.startsWith("/")) return Optional.of(T.get("files.absolute"));
        for (String part : path.split("/", -1)) {
            if (part.equals("..")) return Optional.of(T.get("files.leadsOut"));
            if (part.isEmpty() || part.equals(".")) return Optional.of(T.get("files.notNormalised"));
        }
        try {
            Path p = Path.of(path);
            if (p.isAbsolute() || !p.normalize().equals(p)) return Optional.of(T.get("files.notNormalised"));
        } catch (InvalidPathException e) {
            return Optional.of(T.get("files.invalid"));
        }
        return Optional.empty();
    }

    /** The file a manifest path names under {@code dir}; refused when it is not a plain path inside it. */
    static Path entry(Path dir, String path) throws IOException {
        Optional<String> problem = pathProblem(path);
        if (problem.isPresent()) throw new IOException(printable(path) + ": " + problem.get());
        Path base = dir.toAbsolutePath().normalize();
        Path file = base.resolve(path).normalize();
        if (!file.startsWith(base) || file.equals(base)) throw new IOException(printable(path) + ": leads outside " + dir);
        return dir.resolve(path);
    }

    /** The file's own attributes (a link is described, not followed); empty when nothing is there. */
    static Optional<BasicFileAttributes> attributes(Path p) throws IOException {
        try {
            return Optional.of(Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Why {@code attrs} are not those of a plain file with one name (empty when they are). */
    static Optional<String> notPlainFile(Path p, BasicFileAttributes attrs) throws IOException {
        if (attrs.isSymbolicLink()) return Optional.of(T.get("files.symlink"));
        if (attrs.isDirectory()) return Optional.of(T.get("files.folder"));
        if (!attrs.isRegularFile()) return Optional.of(T.get("files.notRegular"));
        long links = links(p);
        if (links > 1) return Optional.of(T.get("files.hardLink", links));
        return Optional.empty();
    }

    /** The number of names the file has; 1 where the file system cannot say. */
    static long links(Path p) throws IOException {
        try {
            Object n = Files.getAttribute(p, "unix:nlink", NOFOLLOW);
            return n instanceof Number number ? number.longValue() : 1;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    /** Opens a plain file for reading; a symbolic link, a device or a second name for the file is refused. */
    static FileChannel openPlain(Path p) throws IOException {
        BasicFileAttributes attrs = attributes(p).orElseThrow(() -> new NoSuchFileException(p.toString(), null, "missing"));
        Optional<String> problem = notPlainFile(p, attrs);
        if (problem.isPresent()) throw new IOException(problem.get());
        // NOFOLLOW_LINKS makes the open itself fail should the name have been swapped for a link since the check.
        return FileChannel.open(p, StandardOpenOption.READ, NOFOLLOW);
    }

    /** The whole of a plain file, refused when larger than {@code limit} bytes. */
    static byte[] readBounded(Path p, long limit) throws IOException {
        try (FileChannel ch = openPlain(p)) {
            long size = ch.size();
            if (size > limit) throw new IOException(size + " bytes, more than the " + limit + " allowed");
            ByteBuffer buf = ByteBuffer.allocate((int) size + 1);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // read until the end or one byte past the size seen
            }
            if (buf.position() > size) throw new IOException("grew while being read");
            byte[] bytes = new byte[buf.position()];
            buf.flip().get(bytes);
            return bytes;
        }
    }

    /**
     * Writes {@code name} in {@code dir}: to a new temporary file there (created exclusively, no link followed),
     * forced to disk, then renamed over {@code name}. A link or file already at {@code name} is replaced, never
     * written through.
     */
    static void writeAtomically(Path dir, String name, byte[] bytes) throws IOException {
        Path target = child(dir, name);
        BasicFileAttributes dirAttrs = attributes(dir).orElseThrow(() -> new NoSuchFileException(dir.toString()));
        if (!dirAttrs.isDirectory()) throw new IOException(dir + " is not a plain folder (a symbolic link?); nothing written");
        Path tmp = dir.resolve("." + name + "." + HexFormat.of().toHexDigits(RANDOM.nextLong()) + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("could not write " + target + ": temporary name taken", e);
        } finally {
            Files.deleteIfExists(tmp);
        }
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException ignored) {
            // some file systems cannot sync a directory; the rename is still atomic
        }
    }

    /** A name for messages: control characters shown as '?', length capped. */
    static String printable(String s) {
        if (s == null) return "(none)";
        String shown = s.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
    }
}
