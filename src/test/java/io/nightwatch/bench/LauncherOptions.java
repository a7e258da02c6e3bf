package io.nightwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JVM options the packaged launchers bake in, read from their files, so the benchmarks run the jar as the
 * launchers would: the window's ({@code packaging/jvm-options}, also {@code javafx:run}'s) and serve's
 * ({@code packaging/serve-jvm-options}).
 */
public final class LauncherOptions {

    public static final Path WINDOW = Path.of("packaging/jvm-options");
    public static final Path SERVE = Path.of("packaging/serve-jvm-options");

    private LauncherOptions() {}

    public static List<String> window() throws IOException {
        return read(WINDOW);
    }

    public static List<String> serve() throws IOException {
        return read(SERVE);
    }

    /** One option per line; blank lines and # comments are not options. */
    public static List<String> read(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
