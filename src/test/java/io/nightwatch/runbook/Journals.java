package io.nightwatch.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads journals in tests, strictly: every line must be one JSON object. */
final class Journals {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Journals() {}

    static List<JsonNode> events(Path journal) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) out.add(JSON.readTree(line));
        return out;
    }

    /** "event step" per event ("step-started a", "run-finished"), outputs and states included. */
    static List<String> trace(Path journal) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events(journal)) {
            String s = e.get("event").asText();
            if (e.hasNonNull("step") && !s.startsWith("run-")) s += " " + e.get("step").asText();
            out.add(s);
        }
        return out;
    }

    static JsonNode last(Path journal) throws IOException {
        List<JsonNode> all = events(journal);
        return all.get(all.size() - 1);
    }
}
