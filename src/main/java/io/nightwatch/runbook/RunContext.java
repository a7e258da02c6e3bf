package io.nightwatch.runbook;

import io.nightwatch.text.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a step sees of its run: parameters, journaled state, output, progress and cancellation. Thread-safe, so a
 * step may report from worker threads.
 */
public final class RunContext {

    private static final Texts T = Texts.of(RunContext.class);

    /** Progress reaches the listener at most this often (per context), except 0 %, 100 % and a change of text. */
    static final long PROGRESS_INTERVAL_MS = 100;

    private static final String PREVIEW_RUN_ID = "<run-id>";
    private static final Path PREVIEW_WORK_DIR = Path.of("~/.local/share/nightwatch/runs/" + PREVIEW_RUN_ID);
    private static final Clock DOCS_CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final String runId;
    private final Map<String, String> params;
    private final Map<String, String> state = new ConcurrentHashMap<>();
    private final Journal journal; // null for previews
    private final RunListener listener;
    private final Clock clock;
    private final Path workDir;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    private volatile boolean undoing;
    private volatile Step step;
    private long lastProgressNanos;
    private String lastProgressWhat;

    RunContext(String runId, Map<String, String> params, Map<String, String> restoredState, Journal journal,
               RunListener listener, Clock clock, Path workDir) {
        this.runId = runId;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.state.putAll(restoredState);
        this.journal = journal;
        this.listener = SafeListener.wrap(listener);
        this.clock = clock;
        this.workDir = workDir;
    }

    /**
     * A context for {@link Step#preview} before a run exists (the wizard's overview): nothing is journaled,
     * {@link #runId()} and {@link #workDir()} are placeholders.
     */
    public static RunContext preview(Map<String, String> params) {
        return preview(params, Clock.systemDefaultZone());
    }

    /** The docs' context: a fixed clock so generated files do not change from one build to the next. */
    static RunContext forDocs(Map<String, String> params) {
        return preview(params, DOCS_CLOCK);
    }

    private static RunContext preview(Map<String, String> params, Clock clock) {
        return new RunContext(PREVIEW_RUN_ID, params, Map.of(), null, null, clock, PREVIEW_WORK_DIR);
    }

    public String runId() {
        return runId;
    }

    public Map<String, String> params() {
        return params;
    }

    /** @throws IllegalArgumentException if the parameter was not given */
    public String param(String name) {
        String v = params.get(name);
        if (v == null) throw new IllegalArgumentException(T.get("param.missing", name));
        return v;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(state.get(key));
    }

    /**
     * Keeps a value that compensations and resumes need. It is in the journal (fsynced) when this returns;
     * keys named like a secret are journaled as {@value Secrets#REDACTED} (so do not rely on them after a crash).
     *
     * @throws JournalWriteException if the journal cannot be written: the step fails rather than go on unrecorded
     */
    public void put(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        state.put(key, value); // in memory first: this process's compensation needs it even if the disk is full
        if (journal != null) {
            journal.write("state", Journal.fields("step", stepId(), "key", key,
                    "value", Secrets.isSecret(key) ? Secrets.REDACTED : value));
        }
    }

    /** A line for the operator: journaled and shown. @throws JournalWriteException if the journal cannot be written */
    public void output(String line) {
        String text = String.valueOf(line);
        if (journal != null) journal.writeOutput(Journal.fields("step", stepId(), "line", text));
        listener.output(step, text);
    }

    /** Progress of long work, to the listener only; calls may be as frequent as convenient (they are rate-limited). */
    public void progress(double fraction0to1, String what) {
        double f = Double.isNaN(fraction0to1) ? 0 : Math.max(0, Math.min(1, fraction0to1));
        String text = what == null ? "" : what;
        synchronized (this) {
            long now = System.nanoTime();
            boolean due = now - lastProgressNanos >= TimeUnit.MILLISECONDS.toNanos(PROGRESS_INTERVAL_MS);
            if (!due && f > 0 && f < 1 && text.equals(lastProgressWhat)) return;
            lastProgressNanos = now;
            lastProgressWhat = text;
        }
        listener.progress(step, f, text);
    }

    /** Whether the operator asked to cancel. Always false while undoing: an undo is not cancellable. */
    public boolean cancelled() {
        return cancelRequested.get() && !undoing;
    }

    public void throwIfCancelled() throws RunCancelledException {
        if (cancelled()) throw new RunCancelledException();
    }

    public Clock clock() {
        return clock;
    }

    /**
     * A scratch directory for this run under the journal dir, created on first use and kept afterwards (the
     * engine never deletes what a step wrote). In a preview it is a placeholder and not created.
     */
    public Path workDir() {
        if (journal != null) {
            try {
                Files.createDirectories(workDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the run's work directory " + workDir, e);
            }
        }
        return workDir;
    }

    // --- for the runner ---

    void requestCancel() {
        cancelRequested.set(true);
    }

    boolean cancelRequested() {
        return cancelRequested.get();
    }

    void enter(Step s) {
        this.step = s;
    }

    void startUndo() {
        undoing = true;
    }

    Map<String, String> state() {
        return Map.copyOf(state);
    }

    private String stepId() {
        Step s = step;
        return s == null ? null : s.id();
    }
}
