package io.nightwatch.flow;

/** Whether data moves through a stage. */
public enum FlowState {
    /** Data moves (or, for a failure counter, nothing is failing). */
    FLOWING,
    /** Nothing moves, and nothing says it should: quiet, not broken. */
    IDLE,
    /** Upstream is up but nothing has moved for the whole window, or the failure counter keeps rising. */
    STALLED,
    /** No figures: the service or its metrics endpoint cannot be read. */
    UNKNOWN
}
