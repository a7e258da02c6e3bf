package io.nightwatch.cli;

import io.nightwatch.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * docs/operations/*.md (English) and docs/operations/de/*.md (German) are generated from the runbook definitions; this
 * fails when they drift. Regenerate with {@code java -jar target/nightwatch.jar runbooks docs --out docs/operations} and
 * {@code java -jar target/nightwatch.jar --lang de runbooks docs --out docs/operations/de}.
 */
class OperationsDocsTest {

    @AfterEach
    void backToEnglish() {
        Language.use(Language.EN);
    }

    @Test
    void committedOperatorDocsMatchTheRunbooks(@TempDir Path out) throws Exception {
        assertCurrent(out, Path.of("docs/operations"));
    }

    @Test
    void committedGermanOperatorDocsMatchTheRunbooks(@TempDir Path out) throws Exception {
        Language.use(Language.DE);
        assertCurrent(out, Path.of("docs/operations/de"));
        assertTrue(Files.readString(out.resolve("backup.md")).contains("## Schritte"), "the German docs have German headings");
    }

    private static void assertCurrent(Path out, Path committed) throws Exception {
        assertEquals(0, NightwatchCommand.commandLine().execute("runbooks", "docs", "--out", out.toString()));
        List<String> generated = names(out);
        assertTrue(generated.containsAll(List.of("backup.md", "restore.md")), generated.toString());
        assertEquals(generated, names(committed), "regenerate " + committed + " (see this test's comment)");
        for (String name : generated) {
            assertEquals(Files.readString(out.resolve(name)), Files.readString(committed.resolve(name)),
                    committed + "/" + name + " drifted from the runbook: regenerate it");
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
        }
    }
}
