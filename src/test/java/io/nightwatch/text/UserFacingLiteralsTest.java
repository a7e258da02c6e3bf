package io.nightwatch.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * No word for people is built outside the bundles in the packages that speak to them. A string literal fails when it
 * is handed straight to a control or a printer ({@code setText("…")}, {@code new Label("…")}, {@code println("…")}…),
 * or when it reads like a phrase (two words) anywhere else. Text for tools — log calls, exception messages that only
 * reach the log, JSON keys, CSS, FXML ids, command names — is marked {@code // tool text} on its line.
 */
class UserFacingLiteralsTest {

    /**
     * Source folders under io/nightwatch whose words all come from bundles; "dir/*" means that folder only, not below.
     * Not here: store (SQL statements; its two operator-facing exception sentences are English).
     */
    static final List<String> COVERED = List.of(
            "./*",
            "alerts",
            "audit",
            "baseline",
            "cli",
            "docker",
            "flow",
            "health",
            "incident",
            "probe",
            "redact",
            "runbook/*",
            "runbook/backup",
            "runbook/catalog",
            "runbook/recovery",
            "runbook/rollback",
            "runbook/service",
            "runbook/stack",
            "services",
            "stack",
            "text/*",
            "ui/*",
            "ui/alerts",
            "ui/controls",
            "ui/dashboard",
            "ui/dashboard/compact",
            "ui/flow",
            "ui/fx",
            "ui/incident",
            "ui/readiness",
            "ui/settings",
            "ui/wizard"
    );

    private static final Path ROOT = Path.of("src/main/java/io/nightwatch");
    private static final String MARK = "// tool text";
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern SINK = Pattern.compile(
            "\\b(?:setText|setPromptText|setTitle|setHeaderText|setContentText|setAccessibleText|setAccessibleHelp|setTooltip|appendText"
                    + "|println|printf|print"
                    + "|new\\s+(?:Label|Button|Tooltip|MenuItem|Menu|CheckBox|CheckMenuItem|RadioButton|RadioMenuItem|ToggleButton|Tab|Text|Hyperlink|TitledPane))"
                    + "\\(\\s*\"((?:[^\"\\\\]|\\\\.)*\\p{L}(?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PHRASE = Pattern.compile("\\p{L}{2,}[,.:;!?'’/-]?\\s+\\p{L}{2,}");
    private static final Pattern EXEMPT_LINE = Pattern.compile(
            "\\b(?:LOG|log|logger|LOGGER)\\.(?:trace|debug|info|warn|error)\\(|@SuppressWarnings|\\bnew\\s+\\w*(?:Exception|Error)\\(");

    @Test
    void wordsForPeopleComeFromTheBundles() throws IOException {
        List<String> found = new ArrayList<>();
        for (String covered : COVERED) {
            boolean shallow = covered.endsWith("/*");
            Path dir = ROOT.resolve(shallow ? covered.substring(0, covered.length() - 2) : covered);
            try (Stream<Path> files = shallow ? Files.list(dir) : Files.walk(dir)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    found.addAll(literalsIn(file));
                }
            }
        }
        assertEquals(List.of(), found, "words for people outside the bundles (move them to messages.properties, "
                + "or mark a tool's text with '" + MARK + "')");
    }

    static List<String> literalsIn(Path file) throws IOException {
        List<String> found = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        boolean inComment = false;
        boolean inTextBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            String where = (file.startsWith(ROOT) ? ROOT.relativize(file) : file.getFileName()) + ":" + (i + 1) + ": ";
            if (inTextBlock) {
                if (trimmed.contains("\"\"\"")) inTextBlock = false;
                continue;
            }
            if (inComment) {
                if (trimmed.contains("*/")) inComment = false;
                continue;
            }
            if (trimmed.startsWith("/*")) {
                inComment = !trimmed.contains("*/");
                continue;
            }
            if (trimmed.startsWith("//") || trimmed.startsWith("*") || trimmed.startsWith("import ") || trimmed.startsWith("package ")) continue;
            if (line.contains(MARK) || EXEMPT_LINE.matcher(line).find()) {
                if (trimmed.contains("\"\"\"") && !trimmed.endsWith("\"\"\";")) inTextBlock = true;
                continue;
            }
            if (trimmed.contains("\"\"\"")) {
                found.add(where + "a text block (its words belong in a bundle)");
                inTextBlock = !trimmed.matches(".*\"\"\".*\"\"\".*");
                continue;
            }
            String code = withoutTrailingComment(line);
            Matcher sink = SINK.matcher(code);
            boolean reported = false;
            while (sink.find()) {
                found.add(where + "\"" + sink.group(1) + "\"");
                reported = true;
            }
            if (reported) continue;
            Matcher literal = LITERAL.matcher(code);
            while (literal.find()) {
                if (PHRASE.matcher(literal.group(1)).find()) found.add(where + "\"" + literal.group(1) + "\"");
            }
        }
        return found;
    }

    private static String withoutTrailingComment(String line) {
        int quotes = 0;
        for (int i = 0; i + 1 < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '"') quotes++;
            if (c == '/' && line.charAt(i + 1) == '/' && quotes % 2 == 0) return line.substring(0, i);
        }
        return line;
    }

    @Test
    void theCheckFindsWhatItShould() throws IOException {
        Path sample = Files.createTempFile("Sample", ".java");
        try {
            Files.writeString(sample, String.join("\n",
                    "class Sample {",
                    "  void a() { label.setText(\"Cancel\"); }",            // a sink: found
                    "  String b() { return \"Engine gone away\"; }",          // a phrase: found
                    "  String c() { return \"state\"; }",                     // one word for a tool: fine
                    "  void d() { LOG.warn(\"engine gone away\"); }",         // a log: fine
                    "  String e() { return \"rule for the tool\"; } // tool text",
                    "  /* \"a phrase in a comment\" */",
                    "  String f() { return T.get(\"tile.down\"); }",
                    "}"));
            List<String> found = literalsIn(sample);
            assertEquals(2, found.size(), found.toString());
            assertEquals(true, found.get(0).endsWith("\"Cancel\""), found.toString());
            assertEquals(true, found.get(1).endsWith("\"Engine gone away\""), found.toString());
        } finally {
            Files.delete(sample);
        }
    }
}
