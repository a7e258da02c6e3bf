package io.nightwatch.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One occurrence of an alert: from the moment a label set started firing until it resolved. A fingerprint that
 * fires again later is a new occurrence.
 *
 * @param severity lower-cased {@code severity} label, "" when absent
 * @param service  the first present of the labels component, service, job, container; "" when none
 * @param source   the source that reported it first
 * @param seenBy   every source that has reported it
 * @param ack      the latest acknowledgement
 */
public record AlertOccurrence(long id, String fingerprint, String alertname, String severity, String service,
                              Map<String, String> labels, Map<String, String> annotations, AlertState state,
                              Instant startsAt, Optional<Instant> endsAt, String source, Set<String> seenBy,
                              Instant firstReceivedAt, Instant lastReceivedAt, Optional<Acknowledgement> ack,
                              String generatorUrl, String receiver) {

    public boolean isOpen() {
        return state.isOpen();
    }
}
