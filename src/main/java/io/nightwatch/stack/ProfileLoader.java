package io.nightwatch.stack;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and reads an operator's profile (YAML). Every mistake is reported with file, line and field, because
 * at 3 a.m. "invalid configuration" is not an answer.
 */
public final class ProfileLoader {

    public static final String FILE_NAME = "profile.yaml";

    private ProfileLoader() {}

    /** {@code --profile FILE} wins; else {@code $XDG_CONFIG_HOME/nightwatch/profile.yaml} or {@code ~/.config/...}; else built-in. */
    public static StackProfile resolve(Path explicit, Map<String, String> env) throws ProfileException {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) throw new ProfileException(explicit, 0, "", "no such profile file");
            return load(explicit);
        }
        Optional<Path> configured = configDirectory(env).map(dir -> dir.resolve(FILE_NAME)).filter(Files::isRegularFile);
        return configured.isPresent() ? load(configured.get()) : ReferenceStack.profile();
    }

    public static Optional<Path> configDirectory(Map<String, String> env) {
        return XdgDirs.config(env);
    }

    public static StackProfile load(Path file) throws ProfileException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ProfileException(file, 0, "", "cannot read: " + e.getMessage());
        }
        return parse(file, text);
    }

    public static StackProfile parse(Path file, String yaml) throws ProfileException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        JsonNode root;
        Map<String, Integer> lines;
        try {
            lines = fieldLines(mapper, yaml);
            root = mapper.readTree(yaml);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            throw new ProfileException(file, location == null ? 0 : location.getLineNr(), "",
                    "not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ProfileException(file, 1, "", "the profile is empty");
        }
        return new ProfileReader(file, lines).read(root);
    }

    /** One streaming pass that remembers the line of every field, keyed by JSON pointer ("/services/1/kind"). */
    private static Map<String, Integer> fieldLines(ObjectMapper mapper, String yaml) throws JsonProcessingException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = mapper.getFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    String pointer = parser.getParsingContext().pathAsPointer().toString();
                    lines.putIfAbsent(pointer, parser.currentLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string failed", e);
        }
        return lines;
    }
}
