/**
 * The Alerts view: the alert history Nightwatch keeps (webhooks, Alertmanager and Prometheus polls, its own findings),
 * searched, acknowledged and silenced from the console.
 *
 * <p>{@link io.nightwatch.ui.alerts.AlertsViewModel} holds the filters as JavaFX properties and mirrors them into one
 * immutable {@link io.nightwatch.ui.alerts.AlertFilters} value that its background workers read: one worker for the
 * store (SQLite: never on the FX thread), one for Alertmanager (HTTP: a slow answer never holds up the table). Results
 * come back through {@link io.nightwatch.ui.fx.FxBridge}s, newest wins. The service's "history changed" calls arrive on
 * its threads; each only schedules a re-query, and a burst costs one. Desktop notices are decided by the core's
 * {@link io.nightwatch.alerts.AlertNotifier} and queued (never coalesced away) for the FX thread, where
 * {@link io.nightwatch.ui.alerts.DesktopNotices} shows them with ControlsFX.
 *
 * <p>Shape, as in the other features: worded facts records ({@link io.nightwatch.ui.alerts.AlertRow},
 * {@link io.nightwatch.ui.alerts.AlertDetail}, {@link io.nightwatch.ui.alerts.SilenceRow},
 * {@link io.nightwatch.ui.alerts.SilenceDraft}) tested without a toolkit; views that only build nodes; dialog frames
 * in FXML ({@code AcknowledgeDialog.fxml}, {@code SilenceDialog.fxml}) with their dynamic rows built in code. The
 * timeline strip is a Control on one Canvas ({@link io.nightwatch.ui.controls.AlertTimeline}) whose geometry is the
 * pure {@link io.nightwatch.ui.controls.TimelineLayout}. Severity and state always show as an icon and a word.
 *
 * <p>The table is capped at {@link io.nightwatch.ui.alerts.AlertsViewModel#ROW_LIMIT} rows (newest first; the count
 * says how many matched): narrowing the filters is the way to older ones, as with {@code nightwatch alerts}.
 */
package io.nightwatch.ui.alerts;
