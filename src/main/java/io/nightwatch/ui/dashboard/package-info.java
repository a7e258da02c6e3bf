/**
 * The dashboard: {@link io.nightwatch.ui.dashboard.DashboardViewModel} turns health snapshots into hosts and tiles
 * keyed by service id, updated in place; {@link io.nightwatch.ui.dashboard.DashboardView} and its host sections
 * only build nodes and keep one {@link io.nightwatch.ui.controls.HealthTile} per service for the window's life.
 */
package io.nightwatch.ui.dashboard;
