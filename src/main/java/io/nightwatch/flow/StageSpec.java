package io.nightwatch.flow;

import io.nightwatch.stack.ServiceKind;

import java.util.Optional;

/**
 * One measuring point of a pipeline, defined once per service kind.
 *
 * @param key      unique within its service kind, e.g. "samples-appended"
 * @param upstream the key of the stage that feeds this one (any service); empty when the service itself is the
 *                 source, in which case "upstream is up" means the service's health tile is UP
 * @param unit     what one counted thing is, for display ("samples/s", "lines/s", "B")
 */
public record StageSpec(ServiceKind kind, String key, Pipeline pipeline, String title, Signal signal, StageRole role,
                        String unit, Optional<String> upstream) {

    public String qualifiedKey() { return kind.id() + "." + key; }
}
