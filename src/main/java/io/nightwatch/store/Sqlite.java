package io.nightwatch.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
