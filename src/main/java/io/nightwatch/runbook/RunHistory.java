package io.nightwatch.runbook;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runbook runs as their journals tell them, for the incident timeline: which runbook, when, every step and every
 * output line, and how it ended. Read-only; a journal that cannot be read is skipped.
 */
public final class RunHistory {

    /** One journal line an operator would want in a post-mortem. */
    public record Entry(Instant at, String event, String step, String text) {}

    /** A run: its id, runbook, title, start, end (empty while running or cut off) and outcome ("" until ended). */
    public record Run(String runId, String runbookId, String title, Instant startedAt, Optional<Instant> endedAt, String outcome,
                      List<Entry> entries) {
        public Run {
            entries = List.copyOf(entries);
        }
    }

    private RunHistory() {}

    /** Runs in {@code journalDir} that started between {@code from} and {@code to} (inclusive), oldest first. */
    public static List<Run> between(Path journalDir, Instant from, Instant to) {
        if (!Files.isDirectory(journalDir)) return List.of();
        List<Run> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(journalDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(Journal.SUFFIX)).toList()) {
                try {
                    read(f).filter(r -> !r.startedAt().isBefore(from) && !r.startedAt().isAfter(to)).ifPresent(runs::add);
                } catch (IOException e) {
                    // another process may be rotating or writing it; the incident simply lacks this run
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        runs.sort(Comparator.comparing(Run::startedAt));
        return runs;
    }

    static Optional<Run> read(Path file) throws IOException {
        JournalReader.Events journal = JournalReader.parse(Files.readAllBytes(file));
        String runId = null, runbook = null, title = null, outcome = "";
        Instant started = null, ended = null;
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : journal.events()) {
            String event = e.get("event").asText();
            Instant at = JournalReader.instant(e);
            if (at == null) continue;
            String step = e.path("step").asText("");
            switch (event) {
                case "run-started" -> {
                    if (runId == null) {
                        runId = e.path("runId").asText();
                        runbook = e.path("runbook").asText();
                        title = e.path("title").asText();
                        started = at;
                    }
                    entries.add(new Entry(at, event, "", e.path("resumed").asBoolean() ? "resumed" : "started"));
                }
                case "step-started" -> entries.add(new Entry(at, event, step, e.path("title").asText(step)));
                case "output" -> entries.add(new Entry(at, event, step, e.path("line").asText()));
                // The journal's own words, English as stored: the incident exports (JSON too) quote them verbatim.
                case "step-finished" -> entries.add(new Entry(at, event, step, "done in " + e.path("tookMs").asLong() + " ms")); // tool text
                case "step-failed" -> entries.add(new Entry(at, event, step, e.path("reason").asText()));
                case "compensated" -> entries.add(new Entry(at, event, step, "undone"));
                case "compensation-failed" -> entries.add(new Entry(at, event, step, "undo failed: " + e.path("reason").asText())); // tool text
                default -> {
                    if (JournalReader.TERMINAL.contains(event)) {
                        ended = at;
                        outcome = e.path("outcome").asText(event.substring(4).toUpperCase());
                        entries.add(new Entry(at, event, step, outcome + (e.hasNonNull("reason") ? ": " + e.get("reason").asText() : "")
                                + (e.hasNonNull("tookMs") ? " after " + e.get("tookMs").asLong() + " ms" : "")));
                    }
                }
            }
        }
        if (runId == null) return Optional.empty();
        return Optional.of(new Run(runId, runbook, title, started, Optional.ofNullable(ended), outcome, entries));
    }
}
