package io.nightwatch.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Turns an {@link AlertQuery} into SQL over the indexed columns. Every filter is a plain comparison on a
 * column that leads an index (severity, service, state, source, fingerprint; each index ends in starts_at so
 * that time ranges and the newest-first order come from it); free text goes through the FTS5 index.
 *
 * <p>Free text can drive the query two ways, and the reader picks one from the number of text matches
 * ({@link AlertReader}): FTS5 lists the matching ids and each is fetched (cheap for a rare word), or
 * {@code +a.id IN (…)} (the unary plus hides the rowid from the planner) makes the other filters' index, or the
 * start-time index, drive while the text matches are only probed (cheap for a common word, where the newest
 * 500 are found after a short walk instead of fetching all 30 000 matches).
 */
record QuerySql(String where, List<Object> params) {

    static QuerySql of(AlertQuery q, boolean textDrives) {
        List<String> terms = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        q.since().ifPresent(t -> { terms.add("a.starts_at >= ?"); params.add(Sql.millis(t)); });
        q.until().ifPresent(t -> { terms.add("a.starts_at < ?"); params.add(Sql.millis(t)); });
        in(terms, params, "a.severity", q.severities());
        in(terms, params, "a.service", q.services());
        in(terms, params, "a.state", q.states().stream().map(Enum::name).toList());
        q.source().ifPresent(s -> { terms.add("a.source = ?"); params.add(s); });
        q.fingerprint().ifPresent(f -> { terms.add("a.fingerprint = ?"); params.add(f); });
        q.text().flatMap(QuerySql::ftsQuery).ifPresent(match -> {
            terms.add((textDrives ? "" : "+") + "a.id IN (SELECT rowid FROM alert_fts WHERE alert_fts MATCH ?)");
            params.add(match);
        });
        return new QuerySql(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), List.copyOf(params));
    }

    /** True when the query filters on nothing but free text. */
    static boolean onlyText(AlertQuery q) {
        return q.since().isEmpty() && q.until().isEmpty() && q.severities().isEmpty() && q.services().isEmpty()
                && q.states().isEmpty() && q.source().isEmpty() && q.fingerprint().isEmpty();
    }

    private static void in(List<String> terms, List<Object> params, String column, Collection<String> values) {
        if (values.isEmpty()) return;
        terms.add(values.size() == 1 ? column + " = ?" : column + " IN (" + "?, ".repeat(values.size() - 1) + "?)");
        params.addAll(values);
    }

    /**
     * The user's words as an FTS5 query: each word a quoted string (so that FTS5 operators and punctuation in
     * it are just text; "node1:9100" becomes the phrase node1 9100), all of them required; a trailing
     * {@code *} makes a prefix search. Words without a letter or digit are dropped.
     */
    static Optional<String> ftsQuery(String text) {
        List<String> parts = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            boolean prefix = word.endsWith("*");
            String core = prefix ? word.substring(0, word.length() - 1) : word;
            if (core.codePoints().noneMatch(Character::isLetterOrDigit)) continue;
            parts.add("\"" + core.replace("\"", "\"\"") + "\"" + (prefix ? "*" : ""));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", parts));
    }
}
