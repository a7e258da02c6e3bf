package io.nightwatch.runbook;

import io.nightwatch.text.Texts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Operator docs generated from the same definitions the wizard and the CLI run, so the written runbook cannot
 * drift from what the code does. Output is deterministic (no timestamps, fixed order, a fixed clock for previews),
 * so a test can compare it with the committed {@code docs/operations/*.md} ({@link #stale}).
 */
public final class RunbookDocs {

    /** First line of every generated file; also how {@link #writeAll} recognises files it may replace or delete. */
    static final String MARKER = "<!-- Generated from the runbook definitions by io.nightwatch.runbook.RunbookDocs. Do not edit:" // tool text
            + " change the definition and regenerate. -->"; // tool text: recognises generated files in either language
    private static final Texts T = Texts.of(RunbookDocs.class);
    static final String INDEX = "README.md";

    private RunbookDocs() {}

    /** The Markdown for one runbook, built with every parameter's example value. */
    public static String markdown(RunbookDefinition def) {
        Map<String, String> examples = examples(def);
        Runbook rb = def.build(examples);
        RunContext ctx = RunContext.forDocs(examples);
        StringBuilder md = new StringBuilder();
        md.append(MARKER).append("\n\n# ").append(oneLine(def.title())).append("\n\n");
        md.append(def.purpose().strip()).append("\n\n");
        md.append("## ").append(T.get("docs.howToRun")).append("\n\n");
        md.append(T.get("docs.fromCli")).append("\n\n```sh\n").append(cliLine(def, examples)).append("\n```\n\n");
        md.append(T.get("docs.inWindow")).append("\n\n");
        md.append(T.get("docs.journal")).append("\n\n");
        parameters(md, def.parameters());
        md.append("## ").append(T.get("docs.steps")).append("\n\n");
        if (rb.steps().isEmpty()) md.append(T.get("docs.noSteps")).append("\n\n");
        for (int i = 0; i < rb.steps().size(); i++) step(md, i + 1, rb.steps().get(i), ctx);
        return md.toString().stripTrailing() + "\n";
    }

    /**
     * Writes {@code <id>.md} for every runbook and an index {@code README.md} into {@code outDir}. Files are only
     * rewritten when their content changes; generated files of runbooks that no longer exist are deleted
     * (files without the generated-file marker are never touched).
     */
    public static void writeAll(RunbookRegistry registry, Path outDir) {
        try {
            Files.createDirectories(outDir);
            Map<String, String> wanted = render(registry);
            for (Map.Entry<String, String> e : wanted.entrySet()) write(outDir.resolve(e.getKey()), e.getValue());
            for (Path orphan : generatedFiles(outDir)) {
                if (!wanted.containsKey(orphan.getFileName().toString())) Files.delete(orphan);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the runbook docs to " + outDir, e);
        }
    }

    /** The file names in {@code outDir} that differ from what {@link #writeAll} would write (missing, changed or orphaned). */
    public static List<String> stale(RunbookRegistry registry, Path outDir) {
        try {
            Map<String, String> wanted = render(registry);
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, String> e : wanted.entrySet()) {
                Path f = outDir.resolve(e.getKey());
                if (!Files.isRegularFile(f) || !Files.readString(f, StandardCharsets.UTF_8).equals(e.getValue())) out.add(e.getKey());
            }
            if (Files.isDirectory(outDir)) {
                for (Path f : generatedFiles(outDir)) if (!wanted.containsKey(f.getFileName().toString())) out.add(f.getFileName().toString());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the runbook docs in " + outDir, e);
        }
    }

    /** The index: every runbook with its purpose's first sentence, in registry order. */
    static String index(RunbookRegistry registry) {
        StringBuilder md = new StringBuilder(MARKER).append("\n\n# ").append(T.get("index.title")).append("\n\n");
        md.append(T.get("index.intro")).append("\n\n");
        md.append(T.get("index.otherLanguage")).append("\n\n");
        md.append("| ").append(T.get("index.runbook")).append(" | CLI | ").append(T.get("index.purpose")).append(" |\n|---|---|---|\n");
        for (RunbookDefinition d : registry.all()) {
            md.append("| [").append(cell(d.title())).append("](").append(d.id()).append(".md) | `").append(d.cliCommand())
                    .append("` | ").append(cell(firstSentence(d.purpose()))).append(" |\n");
        }
        return md.toString();
    }

    private static Map<String, String> render(RunbookRegistry registry) {
        Map<String, String> files = new TreeMap<>();
        for (RunbookDefinition d : registry.all()) files.put(d.id() + ".md", markdown(d));
        files.put(INDEX, index(registry));
        List<RunbookDefinition> recoveries = registry.all().stream().filter(d -> d.id().startsWith(RECOVERY_PREFIX)).toList();
        if (!recoveries.isEmpty()) {
            files.put(DISASTER_RECOVERY, collection(T.get("recovery.title"), T.get("recovery.intro"), recoveries));
            files.put(TROUBLESHOOTING, troubleshooting(recoveries));
        }
        List<RunbookDefinition> stack = registry.all().stream().filter(d -> d.id().startsWith("stack-")).toList();
        if (!stack.isEmpty()) {
            files.put(STOP_START, collection(T.get("stopStart.title"), T.get("stopStart.intro"), stack));
        }
        return files;
    }

    static final String RECOVERY_PREFIX = "recover-";
    static final String DISASTER_RECOVERY = "disaster-recovery.md";
    static final String TROUBLESHOOTING = "troubleshooting.md";
    static final String STOP_START = "stop-start.md";

    /** Several runbooks on one page, a section each (their own pages' content, one heading level down). */
    static String collection(String title, String intro, List<RunbookDefinition> definitions) {
        StringBuilder md = new StringBuilder(MARKER).append("\n\n# ").append(title).append("\n\n").append(intro).append("\n\n");
        for (RunbookDefinition d : definitions) md.append("- [").append(cell(d.title())).append("](#").append(anchor(d.title())).append(")\n");
        md.append('\n');
        for (RunbookDefinition d : definitions) {
            String page = markdown(d);
            boolean fenced = false;
            for (String line : page.substring(page.indexOf('\n') + 1).split("\n", -1)) {
                if (line.startsWith("```")) fenced = !fenced;
                md.append(!fenced && line.startsWith("#") ? "#" + line : line).append('\n');
            }
        }
        return md.toString().stripTrailing() + "\n";
    }

    /** Symptom → what the diagnosis looks at → the runbook, from the scenario catalogue. */
    static String troubleshooting(List<RunbookDefinition> recoveries) {
        StringBuilder md = new StringBuilder(MARKER).append("\n\n# ").append(T.get("troubleshooting.title")).append("\n\n");
        md.append(T.get("troubleshooting.intro")).append("\n\n");
        md.append("| ").append(T.get("troubleshooting.symptom")).append(" | ").append(T.get("troubleshooting.diagnosis")).append(" | ")
                .append(T.get("index.runbook")).append(" |\n|---|---|---|\n");
        for (io.nightwatch.alerts.RunbookHints.Scenario s : io.nightwatch.alerts.RunbookHints.SCENARIOS) {
            boolean defined = recoveries.stream().anyMatch(d -> d.id().equals(RECOVERY_PREFIX + s.id()));
            md.append("| ").append(cell(s.symptom())).append(" | ").append(cell(s.diagnosis())).append(" | `").append(s.command()).append('`')
                    .append(defined ? " ([" + T.get("troubleshooting.steps") + "](" + RECOVERY_PREFIX + s.id() + ".md))" : "").append(" |\n");
        }
        md.append('\n').append(T.get("troubleshooting.more")).append('\n');
        return md.toString();
    }

    /** GitHub's heading anchor: lower case, punctuation dropped, spaces to dashes. */
    static String anchor(String heading) {
        // Letters beyond ASCII stay, as on GitHub ("prüfen" keeps its ü).
        return oneLine(heading).toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static Map<String, String> examples(RunbookDefinition def) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Parameter p : def.parameters()) {
            if (!p.example().isEmpty()) out.put(p.name(), p.example());
            else if (p.required()) throw new IllegalStateException("runbook " + def.id() + ": required parameter " + p.name() + " has no example for the docs");
        }
        return out;
    }

    private static String cliLine(RunbookDefinition def, Map<String, String> examples) {
        StringBuilder s = new StringBuilder(def.cliCommand());
        examples.forEach((k, v) -> s.append(" --").append(k).append(' ').append(shellQuote(v)));
        return s.toString();
    }

    private static void parameters(StringBuilder md, List<Parameter> parameters) {
        md.append("## ").append(T.get("docs.parameters")).append("\n\n");
        if (parameters.isEmpty()) {
            md.append(T.get("docs.noParameters")).append("\n\n");
            return;
        }
        md.append("| ").append(T.get("docs.param.name")).append(" | ").append(T.get("docs.param.required")).append(" | ")
                .append(T.get("docs.param.description")).append(" | ").append(T.get("docs.param.example")).append(" |\n|---|---|---|---|\n");
        for (Parameter p : parameters) {
            String description = p.secret() ? T.get("docs.param.secret", p.description()) : p.description();
            md.append("| `").append(p.name()).append("` | ").append(T.get(p.required() ? "docs.yes" : "docs.no")).append(" | ")
                    .append(cell(description)).append(" | ").append(p.example().isEmpty() ? "" : code(p.example())).append(" |\n");
        }
        md.append('\n');
    }

    private static void step(StringBuilder md, int n, Step s, RunContext ctx) {
        md.append("### ").append(n).append(". ").append(oneLine(s.title())).append("\n\n");
        md.append(s.explanation().strip()).append("\n\n");
        md.append(T.get("docs.checksBefore")).append(' ').append(orElse(s.preconditionText(), T.get("docs.none"))).append("\n\n");
        md.append(T.get("docs.whatItDoes")).append("\n\n");
        List<String> preview = s.preview(ctx);
        if (preview.isEmpty()) md.append("- ").append(T.get("docs.nothing")).append('\n');
        for (String line : preview) md.append("- ").append(code(line)).append('\n');
        md.append('\n');
        md.append(T.get("docs.verification")).append(' ').append(orElse(s.verificationText(), T.get("docs.none"))).append("\n\n");
        md.append(T.get("docs.ifLaterFails")).append(' ').append(orElse(s.compensation(), T.get("docs.nothingToUndo"))).append("\n\n");
    }

    /** An inline code span that survives backticks inside (CommonMark: a longer fence, padded). */
    static String code(String text) {
        String t = oneLine(text);
        int longest = 0, run = 0;
        for (char c : t.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        return longest == 0 ? fence + t + fence : fence + " " + t + " " + fence;
    }

    private static String cell(String text) {
        return oneLine(text).replace("|", "\\|");
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String orElse(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text.strip();
    }

    private static String firstSentence(String text) {
        String t = oneLine(text);
        int dot = t.indexOf(". ");
        return dot < 0 ? t : t.substring(0, dot + 1);
    }

    private static String shellQuote(String v) {
        return v.matches("[A-Za-z0-9_./:,=@%+-]+") ? v : "'" + v.replace("'", "'\\''") + "'";
    }

    private static List<Path> generatedFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p)).sorted().toList()) {
                try (Stream<String> lines = Files.lines(f, StandardCharsets.UTF_8)) {
                    if (lines.findFirst().orElse("").equals(MARKER)) out.add(f);
                } catch (UncheckedIOException e) {
                    // not UTF-8: not ours
                }
            }
        }
        return out;
    }

    /** Replaces a file only when its content changes, atomically where the file system allows. */
    private static void write(Path file, String content) throws IOException {
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) return;
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
