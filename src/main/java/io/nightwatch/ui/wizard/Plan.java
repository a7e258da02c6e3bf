package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Runbook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A runbook built from the operator's choices, with every step's preview: what the preview page shows and what
 * the run page starts. Immutable; built off the FX thread.
 *
 * @param choices the parameters in words, for the preview's header ("Services: prometheus, redis")
 */
public record Plan(Runbook runbook, Map<String, String> params, List<String> choices, List<StepPlan> steps) {

    public Plan {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        choices = List.copyOf(choices);
        steps = List.copyOf(steps);
    }

    /** Reads every step's preview in a context that changes nothing. Call off the FX thread. */
    static Plan of(Runbook runbook, Map<String, String> params, List<String> choices) {
        RunContext preview = RunContext.preview(params);
        List<StepPlan> steps = new ArrayList<>();
        for (int i = 0; i < runbook.steps().size(); i++) steps.add(StepPlan.of(i, runbook.steps().get(i), preview));
        return new Plan(runbook, params, choices, steps);
    }
}
