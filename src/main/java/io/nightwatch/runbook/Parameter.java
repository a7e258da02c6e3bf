package io.nightwatch.runbook;

import java.util.Objects;

/**
 * An input of a runbook. {@code example} is used by the generated docs (they build the runbook with every
 * example value), so it should be realistic. Names that look like secrets ({@link Secrets#isSecret}) are never
 * written to the journal.
 */
public record Parameter(String name, String description, boolean required, String example) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("parameter name is blank");
        description = description == null ? "" : description;
        example = example == null ? "" : example;
    }

    public boolean secret() {
        return Secrets.isSecret(name);
    }
}
