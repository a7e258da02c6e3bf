package io.nightwatch.stack;

import io.nightwatch.text.Texts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

    private static final Texts T = Texts.of(ProfileLoader.class);

    public static final String FILE_NAME = "profile.yaml";
    /** A profile is a page of YAML; anything this large is not one. */
    static final long MAX_BYTES = 1024 * 1024;

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
            if (Files.size(file) > MAX_BYTES) throw new ProfileException(file, 0, "", "larger than 1 MiB: not a profile");
            text = decode(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ProfileException(file, 0, "", "cannot read: " + e.getMessage());
        }
        return parse(file, text);
    }

    /** Strict UTF-8: a profile with broken bytes is refused with the line they are on, never read with U+FFFD in names. */
    static String decode(Path file, byte[] bytes) throws ProfileException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            int bad = firstInvalidUtf8(bytes);
            for (int i = 0; i < bad && i < bytes.length; i++) if (bytes[i] == '\n') line++;
            throw new ProfileException(file, line, "", "not valid UTF-8 (byte " + (bad + 1) + "); save the file as UTF-8");
        }
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
    }

    public static StackProfile parse(Path file, String yaml) throws ProfileException {
        // A key written twice is a mistake (which one did the operator mean?), not "the last one wins".
        ObjectMapper mapper = new ObjectMapper(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
        JsonNode root;
        Map<String, Integer> lines;
        try {
            lines = fieldLines(mapper, yaml);
            root = mapper.readTree(yaml);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            throw new ProfileException(file, location == null ? 0 : location.getLineNr(), "",
                    T.get("loader.notYaml", e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ProfileException(file, 1, "", T.get("loader.empty"));
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
