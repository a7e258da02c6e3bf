package io.nightwatch.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.nio.file.Files;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Opens connections to the store's file with the settings each role needs. */
final class Sqlite {

    private static final Logger LOG = LoggerFactory.getLogger(Sqlite.class);

    /** Another process (the CLI beside the window) may hold the write lock briefly; wait rather than fail. */
    static final int BUSY_TIMEOUT_MS = 10_000;

    private Sqlite() {}

    /**
     * The one writing connection: WAL so that readers never block the writer, and synchronous=FULL so that a
     * commit has reached the disk (WAL fsync'd) when it returns: with NORMAL a committed webhook delivery could
     * still be lost on power failure, and the receiver answers 200 only after the commit.
     */
    static Connection writer(Path file) throws SQLException {
        Connection c = open(file);
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode=WAL")) {
                String mode = rs.next() ? rs.getString(1) : "?";
                if (!"wal".equalsIgnoreCase(mode)) LOG.warn("Alert history {} runs in journal mode {}, not WAL", file, mode);
            }
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA cache_size=-16000");
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
        return c;
    }

    /** A reading connection: never writes, so a bug cannot bypass the writer thread. */
    static Connection reader(Path file) throws SQLException {
        Connection c = open(file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA query_only=ON");
            s.execute("PRAGMA cache_size=-16000");
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
        return c;
    }

    /**
     * A connection that cannot write, for a history the user may only read: SQLite's read-only open (no file
     * created, no journal replayed into the file). A WAL history in a folder the user cannot write, closed
     * cleanly (no -shm file), can only be opened as immutable: nobody can be writing it then.
     */
    static Connection readOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        try {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA query_only=ON");
                s.executeQuery("SELECT count(*) FROM sqlite_master").close(); // opening is lazy: fail here, not in a query
            }
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            Path dir = file.toAbsolutePath().getParent();
            if (dir == null || Files.isWritable(dir) || Files.exists(wal)) throw e;
            LOG.debug("Alert history {}: read-only folder, opening as immutable ({})", file, e.getMessage());
            SQLiteConfig immutable = new SQLiteConfig();
            immutable.setReadOnly(true);
            immutable.setOpenMode(SQLiteOpenMode.OPEN_URI);
            return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri().toString().replaceFirst("^file:/+", "file:/")
                    + "?immutable=1", immutable.toProperties());
        }
    }

    private static Connection open(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
        return c;
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("closing an alert-history connection failed", e);
        }
    }
}
