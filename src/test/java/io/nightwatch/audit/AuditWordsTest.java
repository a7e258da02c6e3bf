package io.nightwatch.audit;

import io.nightwatch.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every sentence the checks name with {@code say("key", …)} (which BundleParityTest cannot see) and every enum word
 * (status, risk, category, verdict, phase) has its English and German words; and a sentence renders per language.
 */
class AuditWordsTest {

    private static final Path SOURCES = Path.of("src/main/java/io/nightwatch/audit");
    private static final Path BUNDLE = Path.of("src/main/resources/io/nightwatch/audit");
    private static final Pattern SAY = Pattern.compile("\\bsay\\(\\s*\"([A-Za-z0-9_.-]+)\"");
    /** A key chosen in the call: {@code say(ok ? "safety.drill.restored" : "safety.drill.failed")}. */
    private static final Pattern KEYISH = Pattern.compile("\"([a-z][A-Za-z]*\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");

    @AfterEach
    void english() {
        Language.use(Language.EN);
    }

    @Test
    void everyKeyTheChecksSayExistsInBothLanguages() throws IOException {
        Properties en = load(BUNDLE.resolve("messages.properties"));
        Properties de = load(BUNDLE.resolve("messages_de.properties"));
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path java : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(java);
                Matcher m = SAY.matcher(code);
                while (m.find()) if (!m.group(1).endsWith(".")) keys.add(m.group(1)); // "scenario." + id: checked below
                for (String line : code.split("\n")) {
                    if (!line.contains("say(") && !line.contains("T.get(")) continue;
                    Matcher c = KEYISH.matcher(line);
                    while (c.find()) keys.add(c.group(1));
                }
            }
        }
        for (Enum<?>[] values : List.<Enum<?>[]>of(AuditItem.Status.values(), AuditItem.Risk.values(), AuditItem.Category.values())) {
            for (Enum<?> v : values) keys.add(AuditItem.key(v.getDeclaringClass().getSimpleName().toLowerCase(java.util.Locale.ROOT), v));
        }
        for (Verdict v : Verdict.values()) keys.add(AuditItem.key("verdict", v));
        for (Phase p : Phase.values()) keys.add(AuditItem.key("phase", p));
        for (AlertScenario sc : AlertScenario.values()) keys.add("scenario." + sc.id());
        List<String> missing = keys.stream().distinct().filter(k -> !en.containsKey(k) || !de.containsKey(k)).toList();
        assertEquals(List.of(), missing);
        assertEquals(true, keys.size() > 150, "the checks' sentences were found: " + keys.size());
    }

    @Test
    void aSentenceRendersInEachLanguageWithItsParts() {
        Words w = Words.say("container.restarts.loop", Words.say("container.restarts", "sva-studio-loki", 7));
        assertEquals("RestartCount of sva-studio-loki: 7: a crash loop", w.english());
        assertEquals("RestartCount von sva-studio-loki: 7: eine Absturzschleife", w.in(Language.DE));
        Language.use(Language.DE);
        assertEquals("RestartCount von sva-studio-loki: 7: eine Absturzschleife", w.text());
        assertEquals("RestartCount of sva-studio-loki: 7: a crash loop", w.toString(), "what logs and JSON get");
        assertEquals("a: b", Words.concat("a", Words.plain(": "), "b").in(Language.DE));
        assertEquals(Words.say("slo.week"), Words.say("slo.week"), "items stay comparable");
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
