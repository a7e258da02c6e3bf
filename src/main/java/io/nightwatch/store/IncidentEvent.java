package io.nightwatch.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of an incident's timeline.
 *
 * @param facts      the event's particulars by name (severity, from/to state, alert id, run id …), for the exports
 * @param attachment a PNG (a dashboard snapshot), if any
 */
public record IncidentEvent(long id, long incidentId, Instant at, Kind kind, String service, String text,
                            Map<String, String> facts, Optional<byte[]> attachment) {

    public IncidentEvent {
        facts = Map.copyOf(facts);
    }

    /** What happened. */
    public enum Kind {
        OPENED, ALERT_FIRED, ALERT_RESOLVED, STATE_CHANGED, FLOW_STALLED, FLOW_RECOVERED, NOTE, SNAPSHOT, CLOSED,
        /** A runbook run (from its journal, merged in when the timeline is read): started, a step, its output, the end. */
        RUNBOOK
    }

    /** A new event, before the store gives it an id. */
    public static IncidentEvent of(Instant at, Kind kind, String service, String text, Map<String, String> facts) {
        return new IncidentEvent(0, 0, at, kind, service, text, facts, Optional.empty());
    }

    public IncidentEvent withAttachment(byte[] png) {
        return new IncidentEvent(id, incidentId, at, kind, service, text, facts, Optional.of(png));
    }
}
