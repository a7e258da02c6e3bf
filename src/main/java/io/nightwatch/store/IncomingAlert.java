package io.nightwatch.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One report of an alert by one source, as handed to {@link AlertStore#record}.
 *
 * <p>Normalised on construction: a missing fingerprint is computed from the labels the way Prometheus and
 * Alertmanager do ({@link LabelFingerprint}); times are cut to milliseconds (Alertmanager's API v2 reports
 * milliseconds, its webhook nanoseconds: cut, both name the same start); Go's zero time
 * {@code 0001-01-01T00:00:00Z}, the webhook's "no end", becomes an empty {@code endsAt}.
 *
 * @param fingerprint nullable: computed from the labels
 * @param source      {@link #WEBHOOK}, {@link #ALERTMANAGER}, {@link #PROMETHEUS} or {@link #NIGHTWATCH}
 * @param startsAt    Alertmanager's startsAt; Prometheus' activeAt
 * @param receivedAt  when Nightwatch received this report (also orders reports that race each other)
 */
public record IncomingAlert(String fingerprint, Map<String, String> labels, Map<String, String> annotations,
                            AlertState state, Instant startsAt, Optional<Instant> endsAt, String source,
                            String generatorUrl, String receiver, Instant receivedAt) {

    public static final String WEBHOOK = "webhook";
    public static final String ALERTMANAGER = "alertmanager";
    public static final String PROMETHEUS = "prometheus";
    public static final String NIGHTWATCH = "nightwatch";

    /** Stored in a comma-separated set, so no commas. */
    private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");

    /** Go's zero {@code time.Time}, which Alertmanager sends as "no end". */
    public static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    public IncomingAlert {
        labels = sortedCopy(Objects.requireNonNull(labels, "labels"));
        annotations = sortedCopy(annotations == null ? Map.of() : annotations);
        Objects.requireNonNull(state, "state");
        startsAt = millis(Objects.requireNonNull(startsAt, "startsAt"));
        endsAt = endsAt == null ? Optional.empty() : endsAt.flatMap(IncomingAlert::endsAt);
        source = source == null ? "" : source.trim().toLowerCase(Locale.ROOT);
        if (!SOURCE_NAME.matcher(source).matches()) {
            throw new IllegalArgumentException("a source is a short name like webhook or prometheus: '" + source + "'");
        }
        receivedAt = millis(Objects.requireNonNull(receivedAt, "receivedAt"));
        fingerprint = fingerprint == null || fingerprint.isBlank() ? LabelFingerprint.of(labels) : fingerprint.trim();
        generatorUrl = generatorUrl == null ? "" : generatorUrl;
        receiver = receiver == null ? "" : receiver;
    }

    /** An end time as Alertmanager sends it: Go's zero time (or anything before it) means none. */
    public static Optional<Instant> endsAt(Instant maybeZero) {
        if (maybeZero == null || !maybeZero.isAfter(GO_ZERO_TIME)) return Optional.empty();
        return Optional.of(millis(maybeZero));
    }

    private static Instant millis(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Map<String, String> sortedCopy(Map<String, String> map) {
        TreeMap<String, String> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "label name"), v == null ? "" : v));
        return Collections.unmodifiableMap(copy);
    }
}
