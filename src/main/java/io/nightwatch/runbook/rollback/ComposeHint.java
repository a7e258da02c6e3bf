package io.nightwatch.runbook.rollback;

import io.nightwatch.text.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For a container that {@code docker compose} manages: which line of which compose file names its image, so the
 * operator can change it and the next {@code docker compose up} does not undo the change. The file is read when it
 * is on this machine (a local engine); for a remote one the path on that host is named instead.
 */
public final class ComposeHint {

    private static final Texts T = Texts.of(ComposeHint.class);

    static final String PROJECT = "com.docker.compose.project";
    static final String SERVICE = "com.docker.compose.service";
    static final String CONFIG_FILES = "com.docker.compose.project.config_files";
    static final String WORKING_DIR = "com.docker.compose.project.working_dir";

    private static final Pattern KEY = Pattern.compile("^(\\s*)([A-Za-z0-9_.\"'-]+)\\s*:(.*)$");

    private ComposeHint() {}

    /** Empty when the container carries no compose labels. */
    public static Optional<String> forContainer(Map<String, String> labels, String targetImage) {
        String project = labels.get(PROJECT);
        String service = labels.get(SERVICE);
        if (project == null || service == null) return Optional.empty();
        String files = labels.getOrDefault(CONFIG_FILES, "");
        if (files.isBlank()) {
            return Optional.of(T.get("compose.noFile", project, service, targetImage));
        }
        for (String f : files.split(",")) {
            Path path = Path.of(f.trim());
            Optional<Line> line = imageLine(path, service);
            if (line.isPresent()) {
                return Optional.of(T.get("compose.line", path, line.get().number(), line.get().text().strip(), targetImage, service));
            }
        }
        return Optional.of(T.get("compose.remote", project, service, files, targetImage));
    }

    record Line(int number, String text) {}

    /** The {@code image:} line of {@code services.<service>} in a compose file, by indentation (no YAML anchors). */
    static Optional<Line> imageLine(Path composeFile, String service) {
        List<String> lines;
        try {
            if (!Files.isRegularFile(composeFile)) return Optional.empty();
            lines = Files.readAllLines(composeFile, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        boolean inServices = false;
        int serviceLevel = -1; // indentation of the service names under services:
        int childLevel = -1;   // indentation of the keys of our service
        boolean inOurs = false;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (raw.isBlank() || raw.stripLeading().startsWith("#")) continue;
            Matcher m = KEY.matcher(raw);
            if (!m.matches()) continue;
            int indent = m.group(1).length();
            String key = m.group(2).replace("\"", "").replace("'", "");
            if (indent == 0) {
                inServices = key.equals("services");
                serviceLevel = -1;
                inOurs = false;
                continue;
            }
            if (!inServices) continue;
            if (serviceLevel < 0) serviceLevel = indent;
            if (indent <= serviceLevel) {
                inOurs = indent == serviceLevel && key.equals(service);
                childLevel = -1;
                continue;
            }
            if (!inOurs) continue;
            if (childLevel < 0) childLevel = indent;
            if (indent == childLevel && key.equals("image")) return Optional.of(new Line(i + 1, raw));
        }
        return Optional.empty();
    }
}
