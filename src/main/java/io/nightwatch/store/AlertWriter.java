package io.nightwatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Records alert reports: finds the occurrence a report belongs to, then inserts or merges ({@link Merge}).
 * Runs only on the writer thread inside a transaction ({@link GroupCommitter}), so lookups and writes cannot
 * interleave with another report of the same alert.
 *
 * <p>Which occurrence a report belongs to, in order:
 * <ol>
 *   <li>the one with the same fingerprint and start;</li>
 *   <li>a resolved one that was still running when the report's alert started (a late or repeated report of
 *       it, possibly with another source's start time);</li>
 *   <li>the open one with the same fingerprint, whichever source opened it and whatever start it has — unless
 *       the report is a resolution that ended before that occurrence started (a late resolution of an older
 *       occurrence Nightwatch never saw, stored as its own resolved occurrence);</li>
 *   <li>none: a new occurrence.</li>
 * </ol>
 */
final class AlertWriter {

    private static final String STORED = "SELECT id, state, starts_at, ends_at, annotations, seen_by, generator_url, "
            + "receiver, last_received_at, state_changed_at FROM alert ";

    private final PreparedStatement exact;
    private final PreparedStatement previousResolved;
    private final PreparedStatement open;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement insertTransition;
    private final PreparedStatement deleteEnded;

