package io.nightwatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Readiness audits (the score over time) and restore drills (the measured RTO), in the alert history's database.
 * Obtained from {@link AlertStore#audits()}; a call that writes returns once the row is on disk.
 */
public final class AuditHistory {

    /**
     * One audit as kept: verdicts overall and per phase, the score, and {@code items} (a JSON array of
     * {@code {id, status, risk}}, never evidence).
     */
    public record AuditRun(Instant takenAt, String verdict, String development, String staging, String production, int ok,
                           int total, String items) {}

    /** One restore drill: when, which set and services, the measured restore time, whether the data checked out. */
    public record DrillRun(Instant at, String set, List<String> services, Duration rto, boolean ok, String note) {
        public DrillRun {
            services = List.copyOf(services);
        }
    }

    private final GroupCommitter committer;
    private final ReaderPool readers;
    private final Connection writer;

    AuditHistory(GroupCommitter committer, ReaderPool readers, Connection writer) {
        this.committer = committer;
        this.readers = readers;
        this.writer = writer;
    }

    public void record(AuditRun run) {
        committer.submit(() -> {
            try (PreparedStatement ps = writer.prepareStatement("INSERT INTO audit_run (taken_at, verdict, development, staging, "
                    + "production, ok, total, items) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, Sql.millis(run.takenAt()));
                ps.setString(2, run.verdict());
                ps.setString(3, run.development());
                ps.setString(4, run.staging());
                ps.setString(5, run.production());
                ps.setInt(6, run.ok());
                ps.setInt(7, run.total());
                ps.setString(8, run.items());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The newest {@code limit} audits, oldest first (how a score-over-time chart reads). */
    public List<AuditRun> list(int limit) {
        return readers.read(c -> {
            List<AuditRun> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM (SELECT * FROM audit_run ORDER BY taken_at DESC, id DESC LIMIT ?) "
                    + "ORDER BY taken_at, id")) {
                ps.setInt(1, Math.max(1, limit));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditRun(Instant.ofEpochMilli(rs.getLong("taken_at")), rs.getString("verdict"), rs.getString("development"),
                                rs.getString("staging"), rs.getString("production"), rs.getInt("ok"), rs.getInt("total"), rs.getString("items")));
                    }
                }
            }
            return out;
        });
    }

    public void recordDrill(DrillRun drill) {
        committer.submit(() -> {
            try (PreparedStatement ps = writer.prepareStatement(
                    "INSERT INTO restore_drill (at, set_id, services, rto_ms, ok, note) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, Sql.millis(drill.at()));
                ps.setString(2, drill.set());
                ps.setString(3, String.join(",", drill.services()));
                ps.setLong(4, drill.rto().toMillis());
                ps.setInt(5, drill.ok() ? 1 : 0);
                ps.setString(6, drill.note());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<DrillRun> lastDrill() {
        return readers.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM restore_drill ORDER BY at DESC, id DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.<DrillRun>empty();
                String services = rs.getString("services");
                return Optional.of(new DrillRun(Instant.ofEpochMilli(rs.getLong("at")), rs.getString("set_id"),
                        services.isEmpty() ? List.of() : List.of(services.split(",")), Duration.ofMillis(rs.getLong("rto_ms")),
                        rs.getInt("ok") == 1, rs.getString("note")));
            }
        });
    }
}
