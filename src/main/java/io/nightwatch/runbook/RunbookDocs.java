package io.nightwatch.runbook;

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
    static final String MARKER = "<!-- Generated from the runbook definitions by io.nightwatch.runbook.RunbookDocs. Do not edit:"
            + " change the definition and regenerate. -->";
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
        md.append("## How to run it\n\n");
        md.append("From the CLI:\n\n```sh\n").append(cliLine(def, examples)).append("\n```\n\n");
        md.append("In the window, the runbook's wizard shows the same steps, checks and previews before it starts.\n\n");
        md.append("Every run keeps a journal in `~/.local/share/nightwatch/runs/` (or `$XDG_DATA_HOME/nightwatch/runs/`)."
                + " If Nightwatch stops in the middle of a run, the next start offers to resume it or to abort it cleanly"
                + " (undoing what was done).\n\n");
        parameters(md, def.parameters());
        md.append("## Steps\n\n");
        if (rb.steps().isEmpty()) md.append("With the example parameters this runbook has no steps.\n\n");
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
        StringBuilder md = new StringBuilder(MARKER).append("\n\n# Operations runbooks\n\n");
        md.append("Each runbook can be run from the window (a wizard) or from the CLI, and is documented here from the same"
                + " definition. Runs are journaled; an interrupted run is offered for resume or clean abort on the next start.\n\n");
        md.append("| Runbook | CLI | Purpose |\n|---|---|---|\n");
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
            files.put(DISASTER_RECOVERY, collection("Disaster recovery", "One section per failure of the night, each a runbook: it first "
                    + "reads and explains (with the evidence), then takes only the actions that fit, each previewed, and ends by proving "
                    + "recovery with the dashboard's measures — the service healthy and its data flowing again. Nightwatch raises a "
                    + "finding naming the scenario within a minute; `nightwatch recover --list` lists them, and "
                    + "[troubleshooting.md](troubleshooting.md) goes from the symptom to the scenario.", recoveries));
            files.put(TROUBLESHOOTING, troubleshooting(recoveries));
        }
        List<RunbookDefinition> stack = registry.all().stream().filter(d -> d.id().startsWith("stack-")).toList();
        if (!stack.isEmpty()) {
            files.put(STOP_START, collection("Stopping and starting the stack", "Never `docker compose down` the whole stack at "
                    + "once: Loki loses the chunks still in memory and Prometheus its WAL's last minutes. These procedures stop in "
                    + "dependency order with grace periods and start in the reverse order, each service waiting for health.", stack));
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
        StringBuilder md = new StringBuilder(MARKER).append("\n\n# Troubleshooting\n\n");
        md.append("Find the symptom, run the runbook. Each runbook's diagnosis only reads, so running it is always safe; "
                + "without `--yes` it stops after the diagnosis and the plan and asks.\n\n");
        md.append("| Symptom | The diagnosis looks at | Runbook |\n|---|---|---|\n");
        for (io.nightwatch.alerts.RunbookHints.Scenario s : io.nightwatch.alerts.RunbookHints.SCENARIOS) {
            boolean defined = recoveries.stream().anyMatch(d -> d.id().equals(RECOVERY_PREFIX + s.id()));
            md.append("| ").append(cell(s.symptom())).append(" | ").append(cell(s.diagnosis())).append(" | `").append(s.command()).append('`')
                    .append(defined ? " ([steps](" + RECOVERY_PREFIX + s.id() + ".md))" : "").append(" |\n");
        }
        md.append("\nAll scenarios on one page: [disaster-recovery.md](disaster-recovery.md). Stopping the stack for maintenance: "
                + "[stop-start.md](stop-start.md).\n");
        return md.toString();
    }

    /** GitHub's heading anchor: lower case, punctuation dropped, spaces to dashes. */
    static String anchor(String heading) {
        return oneLine(heading).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
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
        md.append("## Parameters\n\n");
        if (parameters.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        md.append("| Name | Required | Description | Example |\n|---|---|---|---|\n");
        for (Parameter p : parameters) {
            String description = p.description() + (p.secret() ? " (secret: never written to the journal)" : "");
            md.append("| `").append(p.name()).append("` | ").append(p.required() ? "yes" : "no").append(" | ")
                    .append(cell(description)).append(" | ").append(p.example().isEmpty() ? "" : code(p.example())).append(" |\n");
        }
        md.append('\n');
    }

    private static void step(StringBuilder md, int n, Step s, RunContext ctx) {
        md.append("### ").append(n).append(". ").append(oneLine(s.title())).append("\n\n");
        md.append(s.explanation().strip()).append("\n\n");
        md.append("**Checks before:** ").append(orElse(s.preconditionText(), "none.")).append("\n\n");
        md.append("**What it does** (with the example parameters):\n\n");
        List<String> preview = s.preview(ctx);
        if (preview.isEmpty()) md.append("- nothing\n");
        for (String line : preview) md.append("- ").append(code(line)).append('\n');
        md.append('\n');
        md.append("**Verification:** ").append(orElse(s.verificationText(), "none.")).append("\n\n");
        md.append("**If a later step fails:** ").append(orElse(s.compensation(), "nothing to undo.")).append("\n\n");
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
