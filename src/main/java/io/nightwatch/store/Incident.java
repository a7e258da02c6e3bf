package io.nightwatch.store;

import java.time.Instant;
import java.util.Optional;

/**
 * An incident: opened by an operator or by the first critical alert of a scope (a host, or the whole stack), closed
 * by an operator. At most one is open per scope.
 */
public record Incident(long id, String scope, String title, Instant openedAt, String openedBy, Optional<Instant> closedAt,
                       String closedBy, String summary) {

    public boolean open() {
        return closedAt.isEmpty();
    }
}
