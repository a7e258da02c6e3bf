package io.nightwatch.runbook;

import java.util.List;
import java.util.Map;

/**
 * A runbook defined once and used three ways: the GUI wizard, the CLI and the generated operator docs.
 * {@link #build} turns parameter values into the concrete steps (e.g. one step per selected service); the docs
 * call it with each parameter's example value, and resume/abort call it with the journaled values.
 */
public interface RunbookDefinition {

    String id();

    String title();

    String purpose();

    List<Parameter> parameters();

    /** The CLI command that runs it, for the docs; most runbooks are a command of their own id. */
    default String cliCommand() {
        return "nightwatch " + id();
    }

    /** @throws IllegalArgumentException for a missing or invalid parameter, with a message for the operator */
    Runbook build(Map<String, String> params) throws IllegalArgumentException;
}
