package io.nightwatch.runbook;

import io.nightwatch.runbook.RunResult.Outcome;
import io.nightwatch.stack.XdgDirs;
import io.nightwatch.text.Language;
import io.nightwatch.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static io.nightwatch.runbook.Journal.fields;

/**
 * Runs runbooks with a journal, and finds, resumes or aborts runs a crash interrupted.
 *
 * <p>One run at a time per runner (a second concurrent call throws {@link IllegalStateException}); the blocking
 * methods run the steps and call the listener on the calling thread (output and progress also on whatever thread
 * a step reports from). {@link #cancel()} may come from any thread.
 * Cancellation is cooperative: the runner does not interrupt the step's thread, because an interrupt closes any
 * {@link java.nio.channels.FileChannel} the step is using.
 */
public final class RunbookRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RunbookRunner.class);
    private static final Texts T = Texts.of(RunbookRunner.class);
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path journalDir;
    private final Clock clock;
    private final JournalChannels channels;

    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean cancelRequested;
    private volatile RunContext current;

    public RunbookRunner(Path journalDir, Clock clock) {
        this(journalDir, clock, JournalChannels.FILES);
    }

    RunbookRunner(Path journalDir, Clock clock, JournalChannels channels) {
        this.journalDir = journalDir;
        this.clock = clock;
        this.channels = channels;
    }

    /** {@code $XDG_DATA_HOME/nightwatch/runs}, else {@code ~/.local/share/nightwatch/runs}. */
    public static Optional<Path> defaultJournalDir(Map<String, String> env) {
        return XdgDirs.data(env).map(d -> d.resolve("runs"));
    }

    public Path journalDir() {
        return journalDir;
    }

    /**
     * Runs every step: precondition right before it, execute, verify (a failed verification is a failure). On a
     * failure or a cancel the started steps are undone in reverse, the failing one included. Never throws for a
     * step's failure, nor for a journal that cannot be written (the result says so; if not even the journal could
     * be created, no step ran, the outcome is FAILED_COMPENSATED and the run id is "").
     */
    public RunResult run(Runbook runbook, Map<String, String> params, RunListener listener) {
        RunListener l = SafeListener.wrap(listener);
        claim();
        try {
            Instant start = clock.instant();
            Journal journal;
            try {
                if (Files.exists(journalDir) && !Files.isDirectory(journalDir)) throw new IOException(journalDir + " is not a directory");
                Files.createDirectories(journalDir);
                journal = createJournal(runbook.id(), params);
            } catch (IOException | RuntimeException e) {
                return notStarted(runbook, l, start, "notStarted.noJournal", runbook.title(), journalDir, Execution.describe(e));
            }
            String runId = runId(journal);
            RunContext ctx = new RunContext(runId, params, Map.of(), journal, l, clock, journalDir.resolve(runId));
            Execution ex = new Execution(runbook, ctx, journal, l, clock, start, start);
            try {
                journal.write("run-started", startFields(runId, runbook, params, false));
            } catch (JournalWriteException e) {
                // No step has begun; the journal has no readable start, so it will not be offered as interrupted.
                journal.close();
                return notStarted(runbook, l, start, "notStarted.journalFailed", runbook.title(), e.getMessage());
            }
            return forward(ex, List.of());
        } finally {
            release();
        }
    }

    /** Asks the current run to stop; the running step sees {@link RunContext#cancelled()}. No-op when idle. */
    public void cancel() {
        cancelRequested = true;
        RunContext c = current;
        if (c != null) c.requestCancel();
    }

    /** Runs whose journal has no terminal event and that no live process is writing, newest first. */
    public List<InterruptedRun> interrupted() {
        if (!Files.isDirectory(journalDir)) return List.of();
        List<InterruptedRun> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(journalDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(Journal.SUFFIX) && Files.isRegularFile(p)).toList()) {
                try {
                    JournalReader.readIfIdle(f).flatMap(events -> JournalReader.interrupted(f, events)).ifPresent(out::add);
                } catch (IOException e) {
                    LOG.warn("cannot read the run journal {}", f, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the run journals in " + journalDir, e);
        }
        out.sort(Comparator.comparing(InterruptedRun::stoppedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    /**
     * Continues an interrupted run: same run id, same journal, restored state, from the first unfinished step
     * (a step cut off half-way runs again from its precondition).
     *
     * @throws IllegalStateException    if the run had begun undoing, its runbook's steps changed, or it is live elsewhere
     * @throws IllegalArgumentException if its runbook is unknown, a secret parameter is still redacted, or build() refuses
     */
    public RunResult resume(InterruptedRun run, RunbookRegistry registry, RunListener listener) {
        if (!run.resumable()) {
            throw new IllegalStateException(T.get("resume.undoing", run.runId()));
        }
        Runbook runbook = rebuild(run, registry);
        List<String> ids = runbook.steps().stream().map(Step::id).toList();
        if (!ids.equals(run.stepIds())) {
            throw new IllegalStateException(T.get("resume.stepsChanged", runbook.title(), ids, run.runId(), run.stepIds()));
        }
        RunListener l = SafeListener.wrap(listener);
        claim();
        try {
            Instant start = clock.instant();
            Journal journal;
            try {
                journal = Journal.reopen(run.journal(), channels, clock, run.params());
                journal.write("run-started", startFields(run.runId(), runbook, run.params(), true));
            } catch (IOException | JournalWriteException e) {
                return cannotReopen(run, l, start, "resume", e);
            }
            RunContext ctx = new RunContext(run.runId(), run.params(), run.state(), journal, l, clock, workDir(run));
            List<Integer> finished = run.finishedSteps().stream().map(runbook::indexOf).filter(i -> i >= 0).toList();
            return forward(new Execution(runbook, ctx, journal, l, clock, start, firstStart(run, start)), finished);
        } finally {
            release();
        }
    }

    /**
     * Cleanly aborts an interrupted run: undoes, last first, every step that was started and not yet undone
     * (the step a crash cut off included, as it may have done part of its work), with the restored state.
     *
     * @throws IllegalStateException    if the run is live in another process
     * @throws IllegalArgumentException if its runbook is unknown, a secret parameter is still redacted, or build() refuses
     */
    public RunResult abort(InterruptedRun run, RunbookRegistry registry, RunListener listener) {
        Runbook runbook = rebuild(run, registry);
        RunListener l = SafeListener.wrap(listener);
        claim();
        try {
            Instant start = clock.instant();
            Journal journal;
            try {
                journal = Journal.reopen(run.journal(), channels, clock, run.params());
            } catch (IOException e) {
                return cannotReopen(run, l, start, "abort", e);
            }
            RunContext ctx = new RunContext(run.runId(), run.params(), run.state(), journal, l, clock, workDir(run));
            Execution ex = new Execution(runbook, ctx, journal, l, clock, start, firstStart(run, start));
            current = ctx;
            return ex.abort(run);
        } finally {
            release();
        }
    }

    private RunResult forward(Execution ex, List<Integer> finished) {
        current = ex.context();
        if (cancelRequested) ex.context().requestCancel(); // a cancel that came while the journal was being opened
        return ex.forward(finished);
    }

    private void claim() {
        if (!busy.compareAndSet(false, true)) throw new IllegalStateException("this runner is already running a runbook");
        cancelRequested = false;
    }

    private void release() {
        current = null;
        cancelRequested = false;
        busy.set(false);
    }

    private Journal createJournal(String runbookId, Map<String, String> params) throws IOException {
        String safeId = runbookId.replaceAll("[^A-Za-z0-9._-]", "-");
        for (int attempt = 0; ; attempt++) {
            String runId = LocalDateTime.ofInstant(clock.instant(), clock.getZone()).format(RUN_ID_TIME) + "-" + safeId + "-"
                    + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
            try {
                return Journal.create(journalDir.resolve(runId + Journal.SUFFIX), channels, clock, params);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 5) throw e;
            }
        }
    }

    private static String runId(Journal journal) {
        String name = journal.file().getFileName().toString();
        return name.substring(0, name.length() - Journal.SUFFIX.length());
    }

    private Map<String, Object> startFields(String runId, Runbook runbook, Map<String, String> params, boolean resumed) {
        Map<String, Object> f = fields("runId", runId, "runbook", runbook.id(), "title", runbook.title(),
                "params", Secrets.redact(params), "steps", runbook.steps().stream().map(Step::id).toList(),
                "pid", ProcessHandle.current().pid());
        if (resumed) f.put("resumed", true);
        return f;
    }

    private static Runbook rebuild(InterruptedRun run, RunbookRegistry registry) {
        if (!run.redactedParams().isEmpty()) {
            throw new IllegalArgumentException(T.get("rebuild.secrets", run.runId(), run.redactedParams()));
        }
        RunbookDefinition def = registry.find(run.runbookId()).orElseThrow(() -> new IllegalArgumentException(
                T.get("rebuild.unknown", run.runId(), run.runbookId())));
        return def.build(run.params());
    }

    private static Path workDir(InterruptedRun run) {
        return run.journal().resolveSibling(run.runId());
    }

    private static Instant firstStart(InterruptedRun run, Instant fallback) {
        return run.startedAt() == null ? fallback : run.startedAt();
    }

    /** The operator reads the message in their language; the log keeps English. */
    private RunResult notStarted(Runbook runbook, RunListener l, Instant start, String key, Object... args) {
        String message = T.get(key, args);
        LOG.error(T.in(Language.EN, key, args));
        RunResult r = new RunResult("", runbook.id(), Outcome.FAILED_COMPENSATED, Optional.empty(), message,
                Duration.between(start, clock.instant()), journalDir);
        l.finished(r);
        return r;
    }

    /** The run stays interrupted (and half-done): said plainly, with the outcome that means "act". */
    private RunResult cannotReopen(InterruptedRun run, RunListener l, Instant start, String what, Exception e) {
        String key = what.equals("resume") ? "reopen.resume" : "reopen.abort";
        String message = T.get(key, run.runId(), Execution.describe(e));
        LOG.error(T.in(Language.EN, key, run.runId(), Execution.describe(e)));
        RunResult r = new RunResult(run.runId(), run.runbookId(), Outcome.FAILED_COMPENSATION_INCOMPLETE, Optional.empty(),
                message, Duration.between(start, clock.instant()), run.journal());
        l.finished(r);
        return r;
    }
}
