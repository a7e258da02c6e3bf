package io.nightwatch.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads journals back: tolerant of a line cut off by a crash, and of journals other processes are writing. */
final class JournalReader {

    private static final Logger LOG = LoggerFactory.getLogger(JournalReader.class);

    static final Set<String> TERMINAL = Set.of("run-finished", "run-failed", "run-cancelled", "run-aborted");

    /** The readable events of a journal and how many lines could not be read. */
    record Events(List<JsonNode> events, int unreadable) {}

    private JournalReader() {}

    /**
     * The journal's events, or empty when a live run is writing it (here or in another process, which holds
     * its lock).
     */
    static Optional<Events> readIfIdle(Path file) throws IOException {
        if (Journal.inUseHere(file)) return Optional.empty();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock lock;
            try {
                lock = ch.tryLock(0, Long.MAX_VALUE, true);
            } catch (OverlappingFileLockException e) {
                return Optional.empty();
            } catch (IOException e) {
                LOG.debug("cannot lock {} (file system without locks?); reading it anyway", file, e);
                return Optional.of(parse(readAll(ch)));
            }
            if (lock == null) return Optional.empty();
            try {
                return Optional.of(parse(readAll(ch)));
            } finally {
                lock.release();
            }
        }
    }

    private static byte[] readAll(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(ch.size()));
        while (buf.hasRemaining() && ch.read(buf, buf.position()) >= 0) { /* read until full */ }
        return buf.array();
    }

    static Events parse(byte[] content) {
        List<JsonNode> events = new ArrayList<>();
        int unreadable = 0;
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            try {
                JsonNode node = Journal.JSON.readTree(line);
                if (node != null && node.isObject() && node.hasNonNull("event")) {
                    events.add(node);
                    continue;
                }
            } catch (IOException e) {
                // fall through: a line cut off by a crash (or damaged some other way) is skipped, not fatal
            }
            unreadable++;
        }
        return new Events(events, unreadable);
    }

    /** The interrupted run this journal describes, or empty if it ended (or never really started). */
    static Optional<InterruptedRun> interrupted(Path file, Events journal) {
        String runId = null, runbookId = null, title = null;
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> state = new LinkedHashMap<>();
        List<String> stepIds = new ArrayList<>();
        Set<String> started = new LinkedHashSet<>(), finished = new LinkedHashSet<>(), compensated = new LinkedHashSet<>();
        boolean undoing = false;
        Instant startedAt = null, stoppedAt = null;
        for (JsonNode e : journal.events()) {
            String event = e.path("event").asText();
            if (TERMINAL.contains(event)) return Optional.empty();
            Instant at = instant(e);
            if (at != null) stoppedAt = at;
            String step = e.path("step").asText(null);
            switch (event) {
                case "run-started" -> {
                    if (runId != null) break; // a resume: the first start holds the parameters
                    runId = e.path("runId").asText(null);
                    runbookId = e.path("runbook").asText(null);
                    title = e.path("title").asText(runbookId);
                    e.path("params").fields().forEachRemaining(f -> params.put(f.getKey(), f.getValue().asText()));
                    e.path("steps").forEach(s -> stepIds.add(s.asText()));
                    startedAt = at;
                }
                case "step-started" -> started.add(step);
                case "step-finished" -> finished.add(step);
                case "step-failed", "compensating", "compensation-failed" -> undoing = true;
                case "compensated" -> {
                    undoing = true;
                    compensated.add(step);
                }
                case "state" -> state.put(e.path("key").asText(), e.path("value").asText());
                default -> { /* output and future events */ }
            }
        }
        if (runId == null || runbookId == null) {
            // Crashed before run-started was on disk: no step can have begun, so there is nothing to offer.
            LOG.info("journal {} has no readable start; ignored", file);
            return Optional.empty();
        }
        return Optional.of(new InterruptedRun(runId, runbookId, title, params, state, stepIds, List.copyOf(started),
                List.copyOf(finished), List.copyOf(compensated), undoing, startedAt, stoppedAt, journal.unreadable(), file));
    }

    static Instant instant(JsonNode e) {
        try {
            return e.hasNonNull("at") ? Instant.parse(e.get("at").asText()) : null;
        } catch (DateTimeParseException ex) {
            return null;
        }
    }
}
