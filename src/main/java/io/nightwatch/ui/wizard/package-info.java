/**
 * The runbook wizard: backup, restore, upgrade and rollback (any {@link io.nightwatch.runbook.RunbookDefinition} with
 * one of those shapes of parameters) as four pages in their own window: choose, preview, run, result.
 *
 * <p>Shape: {@link io.nightwatch.ui.wizard.WizardModel} is the view model of the page flow and the run (JavaFX
 * properties and the commands next, back, start, cancel, resume, abort). What the first page asks belongs to a
 * {@link io.nightwatch.ui.wizard.WizardChoice}, one per family of runbooks, each in its own package with its form:
 * {@code backup}, {@code restore}, {@code imagechange} (upgrade and rollback), {@code recovery} and {@code stack} (these two
 * choose among several runbooks, a {@link io.nightwatch.ui.wizard.RunbookFamily}). This package never asks which kind it
 * is; {@code launch} (the runbooks menu's {@code WizardLauncher}) is the only place that knows all kinds. Everything
 * that may block ({@code RunbookDefinition.build}, the previews, listing backup sets, the engine's answers about
 * images, {@code RunbookRunner.run}) runs on the wizard's {@link io.nightwatch.ui.fx.Lane}; answers come back as
 * {@link io.nightwatch.ui.fx.LatestAnswer}s. The runner's callbacks are folded by
 * {@link io.nightwatch.ui.wizard.RunTracker} into immutable {@link io.nightwatch.ui.wizard.RunProgress} snapshots: each
 * one holds the whole state of the run (and a numbered tail of the output), so the bridge may drop any snapshot but
 * the newest without losing a step's state or an output line. The pages ({@code *Page}, {@code *Form} classes) are
 * views: nodes, layout and bindings, no logic.
 *
 * <p>Why the frame is built in code rather than FXML (the house habit for static frames): the wizard's pages are
 * almost entirely dynamic (one card per step, one row per backup set), and the frame that is left is a header and a
 * button bar, so a separate FXML file would split a small class in two without making anything declarative.
 *
 * <p>Colour is never the only signal: a step's state is an icon shape and a word ({@link
 * io.nightwatch.ui.wizard.StepState}), the outcome too; colours are the looked-up {@code -nw-*} variables of
 * {@code styles/nightwatch.css} (its {@code wizard} section), so the dark theme needs nothing of its own.
 */
package io.nightwatch.ui.wizard;
