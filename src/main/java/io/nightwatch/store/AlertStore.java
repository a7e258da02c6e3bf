package io.nightwatch.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Nightwatch's alert history: every alert occurrence from Alertmanager (webhook and API), Prometheus and
 * Nightwatch's own findings, deduplicated, with state transitions, acknowledgements and silences, in one SQLite
 * file (WAL). Thread-safe: writes from any thread are serialised onto one writer thread with group commit
 * ({@link GroupCommitter}); reads run concurrently on their own connections.
 *
 * <p>Durability: when {@link #record}, {@link #recordAll} or any other write returns, its transaction is
 * committed and fsync'd, so an answer sent after it survives a crash of the process or the machine.
 */
public final class AlertStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertStore.class);

    public static final String FILE_NAME = "alerts.db";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);
    private static final int RETENTION_CHUNK = 5_000;

    private final Path file;
    private final Clock clock;
    private final Connection writerConnection;
    private final GroupCommitter committer;
    private final AlertWriter alerts;
    private final OperatorWriter operators;
    private final ReaderPool readers;
    private final IncidentStore incidents;
    private final AuditHistory audits;
    private final CrashLines crashes;
    private final PerformanceHistory performance;

    private AlertStore(Path file, Clock clock, Connection writerConnection) throws SQLException {
        this.file = file;
        this.clock = clock;
        this.writerConnection = writerConnection;
        this.alerts = new AlertWriter(writerConnection);
        this.operators = new OperatorWriter(writerConnection);
        this.committer = new GroupCommitter(file, writerConnection);
        this.readers = new ReaderPool(file);
        this.incidents = new IncidentStore(committer, readers, writerConnection);
        this.audits = new AuditHistory(committer, readers, writerConnection);
        this.crashes = new CrashLines(committer, readers, writerConnection);
        this.performance = new PerformanceHistory(committer, readers, writerConnection);
    }

    /** Incidents and their timelines, kept in the same database. */
    public IncidentStore incidents() {
        return incidents;
    }

    /** Readiness audits and restore drills, kept in the same database. */
    public AuditHistory audits() {
        return audits;
    }

    /** The last lines of containers that died, kept in the same database. */
    public CrashLines crashes() {
        return crashes;
    }

    /** Performance baselines and observed service states, kept in the same database. */
    public PerformanceHistory performance() {
        return performance;
    }

    /** {@code $XDG_DATA_HOME/nightwatch/alerts.db}, else {@code ~/.local/share/nightwatch/alerts.db}. */
    public static Path defaultLocation(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        Path base;
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) { // XDG: relative values are to be ignored
            base = Path.of(xdg);
        } else {
            String home = env.get("HOME");
            base = Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".local", "share");
        }
        return base.resolve("nightwatch").resolve(FILE_NAME);
    }

    public static AlertStore open(Path dbFile) {
        return open(dbFile, Clock.systemUTC());
    }

    /**
     * Opens (creating it and its directory when missing) and migrates the database.
     *
     * @param clock for acknowledgement times and retention
     * @throws StoreException naming the file when it is not an SQLite database, another program's database, or
     *                        written by a newer Nightwatch
     */
    public static AlertStore open(Path dbFile, Clock clock) {
        Path file = dbFile.toAbsolutePath().normalize();
        prepareFile(file);
        Connection c = null;
        try {
            c = Sqlite.writer(file);
            int applied = Migrations.apply(c, file, Migrations.STEPS);
            PlannerStats.refreshIfStale(c);
            AlertStore store = new AlertStore(file, clock, c);
            LOG.info("Alert history {} open (schema version {}, {} migration(s) applied)", file,
                    Migrations.latest(Migrations.STEPS), applied);
            return store;
        } catch (SQLException e) {
            if (c != null) Sqlite.closeQuietly(c);
            throw Sql.fileError(file, e);
        } catch (RuntimeException e) {
            if (c != null) Sqlite.closeQuietly(c);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Refuses a history that cannot be written where it is, before anything relies on it: SQLite would open such a
     * file read-only without a word, and every write (every webhook delivery) would then fail. The file, its
     * journal files and its folder (where SQLite creates the journal) must all be writable; a missing file, its
     * nearest existing folder.
     *
     * @throws ReadOnlyStoreException naming what is read-only
     */
    public static void checkWritable(Path dbFile) {
        Path file = dbFile.toAbsolutePath().normalize();
        String advice = "; the alert history must be writable to record alerts (fix the permissions, or pass --db FILE)";
        if (!Files.exists(file)) {
            Path existing = file.getParent();
            while (existing != null && !Files.exists(existing)) existing = existing.getParent();
            if (existing != null && !Files.isWritable(existing)) {
                throw new ReadOnlyStoreException("cannot create " + file + ": " + existing + " is read-only" + advice);
            }
            return;
        }
        if (!Files.isWritable(file)) throw new ReadOnlyStoreException(file + " is read-only" + advice);
        for (String journal : List.of("-wal", "-shm")) {
            Path p = file.resolveSibling(file.getFileName() + journal);
            if (Files.exists(p) && !Files.isWritable(p)) throw new ReadOnlyStoreException(p + " is read-only" + advice);
        }
        Path dir = file.getParent();
        if (dir != null && !Files.isWritable(dir)) {
            throw new ReadOnlyStoreException("the folder " + dir + " is read-only (SQLite keeps its journal beside the file)" + advice);
        }
    }

    /**
     * Stores one report: a new occurrence, or an update of the one it belongs to (same fingerprint and start;
     * else the open one of that fingerprint, from whichever source; a resolved occurrence is never reopened).
     * Returns once the change is committed to disk; see {@code AlertWriter} and {@code Merge} for the rules.
     */
    public RecordResult record(IncomingAlert alert) {
        Objects.requireNonNull(alert, "alert");
        return committer.submit(() -> alerts.record(alert));
    }

    /** Records all or none, in one transaction (a webhook payload, a poll's result). */
    public List<RecordResult> recordAll(List<IncomingAlert> batch) {
        List<IncomingAlert> copy = List.copyOf(batch);
        if (copy.isEmpty()) return List.of();
        return committer.submit(() -> {
            List<RecordResult> results = new ArrayList<>(copy.size());
            for (IncomingAlert a : copy) results.add(alerts.record(a));
            return List.copyOf(results);
        });
    }

    public List<AlertOccurrence> search(AlertQuery query) {
        return readers.read(c -> AlertReader.search(c, query));
    }

    public long count(AlertQuery query) {
        return readers.read(c -> AlertReader.count(c, query));
    }

    public Optional<AlertOccurrence> get(long id) {
        return readers.read(c -> AlertReader.get(c, id));
    }

    /** The occurrences of these ids that exist, in one read (a delivery's alerts after it is stored), in no set order. */
    public List<AlertOccurrence> getAll(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        List<Long> copy = List.copyOf(ids);
        return readers.read(c -> AlertReader.getAll(c, copy));
    }

    /** Oldest first. */
    public List<Transition> transitions(long alertId) {
        return readers.read(c -> AlertReader.transitions(c, alertId));
    }

    /**
     * Stores who acknowledged the occurrence, now, with a note. A later acknowledgement supersedes the earlier
     * (which stays in the database).
     *
     * @throws IllegalArgumentException when there is no occurrence with that id
     */
    public void acknowledge(long id, String who, String note) {
        if (who == null || who.isBlank()) throw new IllegalArgumentException("an acknowledgement needs who gave it");
        Instant at = now();
        committer.submit(() -> {
            operators.acknowledge(id, who.trim(), note, at);
            return null;
        });
    }

    /** Inserts or updates a silence (by its Alertmanager id). */
    public void recordSilence(SilenceRecord silence) {
        Objects.requireNonNull(silence, "silence");
        Instant at = now();
        committer.submit(() -> {
            operators.recordSilence(silence, at);
            return null;
        });
    }

    /** Notes that a silence was expired at {@code at} (its end moves there if that is earlier); unknown ids are ignored. */
    public void silenceExpired(String id, Instant at) {
        boolean known = committer.submit(() -> operators.silenceExpired(id, at.truncatedTo(ChronoUnit.MILLIS)));
        if (!known) LOG.debug("expired silence {} is not in the alert history", id);
    }

    /** Newest start first. */
    public List<SilenceRecord> silences() {
        return readers.read(AlertReader::silences);
    }

    /**
     * Deletes resolved occurrences that ended before now − {@code keep}, with their transitions and
     * acknowledgements (open occurrences are kept however old), and silences that ended before then. Deletes
     * in chunks, each its own commit, so that webhook writes are not held up by a large purge.
     *
     * @return the number of occurrences deleted
     */
    public int applyRetention(Duration keep) {
        if (keep.isNegative()) throw new IllegalArgumentException("retention must not be negative: " + keep);
        Instant cutoff = now().minus(keep);
        int total = 0;
        int deleted;
        do {
            deleted = committer.submit(() -> alerts.deleteEndedBefore(cutoff, RETENTION_CHUNK));
            total += deleted;
        } while (deleted == RETENTION_CHUNK);
        int silences = committer.submit(() -> operators.deleteSilencesEndedBefore(cutoff));
        committer.submit(() -> {
            PlannerStats.refreshIfStale(writerConnection); // a large purge changes the table's shape
            return null;
        });
        if (total > 0 || silences > 0) {
            LOG.info("Alert history {}: retention removed {} occurrence(s) and {} silence(s) that ended before {}",
                    file, total, silences, cutoff);
        }
        return total;
    }

    public int schemaVersion() {
        return readers.read(Migrations::current);
    }

    /** For tests: SQLite's query plan for a search. */
    List<String> explain(AlertQuery query) {
        return readers.read(c -> AlertReader.explain(c, query));
    }

    /** Finishes queued writes, then closes the file. */
    @Override
    public void close() {
        committer.close();
        readers.close();
        Sqlite.closeQuietly(writerConnection);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The history holds label values and annotation text: keep it to the user (0700 directory, 0600 file). */
    private static void prepareFile(Path file) {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (Files.isDirectory(file)) throw new StoreException(file + " is a directory, not an alert-history file");
            Path dir = file.getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                if (posix) Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                else Files.createDirectories(dir);
            }
            if (!Files.exists(file)) {
                if (posix) Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                else Files.createFile(file);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the alert history " + file + ": " + e, e);
        }
    }
}
