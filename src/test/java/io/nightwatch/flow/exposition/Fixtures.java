package io.nightwatch.flow.exposition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Exposition bodies kept under src/test/resources/exposition/. */
final class Fixtures {

    private Fixtures() {}

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/exposition/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /exposition/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Exposition parse(String name) {
        try {
            return ExpositionParser.parse(read(name));
        } catch (ExpositionParseException e) {
            throw new AssertionError(name + ": " + e.getMessage(), e);
        }
    }

    /** The {@code # TYPE} lines of a body, read naively (test oracle only): name to type word. */
    static Map<String, String> typeLines(String body) {
        Map<String, String> types = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.trim().split(" ");
                types.put(parts[2], parts[3]);
            }
        }
        return types;
    }

    /** The sample lines of a body (neither blank nor comment), read naively. */
    static List<String> sampleLines(String body) {
        List<String> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                lines.add(t);
            }
        }
        return lines;
    }

    /**
     * A sample line with its labels sorted and its value as a double (test oracle only: assumes
     * label values without escapes, commas or quotes).
     */
    static String normalized(String line) {
        int brace = line.indexOf('{');
        int space = line.lastIndexOf('}') >= 0 ? line.indexOf(' ', line.lastIndexOf('}')) : line.indexOf(' ');
        String name = brace >= 0 ? line.substring(0, brace) : line.substring(0, space);
        String labels = "";
        if (brace >= 0) {
            String inner = line.substring(brace + 1, line.lastIndexOf('}'));
            labels = Arrays.stream(inner.split(",")).filter(p -> !p.isBlank()).sorted()
                    .collect(Collectors.joining(",", "{", "}"));
        }
        String[] rest = line.substring(space).trim().split("\\s+");
        double value = switch (rest[0]) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(rest[0]);
        };
        return name + labels + " " + value + (rest.length > 1 ? " " + rest[1] : "");
    }
}
