/**
 * The Flow view: is data moving through every stage of the stack? {@link io.nightwatch.ui.flow.FlowViewModel}
 * turns {@link io.nightwatch.flow.FlowSnapshot}s (through the one {@link io.nightwatch.ui.fx.FxBridge}) into lanes of
 * stage and canary cards, data volumes and containers' error lines, each a {@link io.nightwatch.ui.flow.LiveItem}
 * keyed by id and updated in place; the views only build nodes (one
 * {@link io.nightwatch.ui.controls.Sparkline} canvas per card) and keep them for the window's life.
 *
 * <p>Wording (figures, "full in ~3 d", "3 error lines/min") lives in the facts records, which are plain values
 * tested without a toolkit.
 */
package io.nightwatch.ui.flow;
