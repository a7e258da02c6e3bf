package io.nightwatch.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The last lines of every container that died, kept beyond the container's own log: a restart policy or a recreate
 * ({@code docker compose up}) leaves the engine without the lines that explain the crash. Obtained from
 * {@link AlertStore#crashes()}; the lines arrive redacted. Pruned on every write to {@link #PER_SERVICE} deaths per
 * service and {@link #TOTAL} in all, so a crash loop cannot grow the history.
 */
public final class CrashLines {

    public static final int PER_SERVICE = 20;
    public static final int TOTAL = 1_000;
    /** Lines and characters per line kept of one death: enough for a stack trace's head, bounded in size. */
    public static final int MAX_LINES = 50;
    public static final int MAX_LINE_CHARS = 500;

    /**
     * One death.
     *
     * @param container the container's id then (a recreated container has another)
     * @param lines     oldest first, redacted
     */
    public record Crash(String host, String service, String container, Instant diedAt, int exitCode, boolean oom, List<String> lines) {
        public Crash {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(container, "container");
            Objects.requireNonNull(diedAt, "diedAt");
            lines = bound(lines);
        }
    }

    private final GroupCommitter committer;
    private final ReaderPool readers;
    private final Connection writer;

    CrashLines(GroupCommitter committer, ReaderPool readers, Connection writer) {
        this.committer = committer;
        this.readers = readers;
        this.writer = writer;
    }

    /** Stores one death (a second report of the same one is ignored) and prunes; returns once it is on disk. */
    public void record(Crash crash) {
        committer.submit(() -> {
            try (PreparedStatement ps = writer.prepareStatement("INSERT OR IGNORE INTO crash_lines "
                    + "(host, service, container, died_at, exit_code, oom, lines) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, crash.host());
                ps.setString(2, crash.service());
                ps.setString(3, crash.container());
                ps.setLong(4, Sql.millis(crash.diedAt()));
                ps.setInt(5, crash.exitCode());
                ps.setInt(6, crash.oom() ? 1 : 0);
                ps.setString(7, String.join("\n", crash.lines()));
                ps.executeUpdate();
            }
            prune(crash.host(), crash.service());
            return null;
        });
    }

    private void prune(String host, String service) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("DELETE FROM crash_lines WHERE host = ? AND service = ? AND id NOT IN "
                + "(SELECT id FROM crash_lines WHERE host = ? AND service = ? ORDER BY died_at DESC, id DESC LIMIT ?)")) {
            ps.setString(1, host);
            ps.setString(2, service);
            ps.setString(3, host);
            ps.setString(4, service);
            ps.setInt(5, PER_SERVICE);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = writer.prepareStatement(
                "DELETE FROM crash_lines WHERE id NOT IN (SELECT id FROM crash_lines ORDER BY died_at DESC, id DESC LIMIT ?)")) {
            ps.setInt(1, TOTAL);
            ps.executeUpdate();
        }
    }

    /** The newest {@code limit} deaths of a service on a host, newest first. */
    public List<Crash> recent(String host, String service, int limit) {
        return readers.read(c -> query(c, host, service, limit));
    }

    /**
     * The same, read from a history file without opening it for writing (the CLI beside a running {@code serve});
     * empty when the file or the table is not there yet.
     */
    public static List<Crash> recentIn(Path dbFile, String host, String service, int limit) {
        if (dbFile == null || !Files.isRegularFile(dbFile)) return List.of();
        Connection c = null;
        try {
            c = Sqlite.readOnly(dbFile);
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'crash_lines'");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) == 0) return List.of();
            }
            return query(c, host, service, limit);
        } catch (SQLException e) {
            throw Sql.fileError(dbFile, e);
        } finally {
            if (c != null) Sqlite.closeQuietly(c);
        }
    }

    private static List<Crash> query(Connection c, String host, String service, int limit) throws SQLException {
        List<Crash> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM crash_lines WHERE host = ? AND service = ? "
                + "ORDER BY died_at DESC, id DESC LIMIT ?")) {
            ps.setString(1, host);
            ps.setString(2, service);
            ps.setInt(3, Math.max(1, Math.min(limit, PER_SERVICE)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String lines = rs.getString("lines");
                    out.add(new Crash(rs.getString("host"), rs.getString("service"), rs.getString("container"),
                            Sql.instant(rs.getLong("died_at")), rs.getInt("exit_code"), rs.getInt("oom") == 1,
                            lines.isEmpty() ? List.of() : List.of(lines.split("\n", -1))));
                }
            }
        }
        return out;
    }

    /** The newest {@link #MAX_LINES}, each cut to {@link #MAX_LINE_CHARS}, without line breaks inside a line. */
    static List<String> bound(List<String> lines) {
        List<String> in = lines == null ? List.of() : lines;
        List<String> out = new ArrayList<>();
        for (String l : in.subList(Math.max(0, in.size() - MAX_LINES), in.size())) {
            String one = l == null ? "" : l.replace('\n', ' ').replace('\r', ' ');
            out.add(one.length() > MAX_LINE_CHARS ? one.substring(0, MAX_LINE_CHARS) + "…" : one);
        }
        return List.copyOf(out);
    }
}
