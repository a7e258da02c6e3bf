package io.nightwatch.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes what operators do: acknowledgements and silences. Writer thread only. */
final class OperatorWriter {

    private final PreparedStatement alertExists;
    private final PreparedStatement insertAck;
    private final PreparedStatement upsertSilence;
    private final PreparedStatement expireSilence;
    private final PreparedStatement deleteSilences;

    OperatorWriter(Connection c) throws SQLException {
        alertExists = c.prepareStatement("SELECT 1 FROM alert WHERE id = ?");
        insertAck = c.prepareStatement("INSERT INTO alert_ack (alert_id, who, at, note) VALUES (?, ?, ?, ?)");
        // A silence seen again by the poller keeps the "made by Nightwatch" mark and an early expiry.
        upsertSilence = c.prepareStatement("""
                INSERT INTO silence (id, matchers, comment, created_by, starts_at, ends_at, created_by_nightwatch,
                                     recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                  matchers = excluded.matchers, comment = excluded.comment, created_by = excluded.created_by,
                  starts_at = excluded.starts_at,
                  ends_at = CASE WHEN silence.expired_at IS NULL THEN excluded.ends_at
                                 ELSE min(silence.ends_at, excluded.ends_at) END,
                  created_by_nightwatch = max(silence.created_by_nightwatch, excluded.created_by_nightwatch)""");
        expireSilence = c.prepareStatement(
                "UPDATE silence SET expired_at = coalesce(expired_at, ?1), ends_at = min(ends_at, ?1) WHERE id = ?2");
        deleteSilences = c.prepareStatement("DELETE FROM silence WHERE ends_at < ?");
    }

    void acknowledge(long alertId, String who, String note, Instant at) throws SQLException {
        alertExists.setLong(1, alertId);
        try (var rs = alertExists.executeQuery()) {
            if (!rs.next()) throw new IllegalArgumentException("no alert occurrence with id " + alertId);
        }
        insertAck.setLong(1, alertId);
        insertAck.setString(2, who);
        insertAck.setLong(3, Sql.millis(at));
        insertAck.setString(4, note == null ? "" : note);
        insertAck.executeUpdate();
    }

    void recordSilence(SilenceRecord s, Instant now) throws SQLException {
        int i = 0;
        upsertSilence.setString(++i, s.id());
        upsertSilence.setString(++i, matchersJson(s.matchers()));
        upsertSilence.setString(++i, s.comment());
        upsertSilence.setString(++i, s.createdBy());
        upsertSilence.setLong(++i, Sql.millis(s.startsAt()));
        upsertSilence.setLong(++i, Sql.millis(s.endsAt()));
        upsertSilence.setInt(++i, s.createdByNightwatch() ? 1 : 0);
        upsertSilence.setLong(++i, Sql.millis(now));
        upsertSilence.executeUpdate();
    }

    /** @return false when no silence has that id */
    boolean silenceExpired(String id, Instant at) throws SQLException {
        expireSilence.setLong(1, Sql.millis(at));
        expireSilence.setString(2, id);
        return expireSilence.executeUpdate() > 0;
    }

    int deleteSilencesEndedBefore(Instant cutoff) throws SQLException {
        deleteSilences.setLong(1, Sql.millis(cutoff));
        return deleteSilences.executeUpdate();
    }

    static String matchersJson(List<SilenceMatcher> matchers) {
        ArrayNode array = Sql.JSON.createArrayNode();
        for (SilenceMatcher m : matchers) {
            array.addObject().put("name", m.name()).put("value", m.value()).put("isRegex", m.isRegex())
                    .put("isEqual", m.isEqual());
        }
        return array.toString();
    }

    static List<SilenceMatcher> matchers(String json) {
        try {
            List<SilenceMatcher> out = new ArrayList<>();
            for (JsonNode m : Sql.JSON.readTree(json)) {
                out.add(new SilenceMatcher(m.path("name").asText(), m.path("value").asText(),
                        m.path("isRegex").asBoolean(), m.path("isEqual").asBoolean(true)));
            }
            return List.copyOf(out);
        } catch (java.io.IOException e) {
            throw new StoreException("a stored silence has unreadable matchers", e);
        }
    }
}
