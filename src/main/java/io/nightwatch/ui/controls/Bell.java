package io.nightwatch.ui.controls;

/** The bell's states: pseudo-classes {@code :quiet :ringing :muted}; ringing adds a bang, muted strikes it through. */
public enum Bell {
    QUIET, RINGING, MUTED
}
