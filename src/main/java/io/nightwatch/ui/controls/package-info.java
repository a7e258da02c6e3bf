/**
 * Reusable display controls. They know nothing of the monitor: values arrive already worded through properties,
 * and the skin only lays out and binds. Health states are pseudo-classes ({@code :up :degraded :down :unknown}),
 * flow states too ({@code :flowing :idle :stalled :unknown}), alert severities ({@code :critical :warning :info
 * :other}) and alert states ({@code :firing :pending :suppressed :resolved}), all through
 * {@link io.nightwatch.ui.controls.Styles}. Each state has its own icon shape, so colour is never the only signal: one
 * {@link io.nightwatch.ui.controls.Glyph} draws them all from a {@link io.nightwatch.ui.controls.GlyphTable} (the
 * bell of the Alerts entry included).
 *
 * <p>{@link io.nightwatch.ui.controls.AlertTimeline} draws alerts as bars on one Canvas (coloured and patterned by
 * severity); where they go is the pure {@link io.nightwatch.ui.controls.TimelineLayout}.
 *
 * <p>{@link io.nightwatch.ui.controls.Sparkline} draws a series on one Canvas; where its points go is the pure
 * {@link io.nightwatch.ui.controls.SparklineGeometry} (time axis, zero baseline, NaN gaps, per-pixel reduction), so
 * the arithmetic is tested without a toolkit and the skin only strokes what it is given.
 */
package io.nightwatch.ui.controls;
