/**
 * The Readiness view: the readiness audit ({@link io.nightwatch.audit.AuditRunner}) of the live stack in the window, with
 * the verdict per phase, the score and its history, and every item with its evidence and fix.
 *
 * <p>Shape, as in the other features: {@link io.nightwatch.ui.readiness.ReadinessViewModel} holds everything shown as
 * JavaFX properties and runs the audit and the history reads on its lane of the window's background pool; the view only
 * builds nodes and binds them; every word is in {@link io.nightwatch.ui.readiness.ReadinessWording}; colours come
 * from pseudo-classes ({@link io.nightwatch.ui.readiness.ReadinessLook}) and the stylesheet.
 */
package io.nightwatch.ui.readiness;
