package io.nightwatch.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Small conversions between the store's records and SQLite columns. Times are epoch milliseconds. */
final class Sql {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() {};

    private Sql() {}

    static long millis(Instant t) {
        return t.toEpochMilli();
    }

    static Instant instant(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(instant(v));
    }

    static void setOptionalMillis(PreparedStatement ps, int index, Optional<Instant> t) throws SQLException {
        if (t.isPresent()) ps.setLong(index, millis(t.get()));
        else ps.setNull(index, java.sql.Types.INTEGER);
    }

    /** Sorted keys, so that equal maps are equal text (the writer compares annotations as text). */
    static String json(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map instanceof TreeMap ? map : new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a string map", e);
        }
    }

    static Map<String, String> map(String json) {
        if (json == null || json.isEmpty()) return Map.of();
        try {
            return Collections.unmodifiableMap(JSON.readValue(json, STRING_MAP));
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored label set is not valid JSON", e);
        }
    }

    /** Seen-by is a short, sorted, comma-separated set of source names. */
    static String seenBy(Set<String> sources) {
        return String.join(",", new TreeSet<>(sources));
    }

    static Set<String> seenBy(String text) {
        if (text == null || text.isEmpty()) return Set.of();
        return Collections.unmodifiableSortedSet(new TreeSet<>(Arrays.asList(text.split(","))));
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
    }

    /** SQLite's primary result code (sqlite-jdbc may report an extended one). */
    static int primaryCode(SQLException e) {
        return e.getErrorCode() & 0xFF;
    }

    /** An operator-facing error naming the file, for failures that are about the file rather than a statement. */
    static StoreException fileError(Path file, SQLException e) {
        return switch (primaryCode(e)) {
            case 26 -> new StoreException(file + " is not an SQLite database, so it cannot be Nightwatch's alert "
                    + "history; move it away or choose another file", e);
            case 11 -> new StoreException(file + " is a damaged SQLite database (" + e.getMessage() + ")", e);
            case 14 -> new StoreException("cannot open " + file + " (missing directory or no permission)", e);
            case 8 -> new StoreException(file + " is read-only", e);
            case 13 -> new StoreException("the disk holding " + file + " is full", e);
            case 5, 6 -> new StoreException(file + " is locked by another process for too long", e);
            default -> new StoreException("alert history " + file + ": " + e.getMessage(), e);
        };
    }
}
