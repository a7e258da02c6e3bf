/**
 * The console window: a Health view ({@code dashboard}), a Flow view ({@code flow}) and an Alerts view
 * ({@code alerts}), switched in the header, where a bell also mutes desktop notifications.
 * Shape: a feature is a view (nodes and layout, no logic) plus a view model (JavaFX properties fed by the core);
 * reusable widgets are real Controls with Skins in {@code controls}; state reaches CSS as pseudo-classes and colours
 * are looked-up variables in {@code styles/}, so a theme only redefines them.
 *
 * <p>Threading: the core reports on its own threads. {@link io.nightwatch.ui.fx.FxBridge} is the only way onto the FX
 * thread (an ArchUnit rule checks it); it coalesces bursts so the newest snapshot wins. Views never call the core.
 * {@link io.nightwatch.ui.fx.NodeMirror} keeps one node per model for the window's life, in every feature.
 */
package io.nightwatch.ui;
