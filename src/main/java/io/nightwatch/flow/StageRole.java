package io.nightwatch.flow;

/** How a stage's figure is read. */
public enum StageRole {
    /** A counter of things passing; zero for the whole window while upstream is up means STALLED. */
    THROUGHPUT,
    /** A counter of things passing where long quiet is normal (notifications, Redis commands at night). */
    QUIET_THROUGHPUT,
    /** A counter of failures (refused, dropped, failed); any rise within the window means STALLED. */
    FAILURES,
    /** A level, shown as it is (clients connected, memory used, targets down). */
    LEVEL
}
