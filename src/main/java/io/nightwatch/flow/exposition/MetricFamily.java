package io.nightwatch.flow.exposition;

import java.util.List;
import java.util.Objects;

/**
 * All samples of one metric: its {@code # TYPE}, its {@code # HELP} and its sample lines, in the
 * order of the exposition. A histogram {@code x} holds its {@code x_bucket}, {@code x_sum} and
 * {@code x_count} samples; a summary {@code x} holds {@code x{quantile=...}}, {@code x_sum} and
 * {@code x_count}.
 *
 * @param name    the family's name (the base name for histograms and summaries)
 * @param type    {@link MetricType#UNTYPED} when the exposition gives no {@code # TYPE} line
 * @param help    the unescaped {@code # HELP} text, or the empty string when there is none
 * @param samples immutable; each sample's name starts with the family's name
 */
public record MetricFamily(String name, MetricType type, String help, List<Sample> samples) {

    public MetricFamily {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        help = help == null ? "" : help;
        samples = List.copyOf(samples);
        for (Sample s : samples) {
            if (!s.name().startsWith(name)) {
                throw new IllegalArgumentException(
                        "sample \"" + s.name() + "\" does not belong to family \"" + name + "\""); // tool text
            }
        }
    }
}
