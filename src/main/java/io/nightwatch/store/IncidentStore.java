package io.nightwatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Incidents and their timelines, in the alert history's database (same file, same writer thread, same durability:
 * a call returns once the change is on disk). Obtained from {@link AlertStore#incidents()}.
 */
public final class IncidentStore {

    /** One point of a series recorded while an incident was open (a stage's rate, for the export's charts). */
    public record Sample(Instant at, double value) {}

    private final GroupCommitter committer;
    private final ReaderPool readers;
    private final Connection writer;

    IncidentStore(GroupCommitter committer, ReaderPool readers, Connection writer) {
        this.committer = committer;
        this.readers = readers;
        this.writer = writer;
    }

    /** The open incident of {@code scope}, or a new one opened now: at most one is open per scope. */
    public Incident openOrGet(String scope, String title, String openedBy, Instant at) {
        return committer.submit(() -> {
            Optional<Incident> open = openFor(writer, scope);
            if (open.isPresent()) return open.get();
            long id;
            try (PreparedStatement ps = writer.prepareStatement(
                    "INSERT INTO incident (scope, title, opened_at, opened_by) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, scope);
                ps.setString(2, title);
                ps.setLong(3, Sql.millis(at));
                ps.setString(4, openedBy);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            insertEvent(id, IncidentEvent.of(at, IncidentEvent.Kind.OPENED, "", "incident opened by " + openedBy + ": " + title, Map.of()));
            return get(writer, id).orElseThrow();
        });
    }

    public Optional<Incident> openFor(String scope) {
        return readers.read(c -> openFor(c, scope));
    }

    /** Newest first. */
    public List<Incident> list() {
        return readers.read(c -> {
            List<Incident> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM incident ORDER BY opened_at DESC, id DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(incident(rs));
            }
            return out;
        });
    }

    public Optional<Incident> get(long id) {
        return readers.read(c -> get(c, id));
    }

    /** Adds an event to an incident's timeline; returns its id. @throws IllegalArgumentException for no such incident */
    public long add(long incidentId, IncidentEvent event) {
        return committer.submit(() -> {
            if (get(writer, incidentId).isEmpty()) throw new IllegalArgumentException("no incident " + incidentId);
            return insertEvent(incidentId, event);
        });
    }

    /** One timeline event for one incident, for {@link #addAll}. */
    public record Entry(long incidentId, IncidentEvent event) {}

    /**
     * Adds several events in one commit: an alert storm during an open incident brings one event per alert, and a
     * commit each would make every webhook delivery wait for as many fsyncs as it carries alerts.
     * Events of incidents that no longer exist are skipped.
     *
     * @return how many were added
     */
    public int addAll(List<Entry> entries) {
        if (entries.isEmpty()) return 0;
        List<Entry> copy = List.copyOf(entries);
        return committer.submit(() -> {
            Map<Long, Boolean> exists = new java.util.HashMap<>();
            int added = 0;
            for (Entry e : copy) {
                Boolean known = exists.get(e.incidentId());
                if (known == null) exists.put(e.incidentId(), known = get(writer, e.incidentId()).isPresent());
                if (!known) continue;
                insertEvent(e.incidentId(), e.event());
                added++;
            }
            return added;
        });
    }

    /** Closes an incident (a closed one stays as it was). @throws IllegalArgumentException for no such incident */
    public Incident close(long id, String by, String summary, Instant at) {
        return committer.submit(() -> {
            Incident i = get(writer, id).orElseThrow(() -> new IllegalArgumentException("no incident " + id));
            if (!i.open()) return i;
            try (PreparedStatement ps = writer.prepareStatement(
                    "UPDATE incident SET closed_at = ?, closed_by = ?, summary = ? WHERE id = ?")) {
                ps.setLong(1, Sql.millis(at));
                ps.setString(2, by);
                ps.setString(3, summary == null ? "" : summary);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            insertEvent(id, IncidentEvent.of(at, IncidentEvent.Kind.CLOSED, "", "incident closed by " + by
                    + (summary == null || summary.isBlank() ? "" : ": " + summary), Map.of()));
            return get(writer, id).orElseThrow();
        });
    }

    /** The timeline, oldest first. */
    public List<IncidentEvent> events(long incidentId) {
        return readers.read(c -> {
            List<IncidentEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM incident_event WHERE incident_id = ? ORDER BY at, id")) {
                ps.setLong(1, incidentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byte[] png = rs.getBytes("attachment");
                        out.add(new IncidentEvent(rs.getLong("id"), incidentId, Sql.instant(rs.getLong("at")),
                                IncidentEvent.Kind.valueOf(rs.getString("kind")), rs.getString("service"), rs.getString("text"),
                                Sql.map(rs.getString("facts")), Optional.ofNullable(png)));
                    }
                }
            }
            return out;
        });
    }

    /** Records points of named series for the incident's charts, in one commit. */
    public void sample(long incidentId, Map<String, Double> values, Instant at) {
        if (values.isEmpty()) return;
        committer.submit(() -> {
            try (PreparedStatement ps = writer.prepareStatement(
                    "INSERT INTO incident_sample (incident_id, series, at, value) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, Double> v : values.entrySet()) {
                    if (v.getValue() == null || v.getValue().isNaN() || v.getValue().isInfinite()) continue;
                    ps.setLong(1, incidentId);
                    ps.setString(2, v.getKey());
                    ps.setLong(3, Sql.millis(at));
                    ps.setDouble(4, v.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Every series recorded for the incident, by name, each oldest first. */
    public Map<String, List<Sample>> samples(long incidentId) {
        return readers.read(c -> {
            Map<String, List<Sample>> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT series, at, value FROM incident_sample WHERE incident_id = ? ORDER BY series, at")) {
                ps.setLong(1, incidentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Sample(Sql.instant(rs.getLong(2)), rs.getDouble(3)));
                    }
                }
            }
            return out;
        });
    }

    private long insertEvent(long incidentId, IncidentEvent e) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement(
                "INSERT INTO incident_event (incident_id, at, kind, service, text, facts, attachment) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, incidentId);
            ps.setLong(2, Sql.millis(e.at()));
            ps.setString(3, e.kind().name());
            ps.setString(4, e.service());
            ps.setString(5, e.text());
            ps.setString(6, Sql.json(e.facts()));
            if (e.attachment().isPresent()) ps.setBytes(7, e.attachment().get());
            else ps.setNull(7, java.sql.Types.BLOB);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static Optional<Incident> openFor(Connection c, String scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM incident WHERE scope = ? AND closed_at IS NULL")) {
            ps.setString(1, scope);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(incident(rs)) : Optional.empty();
            }
        }
    }

    private static Optional<Incident> get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM incident WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(incident(rs)) : Optional.empty();
            }
        }
    }

    private static Incident incident(ResultSet rs) throws SQLException {
        long closed = rs.getLong("closed_at");
        boolean open = rs.wasNull();
        return new Incident(rs.getLong("id"), rs.getString("scope"), rs.getString("title"), Sql.instant(rs.getLong("opened_at")),
                rs.getString("opened_by"), open ? Optional.empty() : Optional.of(Sql.instant(closed)),
                rs.getString("closed_by"), rs.getString("summary"));
    }
}
