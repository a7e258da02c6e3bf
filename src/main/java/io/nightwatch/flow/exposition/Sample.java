package io.nightwatch.flow.exposition;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One sample line of an exposition: {@code name{labels} value [timestamp]}.
 *
 * @param name            the sample's own name, e.g. {@code http_request_duration_seconds_bucket}
 *                        (for histograms and summaries it differs from the family's name)
 * @param labels          immutable, sorted by label name; {@code le} and {@code quantile} stay ordinary labels
 * @param value           may be NaN or ±Infinity
 * @param timestampMillis milliseconds since the epoch, when the line carries one
 */
public record Sample(String name, Map<String, String> labels, double value, OptionalLong timestampMillis) {

    public Sample {
        Objects.requireNonNull(name, "name");
        labels = LabelMap.copyOf(Objects.requireNonNull(labels, "labels"));
        Objects.requireNonNull(timestampMillis, "timestampMillis");
    }

    public Sample(String name, Map<String, String> labels, double value) {
        this(name, labels, value, OptionalLong.empty());
    }

    /** The value of label {@code key}, or null if the sample has no such label. */
    public String label(String key) {
        return labels.get(key);
    }

    /** True when every given label is present with exactly that value (an empty match matches all). */
    public boolean matches(Map<String, String> labelMatch) {
        for (Map.Entry<String, String> e : labelMatch.entrySet()) {
            if (!Objects.equals(labels.get(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The sample as an exposition line, e.g. {@code up{job="x"} 1}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(labels).append(' ').append(formatValue(value));
        timestampMillis.ifPresent(t -> sb.append(' ').append(t));
        return sb.toString();
    }

    /** A value as the exposition format writes it: {@code NaN}, {@code +Inf}, {@code -Inf}, or a number. */
    public static String formatValue(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
