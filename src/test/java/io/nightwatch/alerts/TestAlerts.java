package io.nightwatch.alerts;

import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertState;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Occurrences made by hand, for tests that only read them. */
final class TestAlerts {

    private TestAlerts() {}

    static AlertOccurrence occurrence(long id, String alertname, String severity, String service, AlertState state,
                                      Map<String, String> annotations) {
        Instant t = Instant.parse("2026-11-25T03:00:00Z");
        return new AlertOccurrence(id, String.format("%016x", id), alertname, severity, service,
                Map.of("alertname", alertname, "severity", severity, "service", service), annotations, state, t,
                Optional.empty(), "webhook", Set.of("webhook"), t, t, Optional.empty(), "", "");
    }
}
