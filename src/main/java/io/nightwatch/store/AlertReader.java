package io.nightwatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads occurrences, transitions and silences; runs on a reader connection of any thread. */
final class AlertReader {

    /** The latest acknowledgement rides along (acks are few; the correlated lookup uses alert_ack_alert). */
    private static final String SELECT = """
            SELECT a.id, a.fingerprint, a.alertname, a.severity, a.service, a.labels, a.annotations, a.state,
                   a.starts_at, a.ends_at, a.source, a.seen_by, a.first_received_at, a.last_received_at,
                   a.generator_url, a.receiver, k.who AS ack_who, k.at AS ack_at, k.note AS ack_note
            FROM alert a
            LEFT JOIN alert_ack k ON k.id = (SELECT max(id) FROM alert_ack WHERE alert_id = a.id)""";
    private static final String ORDER = " ORDER BY a.starts_at DESC, a.id DESC";

    /** Up to this many text matches (or 1 in 200 rows) FTS5 drives; beyond, the indexes do (see QuerySql). */
    static final long TEXT_DRIVES_UP_TO = 2_000;

    private AlertReader() {}

    /** How many occurrences the free text matches; -1 without a text filter. A few ms even for 30 000 matches. */
    static long textMatches(Connection c, AlertQuery q) throws SQLException {
        Optional<String> match = q.text().flatMap(QuerySql::ftsQuery);
        if (match.isEmpty()) return -1;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM alert_fts WHERE alert_fts MATCH ?")) {
            ps.setString(1, match.get());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static QuerySql plan(Connection c, AlertQuery q, long textMatches) throws SQLException {
        if (textMatches <= TEXT_DRIVES_UP_TO) return QuerySql.of(q, true);
        long rows;
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM alert"); // O(log n)
             ResultSet rs = ps.executeQuery()) {
            rows = rs.next() ? rs.getLong(1) : 0;
        }
        return QuerySql.of(q, textMatches * 200 <= rows);
    }

    static List<AlertOccurrence> search(Connection c, AlertQuery q) throws SQLException {
        long matches = textMatches(c, q);
        if (matches == 0) return List.of();
        QuerySql sql = plan(c, q, matches);
        List<Object> params = new ArrayList<>(sql.params());
        params.add(q.limit());
        params.add(q.offset());
        try (PreparedStatement ps = c.prepareStatement(SELECT + sql.where() + ORDER + " LIMIT ? OFFSET ?")) {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<AlertOccurrence> out = new ArrayList<>();
                while (rs.next()) out.add(occurrence(rs));
                return out;
            }
        }
    }

    static long count(Connection c, AlertQuery q) throws SQLException {
        long matches = textMatches(c, q);
        if (matches == 0 || (matches > 0 && QuerySql.onlyText(q))) return matches;
        QuerySql sql = plan(c, q, matches);
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM alert a" + sql.where())) {
            Sql.bind(ps, sql.params());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** SQLite's plan for a search, one line per step (tests check that filters use indexes). */
    static List<String> explain(Connection c, AlertQuery q) throws SQLException {
        QuerySql sql = plan(c, q, textMatches(c, q));
        List<Object> params = new ArrayList<>(sql.params());
        params.add(q.limit());
        params.add(q.offset());
        try (PreparedStatement ps = c.prepareStatement(
                "EXPLAIN QUERY PLAN " + SELECT + sql.where() + ORDER + " LIMIT ? OFFSET ?")) {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) out.add(rs.getString("detail"));
                return out;
            }
        }
    }

    static Optional<AlertOccurrence> get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE a.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(occurrence(rs)) : Optional.empty();
            }
        }
    }

    /** In chunks of at most 500 ids: SQLite's limit on bound parameters is 999 in older builds. */
    static List<AlertOccurrence> getAll(Connection c, List<Long> ids) throws SQLException {
        List<AlertOccurrence> out = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE a.id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) ps.setLong(i + 1, chunk.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(occurrence(rs));
                }
            }
        }
        return out;
    }

    static List<Transition> transitions(Connection c, long alertId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT at, from_state, to_state, source FROM alert_transition "
                + "WHERE alert_id = ? ORDER BY id")) {
            ps.setLong(1, alertId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Transition> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Transition(alertId, Sql.instant(rs.getLong("at")), AlertState.valueOf(rs.getString("from_state")),
                            AlertState.valueOf(rs.getString("to_state")), rs.getString("source")));
                }
                return out;
            }
        }
    }

    static List<SilenceRecord> silences(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, matchers, comment, created_by, starts_at, ends_at, "
                + "created_by_nightwatch FROM silence ORDER BY starts_at DESC, id");
             ResultSet rs = ps.executeQuery()) {
            List<SilenceRecord> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new SilenceRecord(rs.getString("id"), OperatorWriter.matchers(rs.getString("matchers")),
                        rs.getString("comment"), rs.getString("created_by"), Sql.instant(rs.getLong("starts_at")),
                        Sql.instant(rs.getLong("ends_at")), rs.getInt("created_by_nightwatch") != 0));
            }
            return out;
        }
    }

    private static AlertOccurrence occurrence(ResultSet rs) throws SQLException {
        String ackWho = rs.getString("ack_who");
        Optional<Acknowledgement> ack = ackWho == null ? Optional.empty()
                : Optional.of(new Acknowledgement(ackWho, Sql.instant(rs.getLong("ack_at")), rs.getString("ack_note")));
        return new AlertOccurrence(rs.getLong("id"), rs.getString("fingerprint"), rs.getString("alertname"),
                rs.getString("severity"), rs.getString("service"), Sql.map(rs.getString("labels")),
                Sql.map(rs.getString("annotations")), AlertState.valueOf(rs.getString("state")),
                Sql.instant(rs.getLong("starts_at")), Sql.optionalInstant(rs, "ends_at"), rs.getString("source"),
                Sql.seenBy(rs.getString("seen_by")), Sql.instant(rs.getLong("first_received_at")),
                Sql.instant(rs.getLong("last_received_at")), ack, rs.getString("generator_url"),
                rs.getString("receiver"));
    }
}
