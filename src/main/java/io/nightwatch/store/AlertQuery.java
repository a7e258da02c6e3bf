package io.nightwatch.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A search over the alert history; every filter given must hold. Results come newest start first.
 *
 * @param since       occurrences that started at or after this instant
 * @param until       occurrences that started before this instant
 * @param severities  any of these (compared lower-case)
 * @param services    any of these (the derived service column, see {@link AlertOccurrence#service()})
 * @param states      any of these
 * @param text        free text over label values and annotation text: every word must occur (whole words;
 *                    a word ending in {@code *} matches as a prefix)
 * @param source      the source that reported the occurrence first
 * @param fingerprint one label set's history
 */
public record AlertQuery(Optional<Instant> since, Optional<Instant> until, Set<String> severities,
                         Set<String> services, Set<AlertState> states, Optional<String> text,
                         Optional<String> source, Optional<String> fingerprint, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 100_000;

    public AlertQuery {
        since = since == null ? Optional.empty() : since;
        until = until == null ? Optional.empty() : until;
        severities = severities == null ? Set.of() : lowerCase(severities);
        services = services == null ? Set.of() : Set.copyOf(services);
        states = states == null ? Set.of() : Set.copyOf(states);
        text = text == null ? Optional.empty() : text.filter(t -> !t.isBlank());
        source = source == null ? Optional.empty() : source.map(s -> s.toLowerCase(Locale.ROOT));
        fingerprint = fingerprint == null ? Optional.empty() : fingerprint;
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        if (offset < 0) throw new IllegalArgumentException("offset must not be negative: " + offset);
    }

    /** Everything, newest first, {@link #DEFAULT_LIMIT} at a time. */
    public static AlertQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public AlertQuery withPage(int newLimit, int newOffset) {
        return new AlertQuery(since, until, severities, services, states, text, source, fingerprint, newLimit, newOffset);
    }

    private static Set<String> lowerCase(Set<String> values) {
        Set<String> out = new LinkedHashSet<>();
        values.forEach(v -> out.add(v.trim().toLowerCase(Locale.ROOT)));
        return Set.copyOf(out);
    }

    public static final class Builder {
        private Instant since;
        private Instant until;
        private final Set<String> severities = new LinkedHashSet<>();
        private final Set<String> services = new LinkedHashSet<>();
        private final Set<AlertState> states = new LinkedHashSet<>();
        private String text;
        private String source;
        private String fingerprint;
        private int limit = DEFAULT_LIMIT;
        private int offset;

        private Builder() {}

        public Builder since(Instant value) { since = value; return this; }

        public Builder until(Instant value) { until = value; return this; }

        public Builder severity(String... values) { severities.addAll(Arrays.asList(values)); return this; }

        public Builder service(String... values) { services.addAll(Arrays.asList(values)); return this; }

        public Builder state(AlertState... values) { states.addAll(Arrays.asList(values)); return this; }

        public Builder states(Collection<AlertState> values) { states.addAll(values); return this; }

        public Builder text(String value) { text = value; return this; }

        public Builder source(String value) { source = value; return this; }

        public Builder fingerprint(String value) { fingerprint = value; return this; }

        public Builder limit(int value) { limit = value; return this; }

        public Builder offset(int value) { offset = value; return this; }

        public AlertQuery build() {
            return new AlertQuery(Optional.ofNullable(since), Optional.ofNullable(until), severities, services, states,
                    Optional.ofNullable(text), Optional.ofNullable(source), Optional.ofNullable(fingerprint), limit, offset);
        }
    }
}
