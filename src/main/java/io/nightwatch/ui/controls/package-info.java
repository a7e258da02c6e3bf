/**
 * Reusable display controls. They know nothing of the monitor: values arrive already worded through properties,
 * and the skin only lays out and binds. Health states are pseudo-classes ({@code :up :degraded :down :unknown}),
 * flow states too ({@code :flowing :idle :stalled :unknown}), each with an icon shape ({@link
 * io.nightwatch.ui.controls.StateGlyph}, {@link io.nightwatch.ui.controls.FlowGlyph}), so colour is never the only
 * signal.
 *
 * <p>Alerts bring {@link io.nightwatch.ui.controls.SeverityGlyph} ({@code :critical :warning :info :other}),
 * {@link io.nightwatch.ui.controls.AlertStateGlyph} ({@code :firing :pending :suppressed :resolved}) and the
 * {@link io.nightwatch.ui.controls.BellGlyph}.
 *
 * <p>{@link io.nightwatch.ui.controls.AlertTimeline} draws alerts as bars on one Canvas (coloured and patterned by
 * severity); where they go is the pure {@link io.nightwatch.ui.controls.TimelineLayout}.
 *
 * <p>{@link io.nightwatch.ui.controls.Sparkline} draws a series on one Canvas; where its points go is the pure
 * {@link io.nightwatch.ui.controls.SparklineGeometry} (time axis, zero baseline, NaN gaps, per-pixel reduction), so
 * the arithmetic is tested without a toolkit and the skin only strokes what it is given.
 */
package io.nightwatch.ui.controls;
