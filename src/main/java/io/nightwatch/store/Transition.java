package io.nightwatch.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One state change of an occurrence (the state it was inserted with is not a transition).
 *
 * @param at     for RESOLVED the alert's own end time when the source gave one, else when Nightwatch received the change
 * @param source who reported the change (webhook, alertmanager, prometheus, nightwatch)
 */
public record Transition(long alertId, Instant at, AlertState from, AlertState to, String source) {
    public Transition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(source, "source");
    }
}
