package io.nightwatch.runbook;

import io.nightwatch.text.Texts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The append-only record of one run: {@code <journalDir>/<runId>.jsonl}, one JSON object per line
 * ({@code {"at": ISO-8601, "event": ..., ...}}).
 *
 * <p>Durability: every event is written with a {@link FileChannel} in APPEND mode and {@code force(true)} before
 * the call returns, except {@code output} lines: measured on this project's CI disk (ext4 on virtio) an fsync
 * costs ~0.2 ms, on a laptop SSD 0.5-2 ms and on a spinning disk 5-20 ms, so a step printing 10,000 lines
 * (a tar listing, a pull) would spend up to minutes in fsync. Output lines are therefore written at once (they
 * survive a crash of the process, being in the page cache) but forced at most every
 * {@value #OUTPUT_FORCE_INTERVAL_MS} ms, and always by the next non-output event; only a power cut can lose the
 * last few output lines, never a state change or a step boundary.
 *
 * <p>The file is held under an exclusive {@link FileLock} while a process writes it, so another Nightwatch (GUI
 * and CLI at once) neither lists the live run as interrupted nor resumes it twice.
 */
final class Journal implements Closeable {

    private static final Texts T = Texts.of(Journal.class);

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SUFFIX = ".jsonl";
    static final long OUTPUT_FORCE_INTERVAL_MS = 200;

    /**
     * Journals this JVM has open. Closing <em>any</em> channel on a file drops all of this process's POSIX locks
     * on it, so nothing in this JVM may even read a journal that is being written here.
     */
    private static final Set<Path> OPEN_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private final Clock clock;
    private final Collection<String> secretValues;

    private boolean lenient;
    private boolean startNewLine;
    private boolean unforced;
    private long lastForceNanos = System.nanoTime();
    private JournalWriteException firstFailure;

    private Journal(Path file, Path key, FileChannel channel, FileLock lock, Clock clock, Collection<String> secretValues) {
        this.file = file;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
        this.clock = clock;
        this.secretValues = List.copyOf(secretValues);
    }

    /** A new journal; fails if the file exists (run ids are unique, so that would be a bug or a clash). */
    static Journal create(Path file, JournalChannels channels, Clock clock, Map<String, String> params) throws IOException {
        Journal j = open(file, channels, clock, params, true);
        syncDirectory(file.getParent());
        return j;
    }

    /** An existing journal, to resume or abort its run. */
    static Journal reopen(Path file, JournalChannels channels, Clock clock, Map<String, String> params) throws IOException {
        // Checked before our channel is open: reading through a second channel later would drop our lock.
        boolean truncatedTail = !endsWithNewline(file);
        Journal j = open(file, channels, clock, params, false);
        j.startNewLine = truncatedTail; // keep a crash's half line on a line of its own
        return j;
    }

    static boolean inUseHere(Path file) {
        return OPEN_HERE.contains(file.toAbsolutePath().normalize());
    }

    private static Journal open(Path file, JournalChannels channels, Clock clock, Map<String, String> params, boolean create)
            throws IOException {
        Path key = file.toAbsolutePath().normalize();
        if (!OPEN_HERE.add(key)) throw new IllegalStateException(T.get("journal.inUseHere", file));
        FileChannel channel = null;
        try {
            channel = create
                    ? channels.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                    : channels.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            FileLock lock = channel.tryLock();
            if (lock == null) throw new IllegalStateException(T.get("journal.inUseElsewhere", file));
            return new Journal(file, key, channel, lock, clock, Secrets.secretValues(params));
        } catch (IOException | RuntimeException e) {
            if (channel != null) closeQuietly(channel);
            OPEN_HERE.remove(key);
            throw e;
        }
    }

    Path file() {
        return file;
    }

    /** From now on write failures are recorded, not thrown: while undoing, compensations matter more than the record. */
    synchronized void lenient() {
        lenient = true;
    }

    /** The first write failure, if any: the journal is incomplete. */
    synchronized Optional<JournalWriteException> failure() {
        return Optional.ofNullable(firstFailure);
    }

    /** Appends an event and forces it to disk before returning. */
    synchronized void write(String event, Map<String, ?> fields) {
        append(event, fields, true);
    }

    /** Appends an output line; forced with the next event or within {@value #OUTPUT_FORCE_INTERVAL_MS} ms. */
    synchronized void writeOutput(Map<String, ?> fields) {
        boolean due = System.nanoTime() - lastForceNanos >= TimeUnit.MILLISECONDS.toNanos(OUTPUT_FORCE_INTERVAL_MS);
        append("output", fields, due);
    }

    private void append(String event, Map<String, ?> fields, boolean force) {
        ObjectNode node = JSON.createObjectNode();
        node.put("at", clock.instant().toString());
        node.put("event", event);
        fields.forEach((k, v) -> node.set(k, toJson(v)));
        byte[] bytes = ((startNewLine ? "\n" : "") + line(node) + "\n").getBytes(StandardCharsets.UTF_8);
        // A pending interrupt would make the channel close itself (it is an InterruptibleChannel) and lose the
        // journal; the interrupt is the step's business, so it is put back afterwards.
        boolean interrupted = Thread.interrupted();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) channel.write(buffer);
            startNewLine = false;
            unforced = true;
            if (force) force();
        } catch (IOException e) {
            startNewLine = true; // a partial write may have left half a line
            JournalWriteException failure = new JournalWriteException(file, e);
            if (firstFailure == null) {
                firstFailure = failure;
                LOG.error("cannot write the run journal {}", file, e);
            }
            if (!lenient) throw failure;
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private void force() throws IOException {
        channel.force(true);
        unforced = false;
        lastForceNanos = System.nanoTime();
    }

    private JsonNode toJson(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) return f.nullNode();
        if (value instanceof String s) return f.textNode(Secrets.scrub(s, secretValues));
        if (value instanceof Map<?, ?> m) {
            ObjectNode o = f.objectNode();
            m.forEach((k, v) -> o.set(String.valueOf(k), toJson(v)));
            return o;
        }
        if (value instanceof Collection<?> c) {
            ArrayNode a = f.arrayNode();
            c.forEach(v -> a.add(toJson(v)));
            return a;
        }
        if (value instanceof Number || value instanceof Boolean) return JSON.valueToTree(value);
        return f.textNode(Secrets.scrub(String.valueOf(value), secretValues));
    }

    private static String line(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node); // Jackson escapes newlines: one event is always one line
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a journal event", e);
        }
    }

    /** Convenience for event fields in a fixed order: {@code fields("step", id, "index", 2)}. */
    static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    @Override
    public synchronized void close() {
        boolean interrupted = Thread.interrupted();
        try {
            if (unforced && channel.isOpen()) force();
        } catch (IOException e) {
            if (firstFailure == null) firstFailure = new JournalWriteException(file, e);
            LOG.error("cannot flush the run journal {}", file, e);
        } finally {
            try {
                if (lock.isValid()) lock.release();
            } catch (IOException e) {
                LOG.debug("releasing the journal lock", e);
            }
            closeQuietly(channel);
            OPEN_HERE.remove(key);
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) return true;
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            return last.get(0) == '\n';
        }
    }

    /** Makes the new file's directory entry durable too (Linux; elsewhere directories cannot be opened). */
    private static void syncDirectory(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) return;
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot fsync directory {}", dir, e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing a journal channel", e);
        }
    }
}
