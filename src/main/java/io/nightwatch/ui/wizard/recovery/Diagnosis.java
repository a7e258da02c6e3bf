package io.nightwatch.ui.wizard.recovery;

import java.util.List;
import java.util.Map;

/** The read-only first steps of a recovery, run before the plan is shown, so the operator decides on evidence. */
@FunctionalInterface
public interface Diagnosis {

    /** Nothing is read (hand-fed wizards). */
    Diagnosis NONE = params -> List.of();

    /** What the diagnosis found for {@code params}, in words with the evidence. Off the FX thread; may block. */
    List<String> findings(Map<String, String> params) throws Exception;
}
