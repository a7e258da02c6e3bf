package io.nightwatch.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * English and German stay in step: every bundle has both files with the same keys and the same placeholders, no
 * word is blank, a German file is not an English copy, and every key the code asks for by name exists.
 */
class BundleParityTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d{1,2})}");
    private static final Pattern LOOKUP = Pattern.compile("\\bT\\.(?:get|in\\([^,()]+,)\\(?\\s*\"([A-Za-z0-9_.-]+)\"");
    private static final Pattern WORDS = Pattern.compile("\\p{L}{3,}.*\\s.*\\p{L}{3,}");

    @Test
    void everyBundleHasTheSameKeysAndPlaceholdersInBothLanguages() throws IOException {
        List<Path> english = bundles();
        assertTrue(!english.isEmpty(), "no messages.properties under " + RESOURCES);
        List<String> problems = new ArrayList<>();
        for (Path en : english) {
            Path de = en.resolveSibling("messages_de.properties");
            if (!Files.exists(de)) {
                problems.add(RESOURCES.relativize(en) + ": no German file beside it");
                continue;
            }
            Properties e = load(en);
            Properties d = load(de);
            Set<String> onlyEn = new TreeSet<>(e.stringPropertyNames());
            onlyEn.removeAll(d.stringPropertyNames());
            Set<String> onlyDe = new TreeSet<>(d.stringPropertyNames());
            onlyDe.removeAll(e.stringPropertyNames());
            if (!onlyEn.isEmpty()) problems.add(RESOURCES.relativize(de) + " lacks " + onlyEn);
            if (!onlyDe.isEmpty()) problems.add(RESOURCES.relativize(en) + " lacks " + onlyDe);
            int copies = 0;
            int prose = 0;
            for (String key : e.stringPropertyNames()) {
                String ev = e.getProperty(key);
                String dv = d.getProperty(key);
                if (ev.isBlank()) problems.add(RESOURCES.relativize(en) + ": " + key + " is blank");
                if (dv == null) continue;
                if (dv.isBlank()) problems.add(RESOURCES.relativize(de) + ": " + key + " is blank");
                if (!placeholders(ev).equals(placeholders(dv))) {
                    problems.add(key + ": placeholders " + placeholders(ev) + " in English, " + placeholders(dv) + " in German ("
                            + RESOURCES.relativize(de) + ")");
                }
                if (WORDS.matcher(ev).find()) {
                    prose++;
                    if (ev.equals(dv)) copies++;
                }
            }
            if (prose >= 10 && copies * 10 > prose * 3) {
                problems.add(RESOURCES.relativize(de) + ": " + copies + " of " + prose + " sentences are the English words");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void onlyEnglishAndGermanExist() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            List<Path> others = files.filter(p -> p.getFileName().toString().matches("messages_(?!de\\.).*\\.properties")).toList();
            assertEquals(List.of(), others);
        }
    }

    @Test
    void everyKeyTheCodeNamesExistsInItsPackagesBundle() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path java : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(java);
                if (!code.contains("Texts T = Texts.of(")) continue;
                Path bundle = RESOURCES.resolve(SOURCES.relativize(java.getParent())).resolve("messages.properties");
                Properties words = Files.exists(bundle) ? load(bundle) : new Properties();
                Matcher m = LOOKUP.matcher(code);
                while (m.find()) {
                    String key = m.group(1);
                    // "state." + name(): a prefix of keys made at run time; at least one key must start with it
                    boolean known = key.endsWith(".") ? words.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                            : words.containsKey(key);
                    if (!known) missing.add(SOURCES.relativize(java) + ": " + key);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    static List<Path> bundles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(p -> p.getFileName().toString().equals("messages.properties")).sorted().toList();
        }
    }

    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Set<String> placeholders(String pattern) {
        return PLACEHOLDER.matcher(pattern).results().map(r -> r.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }
}
