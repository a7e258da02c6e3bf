package io.nightwatch.runbook;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A definition whose steps come from a function of the parameters. */
record SimpleDefinition(String id, String title, String purpose, List<Parameter> parameters,
                        Function<Map<String, String>, List<Step>> steps) implements RunbookDefinition {

    static SimpleDefinition of(String id, List<Parameter> parameters, Function<Map<String, String>, List<Step>> steps) {
        return new SimpleDefinition(id, "Runbook " + id, "Tests " + id + ".", parameters, steps);
    }

    @Override
    public Runbook build(Map<String, String> params) {
        for (Parameter p : parameters) {
            if (p.required() && !params.containsKey(p.name())) throw new IllegalArgumentException("missing " + p.name());
        }
        return new Runbook(id, title, purpose, parameters, steps.apply(params));
    }
}
