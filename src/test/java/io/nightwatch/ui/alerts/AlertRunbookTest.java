package io.nightwatch.ui.alerts;

import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which alerts offer "Open runbook", and for which scenario, service and host. */
class AlertRunbookTest {

    private static final Instant NOW = Instant.parse("2025-03-14T03:12:45Z");

    @Test
    void aFindingOfAServiceWithARecoveryNamesItsScenarioServiceAndHost() {
        AlertDetail.Runbook r = detail("NightwatchServiceDown", "redis", Map.of("service", "redis", "host", "local", "component", "redis"))
                .runbook().orElseThrow();
        assertEquals("redis-down", r.scenario().id());
        assertEquals("redis", r.service());
        assertEquals("local", r.host());

        AlertDetail.Runbook named = detail("NightwatchIngestionFailing", "loki", Map.of("service", "loki", "scenario", "loki-ingestion"))
                .runbook().orElseThrow();
        assertEquals("loki-ingestion", named.scenario().id(), "a finding's own scenario label wins");
        assertEquals("", named.host(), "no host label: the wizard takes the service's only host");
    }

    @Test
    void anAlertNoRecoveryFitsOffersNone() {
        assertTrue(detail("NightwatchEngineUnreachable", "", Map.of("host", "edge")).runbook().isEmpty());
        assertTrue(detail("GrafanaDown", "grafana", Map.of("job", "grafana")).runbook().isEmpty());
    }

    private static AlertDetail detail(String alertname, String service, Map<String, String> labels) {
        Map<String, String> all = new java.util.HashMap<>(labels);
        all.put("alertname", alertname);
        AlertOccurrence a = new AlertOccurrence(1, "abc", alertname, "critical", service, Map.copyOf(all), Map.of(), AlertState.FIRING,
                NOW.minusSeconds(60), Optional.empty(), "nightwatch", Set.of("nightwatch"), NOW.minusSeconds(60), NOW, Optional.empty(), "", "");
        return AlertDetail.of(a, List.of(), Optional.empty(), NOW, ZoneOffset.UTC);
    }
}
