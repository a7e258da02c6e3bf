package io.nightwatch.ui.settings;

import io.nightwatch.stack.XdgDirs;
import io.nightwatch.text.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The window's memory on disk: {@code $XDG_CONFIG_HOME/nightwatch/window.properties}. Read bounded and checked (it is
 * a file anyone with the account can edit): a bad value is dropped, never trusted, never fatal. Written aside and
 * moved in place, so a crash mid-write leaves the old file. A symlink in its place is not followed.
 */
public final class WindowSettingsFile {

    private static final Logger LOG = LoggerFactory.getLogger(WindowSettingsFile.class);
    public static final String FILE_NAME = "window.properties";
    static final int MAX_BYTES = 16 * 1024;
    private static final Set<String> VIEWS = Set.of("HEALTH", "FLOW", "ALERTS", "INCIDENTS", "READINESS");
    private static final Set<String> THEMES = Set.of("DARK", "LIGHT");

    private final Path file;

    public WindowSettingsFile(Path file) {
        this.file = file;
    }

    /** In the XDG config directory; empty without a home. */
    public static Optional<WindowSettingsFile> atDefault(Map<String, String> env) {
        return XdgDirs.config(env).map(dir -> new WindowSettingsFile(dir.resolve(FILE_NAME)));
    }

    public Path path() {
        return file;
    }

    public WindowSettings read() {
        Properties p = new Properties();
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return WindowSettings.none();
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                LOG.warn("window settings {} ignored: not a regular file", file); // tool text
                return WindowSettings.none();
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                LOG.warn("window settings {} ignored: larger than {} bytes", file, MAX_BYTES);
                return WindowSettings.none();
            }
            try (Reader r = new StringReader(new String(bytes, StandardCharsets.UTF_8))) {
                p.load(r);
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("window settings {} ignored: {}", file, e.getMessage());
            return WindowSettings.none();
        }
        return parse(p);
    }

    static WindowSettings parse(Properties p) {
        Optional<WindowSettings.Bounds> bounds;
        try {
            bounds = Optional.of(new WindowSettings.Bounds(number(p, "x"), number(p, "y"), number(p, "width"), number(p, "height")));
        } catch (IllegalArgumentException e) {
            bounds = Optional.empty();
        }
        boolean maximized = "true".equals(p.getProperty("maximized", "").trim());
        Optional<String> view = upper(p, "view").filter(VIEWS::contains);
        Optional<String> theme = upper(p, "theme").filter(THEMES::contains);
        Optional<Language> language = Optional.ofNullable(p.getProperty("language")).map(String::trim)
                .filter(t -> t.equals("de") || t.equals("en")).map(Language::ofTag);
        return new WindowSettings(bounds, maximized, view, theme, language);
    }

    private static double number(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.length() > 12) throw new IllegalArgumentException(key + " missing");
        return Double.parseDouble(v.trim()); // NumberFormatException is an IllegalArgumentException
    }

    private static Optional<String> upper(Properties p, String key) {
        return Optional.ofNullable(p.getProperty(key)).map(v -> v.trim().toUpperCase(Locale.ROOT));
    }

    /** Writes all of it; a failure is logged, the window goes on (remembering is a convenience, not a duty). */
    public void write(WindowSettings s) {
        Properties p = new Properties();
        s.bounds().ifPresent(b -> {
            p.setProperty("x", Long.toString(Math.round(b.x())));
            p.setProperty("y", Long.toString(Math.round(b.y())));
            p.setProperty("width", Long.toString(Math.round(b.width())));
            p.setProperty("height", Long.toString(Math.round(b.height())));
        });
        p.setProperty("maximized", Boolean.toString(s.maximized()));
        s.view().ifPresent(v -> p.setProperty("view", v.toLowerCase(Locale.ROOT)));
        s.theme().ifPresent(t -> p.setProperty("theme", t.toLowerCase(Locale.ROOT)));
        s.language().ifPresent(l -> p.setProperty("language", l.tag()));
        try {
            Files.createDirectories(file.getParent());
            if (Files.isSymbolicLink(file)) {
                LOG.warn("window settings not written: {} is a symbolic link", file);
                return;
            }
            Path aside = file.resolveSibling(FILE_NAME + ".new");
            Files.deleteIfExists(aside);
            try (Writer w = Files.newBufferedWriter(aside, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                p.store(w, "Nightwatch window: size, view, theme, language (written by the window)"); // tool text
            }
            try {
                Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("window settings not written to {}: {}", file, e.getMessage());
        }
    }
}
