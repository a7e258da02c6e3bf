package io.nightwatch.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The alert history opened for reading only: no file or folder is created, no migration is attempted, nothing is
 * written (SQLite's read-only mode), so {@code nightwatch alerts} works on a history the user may not write, such
 * as a copy on a read-only mount or another user's file shared read-only.
 */
public final class AlertHistoryView implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertHistoryView.class);

    private final Path file;
    private final ReaderPool readers;

    private AlertHistoryView(Path file, ReaderPool readers) {
        this.file = file;
        this.readers = readers;
    }

    /**
     * @throws StoreException naming the file when it is missing, not a Nightwatch history, or of a schema version
     *                        this Nightwatch cannot read (older: open it once writable to upgrade it; newer)
     */
    public static AlertHistoryView open(Path dbFile) {
        Path file = dbFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) throw new StoreException("no alert history at " + file);
        ReaderPool readers = new ReaderPool(file, Sqlite::readOnly);
        try {
            int version = readers.read(AlertHistoryView::schemaVersion);
            int known = Migrations.latest(Migrations.STEPS);
            if (version < 0) {
                throw new StoreException(file + " is not a Nightwatch alert history (it has no schema_version table)");
            }
            if (version < known) {
                throw new StoreException(file + " has alert-history schema version " + version + "; this Nightwatch reads "
                        + "version " + known + ". Open it once where it is writable (nightwatch serve or the window) to upgrade it");
            }
            Migrations.refuseNewer(file, version, known);
            LOG.debug("Alert history {} open read-only (schema version {})", file, version);
            return new AlertHistoryView(file, readers);
        } catch (RuntimeException e) {
            readers.close();
            throw e;
        }
    }

    private static int schemaVersion(Connection c) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
            if (!rs.next() || rs.getInt(1) == 0) return -1;
        }
        return Migrations.current(c);
    }

    public Path file() {
        return file;
    }

    public List<AlertOccurrence> search(AlertQuery query) {
        return readers.read(c -> AlertReader.search(c, query));
    }

    public long count(AlertQuery query) {
        return readers.read(c -> AlertReader.count(c, query));
    }

    @Override
    public void close() {
        readers.close();
    }
}
