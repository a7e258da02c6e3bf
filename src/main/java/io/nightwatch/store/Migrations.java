package io.nightwatch.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The schema, as an ordered list of steps. A database records each applied step in {@code schema_version};
 * opening applies the missing ones, each in its own transaction, so a crash mid-way leaves the last complete
 * version. To change the schema, append a step (never edit a released one).
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    interface Step {
        int version();

        String description();

        void apply(Connection c) throws SQLException;

        static Step sql(int version, String description, String... statements) {
            return new Step() {
                public int version() { return version; }

                public String description() { return description; }

                public void apply(Connection c) throws SQLException {
                    try (Statement s = c.createStatement()) {
                        for (String sql : statements) s.execute(sql);
                    }
                }
            };
        }
    }

    static final List<Step> STEPS = List.of(
            Step.sql(1, "alert occurrences, transitions, acknowledgements, silences, full-text index", Schema.V1),
            Step.sql(2, "incidents, their timelines and chart samples", Schema.V2),
            Step.sql(3, "readiness audits and restore drills", Schema.V3),
            Step.sql(4, "last lines of containers that died", Schema.V4),
            Step.sql(5, "performance baselines and observed service states", Schema.V5));

    private Migrations() {}

    static int latest(List<Step> steps) {
        return steps.get(steps.size() - 1).version();
    }

    /** Brings the database to the newest version this code knows; returns the number of steps applied. */
    static int apply(Connection c, Path file, List<Step> steps) throws SQLException {
        refuseForeignDatabase(c, file);
        transaction(c, () -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                        + "description TEXT NOT NULL, applied_at INTEGER NOT NULL)");
            }
        });
        refuseNewer(file, current(c), latest(steps));
        int applied = 0;
        for (Step step : steps) {
            boolean[] ran = {false};
            transaction(c, () -> {
                // Re-read inside the write lock: another Nightwatch process may have migrated meanwhile.
                if (current(c) >= step.version()) return;
                step.apply(c);
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, step.version());
                    ps.setString(2, step.description());
                    ps.setLong(3, Instant.now().toEpochMilli());
                    ps.executeUpdate();
                }
                ran[0] = true;
            });
            if (ran[0]) {
                applied++;
                LOG.info("Alert history {}: schema migrated to version {} ({})", file, step.version(), step.description());
            }
        }
        return applied;
    }

    static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static void refuseNewer(Path file, int found, int known) {
        if (found > known) {
            throw new StoreException(file + " has alert-history schema version " + found + ", written by a newer "
                    + "Nightwatch; this version knows up to " + known + ". Update Nightwatch or use another file");
        }
    }

    /** Someone else's SQLite file: migrating it would mix our tables into theirs. */
    private static void refuseForeignDatabase(Connection c, Path file) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT sum(name = 'schema_version'), count(*) FROM sqlite_master "
                        + "WHERE type = 'table' AND name NOT LIKE 'sqlite%'")) {
            rs.next();
            if (rs.getInt(1) == 0 && rs.getInt(2) > 0) {
                throw new StoreException(file + " is an SQLite database of another program (it has tables but no "
                        + "Nightwatch schema_version); choose another file");
            }
        }
    }

    private interface SqlBlock {
        void run() throws SQLException;
    }

    private static void transaction(Connection c, SqlBlock block) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                block.run();
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }
}
