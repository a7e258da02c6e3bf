package io.nightwatch.flow;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one read of a stage's signal gave: a raw value (counter total or level), or why there is none.
 *
 * @param breakdown the same figure per value of the stage's breakdown label, e.g. {@code webhook → 3}
 * @param note      a fact shown beside a level, e.g. "of 256 MiB maxmemory"
 */
record Reading(OptionalDouble raw, String problem, Map<String, Double> breakdown, String note) {

    static Reading of(double value, Map<String, Double> breakdown) {
        return new Reading(OptionalDouble.of(value), "", Map.copyOf(breakdown), "");
    }

    static Reading level(double value, String note) {
        return new Reading(OptionalDouble.of(value), "", Map.of(), note);
    }

    static Reading unreadable(String problem) {
        return new Reading(OptionalDouble.empty(), problem, Map.of(), "");
    }
}
