package io.nightwatch.ui.wizard;

import io.nightwatch.ui.fx.Lane;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * What the wizard lends its choice.
 *
 * @param lane    the wizard's background lane: questions to the engine or the disk go there, never on the FX thread
 * @param changed call on the FX thread after anything the blocker depends on changed
 * @param problem says something on the page's problem line ("" clears it); FX thread
 * @param clock   the wizard's clock
 */
public record ChoiceContext(Lane lane, Runnable changed, Consumer<String> problem, Clock clock) {}
