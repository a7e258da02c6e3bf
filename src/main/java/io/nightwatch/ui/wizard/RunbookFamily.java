package io.nightwatch.ui.wizard;

import io.nightwatch.runbook.RunbookDefinition;

import java.util.List;

/**
 * A wizard's definition that stands for several runbooks, the first page choosing which (the recovery scenarios, stop,
 * start and restart): its runs are journaled under the members' ids, so interrupted ones are found, resumed and
 * aborted through the members.
 */
public interface RunbookFamily {

    List<RunbookDefinition> members();
}
