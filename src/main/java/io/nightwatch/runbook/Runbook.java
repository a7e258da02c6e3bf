package io.nightwatch.runbook;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A runbook with its parameters turned into concrete steps (see {@link RunbookDefinition#build}). */
public record Runbook(String id, String title, String purpose, List<Parameter> parameters, List<Step> steps) {

    public Runbook {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("runbook id is blank");
        title = title == null ? id : title;
        purpose = purpose == null ? "" : purpose;
        parameters = List.copyOf(parameters);
        steps = List.copyOf(steps);
        // The journal names steps by id; a duplicate would make resume and abort ambiguous.
        Set<String> seen = new HashSet<>();
        for (Step s : steps) {
            if (s.id() == null || s.id().isBlank()) throw new IllegalArgumentException("runbook " + id + ": a step has no id");
            if (!seen.add(s.id())) throw new IllegalArgumentException("runbook " + id + ": step id '" + s.id() + "' is used twice");
        }
    }

    /** Index of the step with this id, or -1. */
    public int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) if (steps.get(i).id().equals(stepId)) return i;
        return -1;
    }
}
