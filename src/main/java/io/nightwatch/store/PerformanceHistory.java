package io.nightwatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Performance samples per service, image and metric (the baselines), and the services' observed states as spans (the
 * availability behind an SLO), in the alert history's database. Obtained from {@link AlertStore#performance()}; a call
 * that writes returns once the row is on disk.
 */
public final class PerformanceHistory {

    /** One measured value: {@code service} is {@code host/name}, {@code image} the container's image reference. */
    public record Sample(Instant at, String service, String image, String metric, double value) {}

    /** Percentiles of one series over a period (nearest-rank). */
    public record Stats(int count, double p50, double p95, Instant first, Instant last) {}

    /** Time observed in a state that serves (UP, DEGRADED) against all time observed with a known state. */
    public record Availability(Duration serving, Duration observed) {
        public double percent() {
            return observed.isZero() ? Double.NaN : 100.0 * serving.toMillis() / observed.toMillis();
        }
    }

    private final GroupCommitter committer;
    private final ReaderPool readers;
    private final Connection writer;

    PerformanceHistory(GroupCommitter committer, ReaderPool readers, Connection writer) {
        this.committer = committer;
        this.readers = readers;
        this.writer = writer;
    }

    public void record(List<Sample> samples) {
        if (samples.isEmpty()) return;
        committer.submit(() -> {
            try (PreparedStatement ps = writer.prepareStatement(
                    "INSERT INTO perf_sample (at, service, image, metric, value) VALUES (?, ?, ?, ?, ?)")) {
                for (Sample s : samples) {
                    if (!Double.isFinite(s.value())) continue;
                    ps.setLong(1, Sql.millis(s.at()));
                    ps.setString(2, s.service());
                    ps.setString(3, s.image());
                    ps.setString(4, s.metric());
                    ps.setDouble(5, s.value());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** p50/p95 of a service's metric for one image since {@code from} (inclusive); empty without samples. */
    public Optional<Stats> stats(String service, String image, String metric, Instant from) {
        return stats(service, image, metric, from, Instant.ofEpochMilli(Long.MAX_VALUE));
    }

    /** p50/p95 over {@code [from, to)}. */
    public Optional<Stats> stats(String service, String image, String metric, Instant from, Instant to) {
        return readers.read(c -> {
            String where = " FROM perf_sample WHERE service = ? AND metric = ? AND image = ? AND at >= ? AND at < ?";
            int count;
            Instant first;
            Instant last;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), min(at), max(at)" + where)) {
                bind(ps, service, image, metric, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getInt(1);
                    if (count == 0) return Optional.<Stats>empty();
                    first = Instant.ofEpochMilli(rs.getLong(2));
                    last = Instant.ofEpochMilli(rs.getLong(3));
                }
            }
            return Optional.of(new Stats(count, rank(c, where, service, image, metric, from, to, count, 0.50),
                    rank(c, where, service, image, metric, from, to, count, 0.95), first, last));
        });
    }

    /** The image of the newest sample of a service's metric: what the service runs now, as far as recorded. */
    public Optional<String> newestImage(String service, String metric) {
        return readers.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT image FROM perf_sample WHERE service = ? AND metric = ? ORDER BY at DESC LIMIT 1")) {
                ps.setString(1, service);
                ps.setString(2, metric);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** The oldest sample of a service's metric since {@code from}, whatever the image (disk use does not change with it). */
    public Optional<Sample> oldest(String service, String metric, Instant from) {
        return readers.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT at, image, value FROM perf_sample WHERE service = ? AND metric = ? "
                    + "AND at >= ? ORDER BY at LIMIT 1")) {
                ps.setString(1, service);
                ps.setString(2, metric);
                ps.setLong(3, Sql.millis(from));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Sample(Instant.ofEpochMilli(rs.getLong(1)), service, rs.getString(2), metric,
                            rs.getDouble(3))) : Optional.<Sample>empty();
                }
            }
        });
    }

    /** Nearest rank: the smallest value with at least {@code q} of the samples at or below it. */
    private static double rank(Connection c, String where, String service, String image, String metric, Instant from, Instant to,
                               int count, double q) throws SQLException {
        int offset = Math.max(0, (int) Math.ceil(q * count) - 1);
        try (PreparedStatement ps = c.prepareStatement("SELECT value" + where + " ORDER BY value LIMIT 1 OFFSET ?")) {
            bind(ps, service, image, metric, from, to);
            ps.setInt(6, offset);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    private static void bind(PreparedStatement ps, String service, String image, String metric, Instant from, Instant to) throws SQLException {
        ps.setString(1, service);
        ps.setString(2, metric);
        ps.setString(3, image);
        ps.setLong(4, Sql.millis(from));
        ps.setLong(5, to.toEpochMilli());
    }

    /**
     * The service was seen in {@code state} at {@code at}. Within {@code maxGap} of the last sighting the current span
     * grows (or, in another state, ends here and a new one starts); after a longer gap Nightwatch was not watching,
     * and the gap counts neither for nor against the service.
     */
    public void observed(String service, String state, Instant at, Duration maxGap) {
        long now = Sql.millis(at);
        committer.submit(() -> {
            long id = -1;
            String lastState = null;
            long until = 0;
            try (PreparedStatement ps = writer.prepareStatement(
                    "SELECT id, state, until FROM service_state WHERE service = ? ORDER BY until DESC, id DESC LIMIT 1")) {
                ps.setString(1, service);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                        lastState = rs.getString(2);
                        until = rs.getLong(3);
                    }
                }
            }
            boolean continues = id >= 0 && now >= until && now - until <= maxGap.toMillis();
            if (continues) {
                try (PreparedStatement ps = writer.prepareStatement("UPDATE service_state SET until = ? WHERE id = ?")) {
                    ps.setLong(1, now);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
                if (state.equals(lastState)) return null;
            }
            if (id >= 0 && now < until) return null; // out of order (a clock step back): the newer record stands
            try (PreparedStatement ps = writer.prepareStatement("INSERT INTO service_state (service, state, since, until) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, service);
                ps.setString(2, state);
                ps.setLong(3, now);
                ps.setLong(4, now);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The spans of a service within {@code [from, to)}, clipped: UP and DEGRADED serve, DOWN does not, UNKNOWN is not counted. */
    public Availability availability(String service, Instant from, Instant to) {
        return readers.read(c -> {
            long f = Sql.millis(from);
            long t = Sql.millis(to);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT coalesce(sum(CASE WHEN state IN ('UP', 'DEGRADED') THEN min(until, ?) - max(since, ?) ELSE 0 END), 0), "
                            + "coalesce(sum(CASE WHEN state <> 'UNKNOWN' THEN min(until, ?) - max(since, ?) ELSE 0 END), 0) "
                            + "FROM service_state WHERE service = ? AND until > ? AND since < ?")) {
                ps.setLong(1, t);
                ps.setLong(2, f);
                ps.setLong(3, t);
                ps.setLong(4, f);
                ps.setString(5, service);
                ps.setLong(6, f);
                ps.setLong(7, t);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Availability(Duration.ofMillis(rs.getLong(1)), Duration.ofMillis(rs.getLong(2)));
                }
            }
        });
    }

    /** Deletes samples and finished state spans older than {@code cutoff}; returns the number of samples deleted. */
    public int prune(Instant cutoff) {
        long before = Sql.millis(cutoff);
        return committer.submit(() -> {
            int deleted;
            try (PreparedStatement ps = writer.prepareStatement("DELETE FROM perf_sample WHERE at < ?")) {
                ps.setLong(1, before);
                deleted = ps.executeUpdate();
            }
            try (PreparedStatement ps = writer.prepareStatement("DELETE FROM service_state WHERE until < ?")) {
                ps.setLong(1, before);
                ps.executeUpdate();
            }
            return deleted;
        });
    }
}
