/**
 * The restore drill wizard: the set and services are chosen as for a restore, the run restores them into scratch
 * containers ({@link io.nightwatch.audit.DrillRunbook}), and the result shows the measured RTO. Opened from the
 * Readiness view's restore-drill item.
 */
package io.nightwatch.ui.wizard.drill;