    AlertWriter(Connection c) throws SQLException {
        // Pinned indexes: with state in the WHERE clause the planner may pick the state index and scan every
        // resolved occurrence (quadratic over a burst); a fingerprint has few occurrences.
        exact = c.prepareStatement(STORED + "INDEXED BY alert_fingerprint_start WHERE fingerprint = ? AND starts_at = ?");
        previousResolved = c.prepareStatement(STORED + "INDEXED BY alert_fingerprint_start "
                + "WHERE fingerprint = ? AND state = 'RESOLVED' AND starts_at <= ? ORDER BY starts_at DESC LIMIT 1");
        open = c.prepareStatement(STORED + "INDEXED BY alert_open_fingerprint WHERE fingerprint = ? AND state <> 'RESOLVED'");
        insert = c.prepareStatement("INSERT INTO alert (fingerprint, alertname, severity, service, labels, annotations, "
                + "state, starts_at, ends_at, source, seen_by, generator_url, receiver, first_received_at, "
                + "last_received_at, state_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
        update = c.prepareStatement("UPDATE alert SET state = ?, starts_at = ?, ends_at = ?, annotations = ?, seen_by = ?, "
                + "generator_url = ?, receiver = ?, last_received_at = ?, state_changed_at = ? WHERE id = ?");
        insertTransition = c.prepareStatement(
                "INSERT INTO alert_transition (alert_id, at, from_state, to_state, source) VALUES (?, ?, ?, ?, ?)");
        // In chunks, so that a large purge does not hold the write lock for long (see AlertStore.applyRetention).
        deleteEnded = c.prepareStatement("DELETE FROM alert WHERE id IN "
                + "(SELECT id FROM alert INDEXED BY alert_retention WHERE state = 'RESOLVED' AND ends_at < ? LIMIT ?)");
    }

    RecordResult record(IncomingAlert in) throws SQLException {
        String annotations = Sql.json(in.annotations());
        StoredAlert target = occurrenceOf(in);
        if (target == null) return insert(in, annotations);
        Merge.Outcome merged = Merge.apply(target, in, annotations);
        update(merged.after());
        if (merged.transition().isPresent()) insertTransition(merged.transition().get());
        return new RecordResult(merged.changed() ? RecordResult.Outcome.UPDATED : RecordResult.Outcome.UNCHANGED,
                target.id(), merged.transition().isPresent(), merged.after().state());
    }

    /** Deletes up to {@code max} resolved occurrences that ended before the cutoff (transitions and acks cascade). */
    int deleteEndedBefore(Instant cutoff, int max) throws SQLException {
        deleteEnded.setLong(1, Sql.millis(cutoff));
        deleteEnded.setInt(2, max);
        return deleteEnded.executeUpdate();
    }

    private StoredAlert occurrenceOf(IncomingAlert in) throws SQLException {
        exact.setString(1, in.fingerprint());
        exact.setLong(2, Sql.millis(in.startsAt()));
        StoredAlert same = one(exact);
        if (same != null) return same;

        boolean resolution = in.state() == AlertState.RESOLVED;
        Instant reportEnd = resolution ? in.endsAt().orElse(in.receivedAt()) : Instant.MAX;
        previousResolved.setString(1, in.fingerprint());
        previousResolved.setLong(2, resolution ? Sql.millis(reportEnd) : Long.MAX_VALUE);
        StoredAlert previous = one(previousResolved);
        if (previous != null && previous.endsAt().isPresent() && !previous.endsAt().get().isBefore(in.startsAt())) {
            return previous;
        }

        open.setString(1, in.fingerprint());
        StoredAlert current = one(open);
        if (current != null && !(resolution && reportEnd.isBefore(current.startsAt()))) return current;
        return null;
    }

    private RecordResult insert(IncomingAlert in, String annotations) throws SQLException {
        Optional<Instant> endsAt = in.state() == AlertState.RESOLVED
                ? Optional.of(in.endsAt().orElse(in.receivedAt())) : in.endsAt();
        int i = 0;
        insert.setString(++i, in.fingerprint());
        insert.setString(++i, LabelFacts.alertname(in.labels()));
        insert.setString(++i, LabelFacts.severity(in.labels()));
        insert.setString(++i, LabelFacts.service(in.labels()));
        insert.setString(++i, Sql.json(in.labels()));
        insert.setString(++i, annotations);
        insert.setString(++i, in.state().name());
        insert.setLong(++i, Sql.millis(in.startsAt()));
        Sql.setOptionalMillis(insert, ++i, endsAt);
        insert.setString(++i, in.source());
        insert.setString(++i, Sql.seenBy(Set.of(in.source())));
        insert.setString(++i, in.generatorUrl());
        insert.setString(++i, in.receiver());
        insert.setLong(++i, Sql.millis(in.receivedAt()));
        insert.setLong(++i, Sql.millis(in.receivedAt()));
        insert.setLong(++i, Sql.millis(in.receivedAt()));
        long id;
        try (ResultSet rs = insert.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        return new RecordResult(RecordResult.Outcome.INSERTED, id, false, in.state());
    }

    private void update(StoredAlert a) throws SQLException {
        int i = 0;
        update.setString(++i, a.state().name());
        update.setLong(++i, Sql.millis(a.startsAt()));
        Sql.setOptionalMillis(update, ++i, a.endsAt());
        update.setString(++i, a.annotations());
        update.setString(++i, Sql.seenBy(a.seenBy()));
        update.setString(++i, a.generatorUrl());
        update.setString(++i, a.receiver());
        update.setLong(++i, Sql.millis(a.lastReceivedAt()));
        update.setLong(++i, Sql.millis(a.stateChangedAt()));
        update.setLong(++i, a.id());
        update.executeUpdate();
    }

    private void insertTransition(Transition t) throws SQLException {
        insertTransition.setLong(1, t.alertId());
        insertTransition.setLong(2, Sql.millis(t.at()));
        insertTransition.setString(3, t.from().name());
        insertTransition.setString(4, t.to().name());
        insertTransition.setString(5, t.source());
        insertTransition.executeUpdate();
    }

    private static StoredAlert one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return null;
            return new StoredAlert(rs.getLong("id"), AlertState.valueOf(rs.getString("state")),
                    Sql.instant(rs.getLong("starts_at")), Sql.optionalInstant(rs, "ends_at"), rs.getString("annotations"),
                    Sql.seenBy(rs.getString("seen_by")), rs.getString("generator_url"), rs.getString("receiver"),
                    Sql.instant(rs.getLong("last_received_at")), Sql.instant(rs.getLong("state_changed_at")));
        }
    }
}
