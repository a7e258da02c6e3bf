package io.nightwatch.store;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The columns of a stored occurrence that a new report can change (the writer's working copy). */
record StoredAlert(long id, AlertState state, Instant startsAt, Optional<Instant> endsAt, String annotations,
                   Set<String> seenBy, String generatorUrl, String receiver, Instant lastReceivedAt,
                   Instant stateChangedAt) {}
