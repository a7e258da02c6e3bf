package io.nightwatch.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps SQLite's planner statistics for the alert table current, and keeps them away from FTS5's shadow tables.
 *
 * <p>Why not {@code PRAGMA optimize}: on a new database it analyses FTS5's tiny shadow tables, and those
 * statistics then mislead FTS5's own lookups for good (inserts measured 12x slower). The alert table's
 * statistics (with STAT4, which sqlite-jdbc compiles in) let the planner see that open alerts are rare, so
 * "service=loki and state=firing" walks the state index rather than every loki alert.
 */
final class PlannerStats {

    /** Below this the planner's defaults are as good as statistics. */
    static final long MIN_ROWS = 5_000;

    private PlannerStats() {}

    /** Analyses the alert table when it has no statistics yet or has halved or doubled since; runs on the writer. */
    static void refreshIfStale(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            long rows = scalar(s, "SELECT count(*) FROM alert");
            long analyzed = hasStatTable(s) ? scalar(s, "SELECT coalesce(max(CAST(stat AS INTEGER)), -1) "
                    + "FROM sqlite_stat1 WHERE tbl = 'alert'") : -1;
            boolean stale = analyzed < 0 ? rows >= MIN_ROWS : rows > 2 * analyzed || rows < analyzed / 2;
            if (!stale) return;
            s.execute("PRAGMA analysis_limit=2000"); // approximate, milliseconds even at millions of rows
            s.execute("ANALYZE alert");
            s.execute("DELETE FROM sqlite_stat1 WHERE tbl LIKE 'alert_fts%'");
        }
    }

    private static boolean hasStatTable(Statement s) throws SQLException {
        return scalar(s, "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'") > 0;
    }

    private static long scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
