package io.nightwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment the packaged launcher ({@code packaging/nightwatch-launcher.sh}) gives the window, read from its
 * {@code export NAME="${NAME-value}"} lines, so the benchmarks run the jar as the launcher would.
 */
public final class LauncherEnvironment {

    public static final Path SCRIPT = Path.of("packaging/nightwatch-launcher.sh");
    private static final Pattern EXPORT = Pattern.compile("^export (\\w+)=\"\\$\\{(\\w+)-([^}\"]*)}\"$");

    private LauncherEnvironment() {}

    public static Map<String, String> read() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(SCRIPT)) {
            Matcher m = EXPORT.matcher(line.strip());
            if (m.matches() && m.group(1).equals(m.group(2))) env.put(m.group(1), m.group(3));
        }
        return env;
    }
}
