/**
 * Reusable display controls. They know nothing of the monitor: values arrive already worded through properties,
 * and the skin only lays out and binds. States are pseudo-classes ({@code :up :degraded :down :unknown}) plus an
 * icon shape, so colour is never the only signal.
 */
package io.nightwatch.ui.controls;
