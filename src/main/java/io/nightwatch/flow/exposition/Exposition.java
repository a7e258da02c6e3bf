package io.nightwatch.flow.exposition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A parsed {@code /metrics} body: its metric families in the order they first appear. Families
 * that end up without samples (a lone {@code # HELP} or {@code # TYPE}) are not kept, as in
 * Prometheus' own parser.
 */
public record Exposition(List<MetricFamily> families) {

    public Exposition {
        families = List.copyOf(families);
    }

    /** The family with exactly that name (for a histogram or summary: its base name). */
    public Optional<MetricFamily> family(String name) {
        Objects.requireNonNull(name, "name");
        for (MetricFamily f : families) {
            if (f.name().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * Every sample whose own name is exactly {@code sampleName} (e.g. {@code x_bucket}, not
     * {@code x}), across families, in exposition order.
     */
    public List<Sample> samples(String sampleName) {
        Objects.requireNonNull(sampleName, "sampleName");
        List<Sample> out = new ArrayList<>();
        for (MetricFamily f : families) {
            // A family's samples all start with its name (MetricFamily checks), so others can't hold it.
            if (!sampleName.startsWith(f.name())) {
                continue;
            }
            for (Sample s : f.samples()) {
                if (s.name().equals(sampleName)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /**
     * The sum of the values of the samples named exactly {@code sampleName} whose labels include
     * every pair of {@code labelMatch} (an empty map matches all); empty when none match.
     */
    public OptionalDouble sum(String sampleName, Map<String, String> labelMatch) {
        Objects.requireNonNull(labelMatch, "labelMatch");
        double sum = 0;
        boolean any = false;
        for (Sample s : samples(sampleName)) {
            if (s.matches(labelMatch)) {
                sum += s.value();
                any = true;
            }
        }
        return any ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    /** The number of sample lines across all families. */
    public int sampleCount() {
        int n = 0;
        for (MetricFamily f : families) {
            n += f.samples().size();
        }
        return n;
    }
}
