package io.nightwatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * docs/operations/*.md are generated from the runbook definitions; this fails when they drift. Regenerate with
 * {@code java -jar target/nightwatch.jar runbooks docs --out docs/operations}.
 */
class OperationsDocsTest {

    @Test
    void committedOperatorDocsMatchTheRunbooks(@TempDir Path out) throws Exception {
        assertEquals(0, NightwatchCommand.commandLine().execute("runbooks", "docs", "--out", out.toString()));
        Path committed = Path.of("docs/operations");
        List<String> generated = names(out);
        assertTrue(generated.containsAll(List.of("backup.md", "restore.md")), generated.toString());
        assertEquals(generated, names(committed), "regenerate docs/operations (see this test's comment)");
        for (String name : generated) {
            assertEquals(Files.readString(out.resolve(name)), Files.readString(committed.resolve(name)),
                    "docs/operations/" + name + " drifted from the runbook: regenerate it");
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
        }
    }
}
